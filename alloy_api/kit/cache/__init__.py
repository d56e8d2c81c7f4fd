"""The shared cache: Redis when configured, in-process otherwise; cache-aside reads on top of it.

`cached(key, load)` answers from the cache or fills it from `load()`; `invalidate(...)` is called
by every write. Values are JSON bytes, so a read never shares objects with another read.

Fills cannot resurrect data a write replaced: a read that misses claims the key with a short lease
in the same step, loads, and stores its value only while the lease still holds it; a write that
deletes the key removes the lease, so a load that raced it is returned but never stored. List
pages carry their namespaces' generation counters in their keys, and a write moves the counter on
instead of finding every page. Every data key carries the cache epoch too: a process that could
not deliver an invalidation moves the epoch on when Redis answers again, which retires every
value cached before the outage at once.

No invalidation depends on one Redis call succeeding. Each is first written to the outbox (in
the transaction of the write it belongs to, see `db.transactions`), applied once that commits,
and forgotten once applied; what could not be applied is applied later by whichever process
drains the outbox first (`db.outbox`), and before this process's Redis breaker closes again.

A request can also ask for keys it is about to read (`prefetch`) to ride along with its first
Redis round trip (the rate limiter's): `cached` then takes the value fetched there, once, instead
of asking Redis again. The token's auth state is read this way on every authenticated request.

When Redis fails or its breaker is open, reads go to the database (the error metric counts them).
"""

import hashlib
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import orjson
from loguru import logger
from pydantic import BaseModel
from quart import has_app_context

from alloy_api.kit.cache.backends import (
    CacheBackend,
    MemoryBackend,
    ReadResult,
    RedisBackend,
    bases_message,
)
from alloy_api.kit.cache.keys import LEASE_MARKER, CacheKey, Lifetime, is_lease
from alloy_api.kit.cache.near import NearCache
from alloy_api.kit.pipeline import current_state
from alloy_api.kit.redis_link import RedisLink, RedisUnavailableError
from alloy_api.observability.metrics import (
    record_cache_error,
    record_cache_hit,
    record_cache_miss,
)
from alloy_api.settings import Settings

__all__ = [
    "Cache",
    "CacheKey",
    "Invalidation",
    "Lifetime",
    "NearCache",
    "cached",
    "collecting_invalidations",
    "fingerprint",
    "invalidate",
    "operator_cache",
    "prefetch",
]

LEASE_MILLISECONDS = 10_000
FINGERPRINT_BYTES = 12
WARNING_INTERVAL_SECONDS = 10.0

ValueT = TypeVar("ValueT")


@dataclass(frozen=True, slots=True)
class Invalidation:
    keys: tuple[CacheKey, ...]
    namespaces: tuple[str, ...]

    def as_data(self) -> dict[str, Any]:
        return {
            "keys": [[key.namespace, key.name] for key in self.keys],
            "namespaces": list(self.namespaces),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Invalidation":
        keys = tuple(CacheKey(namespace, name) for namespace, name in data.get("keys", []))
        return cls(keys, tuple(data.get("namespaces", [])))


class Outbox(Protocol):
    """Where invalidations wait until they are applied (the database, see `db.outbox`)."""

    async def record(self, invalidations: Sequence[Invalidation], connection: Any = None) -> int:
        """Write them down (in `connection`'s transaction, when given); the entry's id."""

    async def forget(self, entry_id: int) -> None: ...


class Follower(Protocol):
    """Brings an in-process cache up to date with the invalidations other processes wrote."""

    async def catch_up(self) -> None: ...


class Cache:
    """A process's cache: its backend, its near copies and the outbox its writes go through."""

    def __init__(
        self,
        settings: Settings,
        backend: CacheBackend,
        *,
        link: RedisLink | None = None,
        near: NearCache | None = None,
    ) -> None:
        self.settings = settings
        self.backend = backend
        self.link = link
        self.near = near
        self.outbox: Outbox | None = None
        self.follower: Follower | None = None
        self.epoch = 0
        self._ttl_seconds = {lifetime: getattr(settings, lifetime.value) for lifetime in Lifetime}

    @property
    def in_process(self) -> bool:
        return self.backend.in_process

    def ttl_seconds(self, lifetime: Lifetime) -> int:
        return self._ttl_seconds[lifetime]

    def near_cache(self) -> NearCache | None:
        near = self.near
        if near is None or (self.link is not None and self.link.is_open):
            return None
        return near

    def observe_epoch(self, epoch: int) -> None:
        """Drop every near copy once Redis's epoch is not the one they were read under."""
        if epoch != self.epoch:
            self.epoch = epoch
            if self.near is not None:
                self.near.reset(subscribed=self.near.subscribed)

    async def apply(self, invalidations: Sequence[Invalidation]) -> bool:
        """Forget what `invalidations` name, here and in the backend; False when the backend
        could not be reached (the outbox keeps them)."""
        keys = tuple({key.base: key for inv in invalidations for key in inv.keys}.values())
        namespaces = tuple(sorted({ns for inv in invalidations for ns in inv.namespaces}))
        if not keys and not namespaces:
            return True
        if self.near is not None:
            self.near.drop(key.base for key in keys)
        _forget_prefetched(key.base for key in keys)
        try:
            await self.backend.invalidate(keys, namespaces, bases_message(keys))
        except RedisUnavailableError as error:
            if self.link is not None:
                self.link.missed_invalidations = True
            for namespace in {*namespaces, *(key.namespace for key in keys)}:
                _degraded(namespace, "invalidation", error)
            return False
        return True

    async def apply_durably(self, invalidations: Sequence[Invalidation]) -> None:
        """`apply`, first written to the outbox (when there is one) so nothing is lost."""
        if self.outbox is None:
            await self.apply(invalidations)
            return
        entry_id = await self.outbox.record(invalidations)
        await self.apply_recorded(invalidations, entry_id)

    async def apply_recorded(self, invalidations: Sequence[Invalidation], entry_id: int) -> None:
        """`apply` an outbox entry; forget it once Redis took it. An in-process cache keeps it:
        the other processes on the same database read it from there (`follower`)."""
        if await self.apply(invalidations) and self.outbox is not None and not self.in_process:
            await self.outbox.forget(entry_id)

    async def recover(self) -> None:
        """After an outage in which this process missed invalidations: a new epoch."""
        if self.link is not None and self.link.missed_invalidations:
            self.observe_epoch(await self.backend.bump_epoch())
            logger.info("cache epoch moved on to {} after missed invalidations", self.epoch)


def build_cache(settings: Settings, link: RedisLink | None) -> Cache:
    if link is None:
        return Cache(settings, MemoryBackend())
    near = NearCache(settings.cache_near_ttl_seconds) if settings.cache_near_ttl_seconds else None
    return Cache(settings, RedisBackend(link), link=link, near=near)


_operator_cache: ContextVar[Cache | None] = ContextVar("alloy_operator_cache", default=None)
_pending: ContextVar[list[Invalidation] | None] = ContextVar(
    "alloy_pending_invalidations", default=None
)
_last_warning_at: list[float] = [0.0]


@asynccontextmanager
async def operator_cache(cache: Cache) -> AsyncIterator[Cache]:
    """Make `cache` the one code outside a served app (the CLI) reads and invalidates."""
    token = _operator_cache.set(cache)
    try:
        yield cache
    finally:
        _operator_cache.reset(token)


def active_cache() -> Cache | None:
    """The cache of the running app or the operator, or None when caching is off."""
    if has_app_context():
        from alloy_api.state import app_state

        cache: Cache | None = app_state().cache
    else:
        cache = _operator_cache.get()
    return cache if cache is not None and cache.settings.cache_enabled else None


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


def prefetch(key: CacheKey) -> None:
    """Ask for `key` (one without generations) to be read in this request's first Redis round
    trip; nothing happens outside a request or when the cache is off or in-process."""
    state = current_state()
    if state is None or key.generations:
        return
    cache = active_cache()
    if cache is None or cache.in_process:
        return
    state.prefetch.append(key)


def _prefetched(key: CacheKey) -> bytes | bool | None:
    """The value fetched ahead for `key`, once; False when there is none."""
    state = current_state()
    if state is None or not state.prefetched:
        return False
    return state.prefetched.pop(key.base, False)


def _forget_prefetched(bases: Iterable[str]) -> None:
    state = current_state()
    if state is None or not state.prefetched:
        return
    for base in bases:
        state.prefetched.pop(base, None)


def _new_lease() -> bytes:
    return LEASE_MARKER + secrets.token_hex(8).encode()


async def cached(key: CacheKey, load: Callable[[], Awaitable[ValueT | None]]) -> Any:
    """The value of `key` from the cache, or `load()`ed and stored (None is never stored).

    `load` returns JSON-able data (what the API renders); what comes back from the cache is that
    data decoded from JSON.
    """
    cache = active_cache()
    if cache is None:
        return await load()
    if cache.follower is not None:
        await cache.follower.catch_up()
    near = cache.near_cache() if key.near else None
    near_epoch = 0
    if near is not None:
        raw = near.get(key.base)
        if raw is not None:
            record_cache_hit(key.namespace)
            return orjson.loads(raw)
        near_epoch = near.epoch
    prefetched = _prefetched(key)
    if isinstance(prefetched, bytes) and not is_lease(prefetched):
        record_cache_hit(key.namespace)
        if near is not None:
            near.put(key.base, prefetched, near_epoch)
        return orjson.loads(prefetched)
    lease = _new_lease()
    try:
        found: ReadResult = await cache.backend.read(key, lease, LEASE_MILLISECONDS)
    except RedisUnavailableError as error:
        _degraded(key.namespace, "read", error)
        return await load()
    cache.observe_epoch(found.epoch)
    if found.raw is not None and not is_lease(found.raw):
        record_cache_hit(key.namespace)
        if near is not None:
            near.put(key.base, found.raw, near_epoch)
        return orjson.loads(found.raw)
    record_cache_miss(key.namespace)
    value = await load()
    if found.leased and value is not None:
        await _fill(cache, key, found.storage_key, lease, value)
    return value


async def _fill(cache: Cache, key: CacheKey, storage_key: str, lease: bytes, value: Any) -> None:
    try:
        await cache.backend.fill(
            storage_key, lease, orjson.dumps(value), cache.ttl_seconds(key.lifetime)
        )
    except RedisUnavailableError as error:
        _degraded(key.namespace, "fill", error)


async def invalidate(*keys: CacheKey, namespaces: Iterable[str] = ()) -> None:
    """Forget `keys` and move the generation of `namespaces` on.

    Inside a database transaction this is recorded in the transaction and applied once it
    commits (nothing, if it rolls back); outside one it is recorded and applied at once.
    """
    invalidation = Invalidation(tuple(keys), tuple(namespaces))
    pending = _pending.get()
    if pending is not None:
        pending.append(invalidation)
        return
    cache = active_cache()
    if cache is not None:
        await cache.apply_durably([invalidation])


@asynccontextmanager
async def collecting_invalidations() -> AsyncIterator[list[Invalidation]]:
    """Collect the invalidations requested inside the block instead of applying them; the
    transaction helper records them in its transaction and applies them after the commit.
    A block nested in another one joins it (its list is the outer one's)."""
    outer = _pending.get()
    if outer is not None:
        yield outer
        return
    pending: list[Invalidation] = []
    token = _pending.set(pending)
    try:
        yield pending
    finally:
        _pending.reset(token)
