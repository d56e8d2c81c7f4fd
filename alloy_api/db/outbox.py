"""The outbox of cache invalidations: what a committed write still has to tell the cache.

An entry is written in the transaction of the write (or on its own for a write outside one),
applied to the cache right after the commit and deleted once applied. An entry still there a few
seconds later is one the cache could not take (Redis down, frozen or unreachable from this
process): every serving process drains such entries every `cache_outbox_drain_seconds`, and
drains all of them before its Redis breaker closes again, so no invalidation is lost to an outage
and none waits for longer than the drain interval once Redis answers. Applying an entry twice is
harmless (deleting a key, moving a generation on), so processes need not coordinate.

On the embedded default (SQLite, each process caching in its own memory) the entries are the log
every process follows instead: a process applies its own at once and keeps them, and before each
cache read checks (one `stat` of the database files) whether anything was committed since it last
looked, and if so applies the entries it has not seen. So a change made through the CLI or by
another process is seen by the next read of every process. Entries are pruned after
`FOLLOWED_ENTRY_LIFETIME`; a process that finds entries it never saw were pruned drops its whole
cache.
"""

import asyncio
import contextlib
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from loguru import logger
from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from alloy_api.kit.cache import Cache, Invalidation
from alloy_api.kit.redis_link import RedisUnavailableError
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

DRAIN_BATCH = 200
DRAIN_MIN_AGE_SECONDS = 2.0
"""Entries younger than this are left to the process that wrote them, which is applying them."""
FOLLOWED_ENTRY_LIFETIME = timedelta(minutes=10)
FOLLOWED_PRUNE_SECONDS = 60.0


class CacheInvalidation(Model):
    id = fields.BigIntField(primary_key=True)
    payload = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "cache_invalidations"


class DatabaseOutbox:
    async def record(
        self, invalidations: Sequence[Invalidation], connection: BaseDBAsyncClient | None = None
    ) -> int:
        payload = [invalidation.as_data() for invalidation in invalidations]
        entry = await CacheInvalidation.create(payload=payload, using_db=connection)
        return entry.id

    async def forget(self, entry_id: int) -> None:
        await CacheInvalidation.filter(id=entry_id).delete()

    async def drain(self, cache: Cache, *, min_age_seconds: float = 0) -> int:
        """Apply the entries at least `min_age_seconds` old; how many were applied. Raises
        `RedisUnavailableError` when the cache stops answering part-way (the rest stay)."""
        applied = 0
        while True:
            entries = await self._oldest(min_age_seconds)
            if not entries:
                return applied
            invalidations = [
                Invalidation.from_data(data) for entry in entries for data in entry.payload
            ]
            if not await cache.apply(invalidations):
                raise RedisUnavailableError("the cache stopped answering while the outbox drained")
            await CacheInvalidation.filter(id__in=[entry.id for entry in entries]).delete()
            applied += len(entries)
            if len(entries) < DRAIN_BATCH:
                return applied

    async def after(self, entry_id: int) -> list[Any]:
        return await CacheInvalidation.filter(id__gt=entry_id).order_by("id")

    async def last_id(self) -> int:
        last = await CacheInvalidation.all().order_by("-id").first()
        return last.id if last is not None else 0

    async def prune(self, older_than: timedelta) -> int:
        return await CacheInvalidation.filter(created_at__lt=utc_now() - older_than).delete()

    async def _oldest(self, min_age_seconds: float) -> list[Any]:
        queryset = CacheInvalidation.all().order_by("id").limit(DRAIN_BATCH)
        if min_age_seconds:
            queryset = queryset.filter(
                created_at__lte=utc_now() - timedelta(seconds=min_age_seconds)
            )
        return await queryset


async def drain_forever(outbox: DatabaseOutbox, cache: Cache, interval_seconds: float) -> None:
    """Apply what other attempts could not, every `interval_seconds`, while Redis answers."""
    while True:
        await asyncio.sleep(interval_seconds)
        if cache.link is not None and cache.link.is_open:
            continue
        try:
            drained = await outbox.drain(cache, min_age_seconds=DRAIN_MIN_AGE_SECONDS)
        except RedisUnavailableError:
            continue
        except Exception as error:
            logger.warning("outbox drain failed: {}", type(error).__name__)
            continue
        if drained:
            logger.info("applied {} cache invalidation(s) from the outbox", drained)


class SqliteFollower:
    """Applies to this process's in-process cache the entries other processes wrote."""

    def __init__(self, cache: Cache, outbox: DatabaseOutbox, database_file: Path) -> None:
        self._cache = cache
        self._outbox = outbox
        self._files = (database_file, database_file.with_name(f"{database_file.name}-wal"))
        self._signature: tuple[tuple[int, int], ...] | None = None
        self._last_id: int | None = None

    def _current_signature(self) -> tuple[tuple[int, int], ...]:
        signature = []
        for path in self._files:
            with contextlib.suppress(FileNotFoundError):
                stat = path.stat()
                signature.append((stat.st_mtime_ns, stat.st_size))
        return tuple(signature)

    async def catch_up(self) -> None:
        signature = self._current_signature()
        if signature == self._signature:
            return
        if self._last_id is None:
            self._last_id = await self._outbox.last_id()
            self._signature = signature
            return
        entries = await self._outbox.after(self._last_id)
        self._signature = signature
        if not entries:
            return
        if entries[0].id > self._last_id + 1:
            await self._cache.backend.flush("")
            logger.info("cache dropped: invalidations it never saw were pruned")
        invalidations = [
            Invalidation.from_data(data) for entry in entries for data in entry.payload
        ]
        await self._cache.apply(invalidations)
        self._last_id = max(self._last_id, entries[-1].id)


async def prune_followed_forever(outbox: DatabaseOutbox) -> None:
    """Entries of the embedded default are kept for the other processes, then pruned."""
    while True:
        await asyncio.sleep(FOLLOWED_PRUNE_SECONDS)
        try:
            await outbox.prune(FOLLOWED_ENTRY_LIFETIME)
        except Exception as error:
            logger.warning("outbox prune failed: {}", type(error).__name__)


def _sqlite_file(settings: Settings) -> Path | None:
    url = settings.resolved_database_url
    if not url.startswith("sqlite://") or ":memory:" in url:
        return None
    return Path(url.removeprefix("sqlite://"))


def attach_outbox(cache: Cache, settings: Settings) -> DatabaseOutbox | None:
    """Give the cache its outbox: drained into Redis (before the breaker closes, too), or on the
    embedded default followed by every process on the same database file."""
    if cache.in_process:
        database_file = _sqlite_file(settings)
        if database_file is None:
            return None
        outbox = DatabaseOutbox()
        cache.outbox = outbox
        cache.follower = SqliteFollower(cache, outbox, database_file)
        return outbox
    if cache.link is None:
        return None
    outbox = DatabaseOutbox()
    cache.outbox = outbox

    async def drain_everything() -> None:
        await outbox.drain(cache)
        await cache.recover()

    cache.link.on_recovery(drain_everything)
    return outbox


async def stop_draining(task: "asyncio.Task[None] | None") -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
