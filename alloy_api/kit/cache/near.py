"""This process's short-lived copies of single library entries, in front of Redis.

A copy is used only while this process is subscribed to the invalidation channel and the Redis
breaker is closed: every write publishes the bases it invalidated, and every process drops its
copies when the message arrives. `epoch` moves on with every drop, so a value read from Redis
before a drop is not copied in after it. Auth state is never kept near.
"""

import asyncio
import contextlib
import time
from collections.abc import Iterable

from loguru import logger
from redis.exceptions import RedisError

from alloy_api.kit.cache.keys import EPOCH_MESSAGE, INVALIDATION_CHANNEL
from alloy_api.kit.redis_link import RedisLink

LISTEN_POLL_SECONDS = 1.0
LISTEN_RETRY_SECONDS = 1.0


class NearCache:
    def __init__(self, ttl_seconds: float) -> None:
        self.ttl_seconds = ttl_seconds
        self.entries: dict[str, tuple[float, bytes]] = {}
        self.subscribed = False
        self.epoch = 0

    def get(self, base: str) -> bytes | None:
        if not self.subscribed:
            return None
        entry = self.entries.get(base)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del self.entries[base]
            return None
        return entry[1]

    def put(self, base: str, raw: bytes, epoch: int) -> None:
        if self.subscribed and epoch == self.epoch:
            self.entries[base] = (time.monotonic() + self.ttl_seconds, raw)

    def drop(self, bases: Iterable[str]) -> None:
        self.epoch += 1
        for base in bases:
            self.entries.pop(base, None)

    def reset(self, *, subscribed: bool) -> None:
        self.epoch += 1
        self.subscribed = subscribed
        self.entries.clear()

    def receive(self, message: bytes) -> None:
        if message == EPOCH_MESSAGE:
            self.reset(subscribed=True)
        else:
            self.drop(message.decode().split("\n"))


async def _listen_once(link: RedisLink, near: NearCache, stop: asyncio.Event) -> None:
    pubsub = link.client.pubsub()
    try:
        await pubsub.subscribe(INVALIDATION_CHANNEL)
        while not stop.is_set():
            message = await pubsub.get_message(timeout=LISTEN_POLL_SECONDS)
            if message is None:
                continue
            if message["type"] == "subscribe":
                near.reset(subscribed=True)
            elif message["type"] == "message":
                near.receive(message["data"])
    finally:
        near.reset(subscribed=False)
        with contextlib.suppress(RedisError, OSError):
            await pubsub.aclose()


async def listen_for_invalidations(link: RedisLink, near: NearCache, stop: asyncio.Event) -> None:
    """Keep `near` in step with every process's writes, resubscribing after Redis failures."""
    while not stop.is_set():
        try:
            await _listen_once(link, near, stop)
        except (RedisError, OSError, TimeoutError) as error:
            if stop.is_set():
                return
            logger.debug("invalidation channel lost: {}", type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), LISTEN_RETRY_SECONDS)
