"""The process's one Redis client, behind a circuit breaker.

Every use of Redis (cache, rate limits, login throttles, the invalidation channel) goes through
`RedisLink.run` or `RedisLink.run_script`. Three timeouts or connection failures in a row
(`OPEN_AFTER_FAILURES`: one slow command on a loaded machine must not shed every limit) open the
breaker: from then on every call fails at once with `RedisUnavailableError`, so no request waits
out a timeout while Redis is down or frozen, and each caller applies its own failure policy
(docs/OPERATIONS.md). While it is open a
background probe pings Redis every `redis_breaker_probe_seconds`; when a ping answers, the
recovery steps run (the outbox of missed invalidations is drained, the cache epoch is moved on
when this process missed an invalidation) and only then does the breaker close.

Written here rather than taken from purgatory or aiobreaker: both let a live request be the
half-open trial (that request pays the timeout) and have no place for recovery steps that must
finish before the first request trusts the cache again; this one costs one attribute read per call.

Two clients share the breaker: the Lua scripts of the hot path (rate limits, cache steps, login
throttles) go through `run_script` on one pipelined connection (`kit.resp`); the rest (pub/sub,
pings, scans) through `run` on redis-py. Both retry a command once on a fresh connection after a
connection error (not after a timeout), so the connections a restarted Redis left dead are
replaced at once instead of failing one request each.
"""

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from loguru import logger
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from alloy_api.kit.resp import Arg, RespClient, Script
from alloy_api.observability.metrics import set_redis_circuit_open
from alloy_api.settings import Settings

MAX_CONNECTIONS = 64
OPEN_AFTER_FAILURES = 3
POOL_WAIT_FACTOR = 5
"""A request waits up to this many command timeouts for a free connection: a full pool on a busy
process is not an outage."""
OUTAGES: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    OSError,
    TimeoutError,
)
"""Failures that say Redis is unreachable (they open the breaker); other Redis errors only fail
the call."""
ResultT = TypeVar("ResultT")
RecoveryStep = Callable[[], Awaitable[None]]
_recovering: ContextVar[bool] = ContextVar("alloy_redis_recovering", default=False)


class RedisUnavailableError(RedisError):
    """Redis failed or the breaker is open: the caller falls back to its failure policy."""


def build_client(settings: Settings) -> Redis | None:
    """A client whose pool waits for a free connection instead of raising when it is full."""
    if settings.redis_url is None:
        return None
    pool = BlockingConnectionPool.from_url(
        settings.redis_url,
        max_connections=MAX_CONNECTIONS,
        timeout=settings.redis_timeout_seconds * POOL_WAIT_FACTOR,
        socket_timeout=settings.redis_timeout_seconds,
        socket_connect_timeout=settings.redis_timeout_seconds,
        retry=Retry(NoBackoff(), 1),
        retry_on_error=[RedisConnectionError],
    )
    return Redis(connection_pool=pool)


class RedisLink:
    def __init__(self, client: Redis, settings: Settings) -> None:
        self.client = client
        self.scripts = RespClient(settings.redis_url or "", settings.redis_timeout_seconds)
        self.is_open = False
        self.opened_at = 0.0
        self.failures_in_a_row = 0
        self.missed_invalidations = False
        """Set when an invalidation could not be applied since the breaker last closed."""
        self._probe_seconds = settings.redis_breaker_probe_seconds
        self._timeout_seconds = settings.redis_timeout_seconds
        self._recovery_steps: list[RecoveryStep] = []
        self._probe: asyncio.Task[None] | None = None

    def on_recovery(self, step: RecoveryStep) -> None:
        """Run `step` after Redis answers again and before the breaker closes."""
        self._recovery_steps.append(step)

    @property
    def available(self) -> bool:
        return not self.is_open or _recovering.get()

    async def run(self, call: Callable[[Redis], Awaitable[ResultT]]) -> ResultT:
        """`call(client)`, or `RedisUnavailableError` when the breaker is open or the call fails."""
        if not self.available:
            raise RedisUnavailableError("the Redis circuit is open")
        try:
            result = await call(self.client)
        except (*OUTAGES, RedisError) as error:
            raise self._failed(error) from error
        self.failures_in_a_row = 0
        return result

    async def run_script(self, script: Script, keys: list[Arg], args: list[Arg]) -> Any:
        """`script`'s reply, or `RedisUnavailableError` as `run` raises it."""
        if not self.available:
            raise RedisUnavailableError("the Redis circuit is open")
        try:
            result = await self.scripts.run_script(script, keys, args)
        except (*OUTAGES, RedisError) as error:
            raise self._failed(error) from error
        self.failures_in_a_row = 0
        return result

    def _failed(self, error: BaseException) -> RedisUnavailableError:
        """Count an outage (opening the breaker after enough in a row); what the caller raises."""
        if isinstance(error, OUTAGES):
            self.failures_in_a_row += 1
            if self.failures_in_a_row >= OPEN_AFTER_FAILURES:
                self.trip(error)
        return RedisUnavailableError(type(error).__name__)

    def trip(self, error: BaseException) -> None:
        """Open the breaker (if it is not open already) after `error`."""
        if self.is_open:
            return
        self.is_open = True
        self.opened_at = time.monotonic()
        set_redis_circuit_open(True)
        logger.warning("Redis circuit opened: {}", type(error).__name__)
        if self._probe is None or self._probe.done():
            self._probe = asyncio.get_running_loop().create_task(self._probe_until_closed())

    async def _probe_until_closed(self) -> None:
        _recovering.set(True)
        while self.is_open:
            await asyncio.sleep(self._probe_seconds)
            try:
                await asyncio.wait_for(self.client.ping(), self._timeout_seconds)
                for step in self._recovery_steps:
                    await step()
            except (*OUTAGES, RedisError) as error:
                logger.debug("Redis still unavailable: {}", type(error).__name__)
                continue
            except Exception:
                logger.exception("a Redis recovery step failed; the circuit stays open")
                continue
            self._close()

    def _close(self) -> None:
        self.is_open = False
        self.failures_in_a_row = 0
        self.missed_invalidations = False
        set_redis_circuit_open(False)
        logger.info("Redis circuit closed after {:.1f} s", time.monotonic() - self.opened_at)

    async def close(self) -> None:
        if self._probe is not None:
            self._probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe
        await self.scripts.close()
        await self.client.aclose()
        await self.client.connection_pool.disconnect()
