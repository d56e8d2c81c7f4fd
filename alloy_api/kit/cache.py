"""The shared cache: Redis when configured, in-process otherwise; cache-aside reads on top of it.

`cached(key, load)` answers from the cache or fills it from `load()`; `invalidate(...)` is called
by every write. Values are JSON bytes, so a read never shares objects with another read.

Fills cannot resurrect data a write replaced: a read that misses first claims the key with a
short lease, loads, and stores its value only while the lease still holds it (compare-and-set);
a write that deletes the key (after its transaction commits) removes the lease, so a load that
raced it is returned but never stored. List pages carry their namespaces' generation counters in
their keys, and a write moves the counter on instead of finding every page.

With Redis, keys marked `near` (single library entries, read on every hot request) are also kept
in this process's memory for a few seconds (`NearCache`). Every invalidation is published on a
Redis channel that every process listens to; a process drops its copies when the message arrives,
and uses none while it is not subscribed. Auth state is never kept near: a role or password change
must be refused by the very next request in every process, so it is always read from Redis.

A request can also ask for keys it is about to read (`prefetch`) to ride along with its first
Redis round trip (the rate limiter's): `cached` then takes the value fetched there, once, instead
of asking Redis again. The token's auth state is read this way on every authenticated request.

When the cache fails, reads go to the database with a warning log and the error metric.
"""

import asyncio
import contextlib
import hashlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import urlsplit

import orjson
from aiocache import RedisCache, SimpleMemoryCache
from aiocache.base import BaseCache
from loguru import logger
from pydantic import BaseModel
from quart import Quart, g, has_app_context, has_request_context
from redis.asyncio import BlockingConnectionPool
from redis.exceptions import RedisError

from alloy_api.kit.ids import new_id_str
from alloy_api.observability.metrics import (
    record_cache_error,
    record_cache_hit,
    record_cache_miss,
)
from alloy_api.settings import Settings
from alloy_api.state import AppState, app_state

CACHE_NAMESPACE = "alloy"
DATA_PREFIX = "data"
KEY_SCHEMA = "v1"
GENERATION_NAME = "generation"
DEFAULT_REDIS_PORT = 6379
PING_TTL_SECONDS = 10
LEASE_MARKER = "~lease:"
LEASE_SECONDS = 10
FINGERPRINT_BYTES = 12
SCAN_BATCH = 500
INVALIDATION_CHANNEL = f"{CACHE_NAMESPACE}:invalidations"
LISTEN_POLL_SECONDS = 1.0
LISTEN_RETRY_SECONDS = 1.0
WARNING_INTERVAL_SECONDS = 10.0
CACHE_FAILURES: tuple[type[BaseException], ...] = (RedisError, OSError, TimeoutError)
NO_TIMEOUT = None
"""Redis calls are bounded by the pool's socket timeouts; aiocache's own timeout adds a task."""
NOT_PREFETCHED = object()


ValueT = TypeVar("ValueT")


class Lifetime(StrEnum):
    """Which TTL setting a cached value lives by."""

    RESOURCE = "cache_resource_ttl_seconds"
    LIST = "cache_list_ttl_seconds"
    AUTH = "cache_auth_ttl_seconds"


@dataclass(frozen=True, slots=True)
class CacheKey:
    """A cached value: `namespace` groups it (metrics, flush, stats), `name` identifies it.

    `generations` names the namespaces whose generation counters the key includes: moving one
    on (`invalidate(namespaces=...)`) retires every key that includes it at once.
    """

    namespace: str
    name: str
    lifetime: Lifetime = Lifetime.RESOURCE
    generations: tuple[str, ...] = field(default=())
    near: bool = False
    """Also kept in this process's memory (see `NearCache`); only for keys without generations."""

    @property
    def base(self) -> str:
        return f"{DATA_PREFIX}:{self.namespace}:{KEY_SCHEMA}:{self.name}"


class NearCache:
    """Raw cached values copied into this process for `ttl_seconds`, used only while subscribed
    to the invalidation channel. `epoch` moves on with every drop, so a value read from Redis
    before a drop is not copied in after it."""

    def __init__(self, ttl_seconds: float) -> None:
        self.ttl_seconds = ttl_seconds
        self.entries: dict[str, tuple[float, str | bytes]] = {}
        self.subscribed = False
        self.epoch = 0

    def get(self, key: str) -> str | bytes | None:
        if not self.subscribed:
            return None
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del self.entries[key]
            return None
        return entry[1]

    def put(self, key: str, raw: str | bytes, epoch: int) -> None:
        if self.subscribed and epoch == self.epoch:
            self.entries[key] = (time.monotonic() + self.ttl_seconds, raw)

    def drop(self, keys: Iterable[str]) -> None:
        self.epoch += 1
        for key in keys:
            self.entries.pop(key, None)

    def reset(self, *, subscribed: bool) -> None:
        self.epoch += 1
        self.subscribed = subscribed
        self.entries.clear()


def build_near_cache(settings: Settings) -> NearCache | None:
    if settings.redis_url is None or not settings.cache_near_ttl_seconds:
        return None
    return NearCache(settings.cache_near_ttl_seconds)


async def _listen_once(cache: BaseCache, near: NearCache, stop: asyncio.Event) -> None:
    pubsub = _redis_of(cache).pubsub()
    try:
        await pubsub.subscribe(INVALIDATION_CHANNEL)
        while not stop.is_set():
            message = await pubsub.get_message(timeout=LISTEN_POLL_SECONDS)
            if message is None:
                continue
            if message["type"] == "subscribe":
                near.reset(subscribed=True)
            elif message["type"] == "message":
                near.drop(orjson.loads(message["data"]))
    finally:
        near.reset(subscribed=False)
        await pubsub.aclose()


async def listen_for_invalidations(cache: BaseCache, near: NearCache, stop: asyncio.Event) -> None:
    """Keep `near` in step with every process's writes, resubscribing after Redis failures."""
    while not stop.is_set():
        try:
            await _listen_once(cache, near, stop)
        except CACHE_FAILURES as error:
            if stop.is_set():
                return
            _degraded("near", "invalidation listening", error)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), LISTEN_RETRY_SECONDS)


def install_near_cache(app: Quart, state: AppState) -> None:
    near = state.near_cache
    if near is None:
        return
    listener: list[asyncio.Task[None]] = []
    stop = asyncio.Event()

    @app.before_serving
    async def start_listening() -> None:
        stop.clear()
        listener.append(asyncio.create_task(listen_for_invalidations(state.cache, near, stop)))

    @app.after_serving
    async def stop_listening() -> None:
        """Before the cache closes, so the subscription goes back to its pool first."""
        stop.set()
        for task in listener:
            task.cancel()
        if listener:
            await asyncio.wait(listener, timeout=LISTEN_POLL_SECONDS * 2)
        listener.clear()


@dataclass(frozen=True, slots=True)
class _Invalidation:
    keys: tuple[CacheKey, ...]
    namespaces: tuple[str, ...]


_operator_cache: ContextVar[tuple[BaseCache, Settings] | None] = ContextVar(
    "alloy_operator_cache", default=None
)
_pending: ContextVar[list[_Invalidation] | None] = ContextVar(
    "alloy_pending_invalidations", default=None
)
_last_warning_at: list[float] = [0.0]


def build_cache(settings: Settings) -> BaseCache:
    if settings.redis_url is None:
        return SimpleMemoryCache(namespace=CACHE_NAMESPACE)
    url = urlsplit(settings.redis_url)
    database = url.path.lstrip("/") or "0"
    return RedisCache(
        endpoint=url.hostname or "127.0.0.1",
        port=url.port or DEFAULT_REDIS_PORT,
        db=int(database),
        password=url.password,
        namespace=CACHE_NAMESPACE,
        create_connection_timeout=settings.redis_timeout_seconds,
        connection_pool_class=BlockingConnectionPool,
        connection_pool_kwargs={
            "socket_timeout": settings.redis_timeout_seconds,
            "timeout": settings.redis_timeout_seconds,
        },
        timeout=settings.redis_timeout_seconds,
    )


def is_in_process(cache: BaseCache) -> bool:
    return isinstance(cache, SimpleMemoryCache)


async def ping_cache(cache: BaseCache) -> None:
    """A write and a read back; raises when the cache does not answer correctly."""
    probe_key = f"health:{new_id_str()}"
    probe_value = new_id_str()
    await cache.set(probe_key, probe_value, ttl=PING_TTL_SECONDS)
    echoed = await cache.get(probe_key)
    await cache.delete(probe_key)
    if echoed != probe_value:
        raise ConnectionError("the cache did not return what was written")


async def close_cache(cache: BaseCache) -> None:
    await asyncio.shield(cache.close())


@asynccontextmanager
async def operator_cache(settings: Settings) -> AsyncIterator[BaseCache]:
    """The cache for code running outside a served app (the CLI): its writes invalidate too."""
    cache = build_cache(settings)
    token = _operator_cache.set((cache, settings))
    try:
        yield cache
    finally:
        _operator_cache.reset(token)
        await close_cache(cache)


def _active() -> tuple[BaseCache, Settings] | None:
    if has_app_context():
        state = app_state()
        return (state.cache, state.settings) if state.settings.cache_enabled else None
    return _operator_cache.get()


def _near_cache() -> NearCache | None:
    return app_state().near_cache if has_app_context() else None


def _degraded(namespace: str, operation: str, error: BaseException) -> None:
    record_cache_error(namespace)
    now = time.monotonic()
    if now - _last_warning_at[0] >= WARNING_INTERVAL_SECONDS:
        _last_warning_at[0] = now
        logger.warning(
            "cache unavailable, {} of {} skipped: {}", operation, namespace, type(error).__name__
        )


def fingerprint(query: BaseModel) -> str:
    """A short stable digest of a list's query parameters, for its cache key."""
    encoded = orjson.dumps(query.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
    return hashlib.blake2b(encoded, digest_size=FINGERPRINT_BYTES).hexdigest()


def _as_bytes(value: Any) -> Any:
    return value


def _generation_key(namespace: str) -> str:
    return f"{DATA_PREFIX}:{namespace}:{GENERATION_NAME}"


async def _storage_key(cache: BaseCache, key: CacheKey) -> str:
    if not key.generations:
        return key.base
    counters = await cache.multi_get(
        [_generation_key(namespace) for namespace in key.generations],
        loads_fn=_as_bytes,
        timeout=NO_TIMEOUT,
    )
    versions = ".".join(_text(counter) if counter is not None else "0" for counter in counters)
    return f"{key.base}@{versions}"


def _text(raw: str | bytes) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _is_lease(raw: str | bytes) -> bool:
    return _text(raw[: len(LEASE_MARKER)]) == LEASE_MARKER


async def _claim(cache: BaseCache, storage_key: str) -> bytes | None:
    """A lease on a missing key, or None when another read holds one (or the value arrived)."""
    lease = f"{LEASE_MARKER}{new_id_str()}".encode()
    try:
        await cache.add(storage_key, lease, ttl=LEASE_SECONDS, dumps_fn=_as_bytes)
    except ValueError:
        return None
    return lease


def prefetch(key: CacheKey) -> None:
    """Ask for `key` (one without generations) to be read in this request's first Redis round
    trip; nothing happens when the cache is off or in-process."""
    active = _active()
    if key.generations or active is None or is_in_process(active[0]):
        return
    wanted: list[str] = g.setdefault("cache_prefetch_wanted", [])
    wanted.append(active[0].build_key(key.base))


def take_prefetch_requests() -> list[str]:
    """The Redis keys this request asked to prefetch (asked once: the round trip that takes them
    must hand their values to `deliver_prefetched`)."""
    return g.pop("cache_prefetch_wanted", []) if has_request_context() else []


def deliver_prefetched(values: dict[str, bytes | None]) -> None:
    g.cache_prefetched = values


def _prefetched(cache: BaseCache, storage_key: str) -> Any:
    """The value fetched ahead for `storage_key`, once; `NOT_PREFETCHED` when there is none."""
    values: dict[str, bytes | None] | None = g.get("cache_prefetched")
    if not values:
        return NOT_PREFETCHED
    return values.pop(cache.build_key(storage_key), NOT_PREFETCHED)


def _forget_prefetched(cache: BaseCache, storage_keys: Iterable[str]) -> None:
    values: dict[str, bytes | None] | None = g.get("cache_prefetched")
    if not values:
        return
    for storage_key in storage_keys:
        values.pop(cache.build_key(storage_key), None)


async def _read(cache: BaseCache, storage_key: str) -> Any:
    raw = _prefetched(cache, storage_key) if has_request_context() else NOT_PREFETCHED
    if raw is NOT_PREFETCHED:
        raw = await cache.get(storage_key, loads_fn=_as_bytes, timeout=NO_TIMEOUT)
    return raw


async def cached(key: CacheKey, load: Callable[[], Awaitable[ValueT | None]]) -> Any:
    """The value of `key` from the cache, or `load()`ed and stored (None is never stored).

    `load` returns JSON-able data (what the API renders); what comes back from the cache is that
    data decoded from JSON.
    """
    active = _active()
    if active is None:
        return await load()
    cache, settings = active
    near = _near_cache() if key.near else None
    epoch = 0
    if near is not None:
        raw = near.get(key.base)
        if raw is not None:
            record_cache_hit(key.namespace)
            return orjson.loads(raw)
        epoch = near.epoch
    try:
        storage_key = await _storage_key(cache, key)
        raw = await _read(cache, storage_key)
        if raw is not None and not _is_lease(raw):
            record_cache_hit(key.namespace)
            if near is not None:
                near.put(storage_key, raw, epoch)
            return orjson.loads(raw)
        record_cache_miss(key.namespace)
        lease = await _claim(cache, storage_key) if raw is None else None
    except CACHE_FAILURES as error:
        _degraded(key.namespace, "read", error)
        return await load()
    value = await load()
    if lease is not None and value is not None:
        await _fill(cache, storage_key, lease, value, getattr(settings, key.lifetime.value), key)
    return value


async def _fill(
    cache: BaseCache, storage_key: str, lease: bytes, value: Any, ttl: int, key: CacheKey
) -> None:
    try:
        await cache.set(
            storage_key, orjson.dumps(value), ttl=ttl, dumps_fn=_as_bytes, _cas_token=lease
        )
    except CACHE_FAILURES as error:
        _degraded(key.namespace, "fill", error)


async def invalidate(*keys: CacheKey, namespaces: Iterable[str] = ()) -> None:
    """Forget `keys` and move the generation of `namespaces` on.

    Inside a database transaction this happens once it commits (nothing, if it rolls back).
    """
    invalidation = _Invalidation(tuple(keys), tuple(namespaces))
    pending = _pending.get()
    if pending is not None:
        pending.append(invalidation)
        return
    await _apply([invalidation])


async def _apply(invalidations: Sequence[_Invalidation]) -> None:
    active = _active()
    if active is None or not invalidations:
        return
    cache, _ = active
    storage_keys = {
        key.base
        for invalidation in invalidations
        for key in invalidation.keys
        if not key.generations
    }
    namespaces = {
        namespace for invalidation in invalidations for namespace in invalidation.namespaces
    }
    near = _near_cache()
    if near is not None:
        near.drop(storage_keys)
    if has_request_context():
        _forget_prefetched(cache, storage_keys)
    try:
        for storage_key in storage_keys:
            await cache.delete(storage_key, timeout=NO_TIMEOUT)
        for namespace in namespaces:
            await cache.increment(_generation_key(namespace), 1, timeout=NO_TIMEOUT)
        if storage_keys and not is_in_process(cache):
            await _redis_of(cache).publish(INVALIDATION_CHANNEL, orjson.dumps(sorted(storage_keys)))
    except CACHE_FAILURES as error:
        for namespace in namespaces | {key.namespace for i in invalidations for key in i.keys}:
            _degraded(namespace, "invalidation", error)


@asynccontextmanager
async def invalidations_after_commit() -> AsyncIterator[None]:
    """Hold the invalidations requested inside the block until it completes without error.

    The transaction helper wraps each transaction in it; a block nested in another one joins it.
    """
    if _pending.get() is not None:
        yield
        return
    pending: list[_Invalidation] = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    await _apply(pending)


def _redis_of(cache: BaseCache) -> Any:
    if is_in_process(cache):
        raise InProcessCacheError(
            "the cache is in-process: each serving process holds its own (set ALLOY_REDIS_URL)"
        )
    return cache.client  # type: ignore[attr-defined]


class InProcessCacheError(RuntimeError):
    """An operation on the shared cache was asked of an in-process one."""


def _data_pattern(prefix: str) -> str:
    return f"{CACHE_NAMESPACE}:{DATA_PREFIX}:{prefix}*"


async def flush(cache: BaseCache, prefix: str = "") -> int:
    """Delete the cached data (of namespaces starting with `prefix`); the number of keys deleted.

    Only cache-aside data goes: login throttles, rate limits and idempotency keys stay.
    """
    client = _redis_of(cache)
    deleted = 0
    batch: list[bytes] = []
    async for key in client.scan_iter(match=_data_pattern(prefix), count=SCAN_BATCH):
        batch.append(key)
        if len(batch) >= SCAN_BATCH:
            deleted += await client.delete(*batch)
            batch = []
    if batch:
        deleted += await client.delete(*batch)
    return deleted


def _group_of(key: str) -> str:
    parts = key.split(":")
    if len(parts) > 2 and parts[1] == DATA_PREFIX:
        return f"{DATA_PREFIX}:{parts[2]}"
    return parts[1] if len(parts) > 1 else key


async def key_counts(cache: BaseCache) -> dict[str, int]:
    """How many keys the cache holds per namespace (`data:<namespace>` for cache-aside data)."""
    client = _redis_of(cache)
    counts: dict[str, int] = {}
    async for raw_key in client.scan_iter(match=f"{CACHE_NAMESPACE}:*", count=SCAN_BATCH):
        group = _group_of(_text(raw_key))
        counts[group] = counts.get(group, 0) + 1
    return dict(sorted(counts.items()))
