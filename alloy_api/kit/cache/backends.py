"""Where cached values live: Redis (shared by every process) or this process's memory.

Each operation a cache-aside read or a write needs is one step: on Redis one Lua script, so a
read finds the epoch, the generations and the value and claims a lease on a miss in one round
trip, and an invalidation deletes and moves generations on and tells every process in another.
The in-process backend does the same steps without awaiting, so no two of them interleave.
"""

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from alloy_api.kit.cache.keys import (
    DATA_PREFIX,
    EPOCH_KEY,
    EPOCH_MESSAGE,
    INVALIDATION_CHANNEL,
    KEY_PREFIX,
    CacheKey,
    generation_key,
)
from alloy_api.kit.redis_link import RedisLink
from alloy_api.kit.resp import Arg, Script

SCAN_BATCH = 500
MILLISECONDS = 1000
MEMORY_SWEEP_EVERY = 1024

READ_SCRIPT = """
local epoch = redis.call('GET', KEYS[1]) or '0'
local key = ARGV[1] .. epoch .. ARGV[2]
if #ARGV > 4 then
  local versions = {}
  for index = 5, #ARGV do
    versions[#versions + 1] = redis.call('GET', ARGV[index]) or '0'
  end
  key = key .. '@' .. table.concat(versions, '.')
end
local value = redis.call('GET', key)
if value then return {epoch, key, value, 0} end
local leased = redis.call('SET', key, ARGV[3], 'NX', 'PX', ARGV[4])
return {epoch, key, false, leased and 1 or 0}
"""
"""KEYS[1] the epoch; ARGV: key prefix and suffix around the epoch, the lease and its lifetime,
then the generation counters the key includes."""

FILL_SCRIPT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
"""

INVALIDATE_SCRIPT = """
local epoch = redis.call('GET', KEYS[1]) or '0'
local key_count = tonumber(ARGV[1])
for index = 0, key_count - 1 do
  redis.call('DEL', ARGV[2 + index * 2] .. epoch .. ARGV[3 + index * 2])
end
for index = 2 + key_count * 2, #ARGV - 1 do
  redis.call('INCR', ARGV[index])
end
if key_count > 0 then redis.call('PUBLISH', KEYS[2], ARGV[#ARGV]) end
return epoch
"""
"""ARGV: how many keys, each key's prefix and suffix, the generation counters to move on, and
the message for the invalidation channel (the keys' bases)."""

BUMP_EPOCH_SCRIPT = """
local epoch = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', KEYS[2], ARGV[1])
return epoch
"""
READ = Script(READ_SCRIPT)
FILL = Script(FILL_SCRIPT)
INVALIDATE = Script(INVALIDATE_SCRIPT)
BUMP_EPOCH = Script(BUMP_EPOCH_SCRIPT)


@dataclass(frozen=True, slots=True)
class ReadResult:
    epoch: int
    storage_key: str
    raw: bytes | None
    """The cached value; None on a miss, and None while another read holds the lease."""
    leased: bool
    """This read claimed the lease: it, and only it, may fill the key."""


class CacheBackend(Protocol):
    in_process: bool

    async def read(self, key: CacheKey, lease: bytes, lease_ms: int) -> ReadResult: ...

    async def fill(self, storage_key: str, lease: bytes, value: bytes, ttl_seconds: int) -> None:
        """Store `value` only while `lease` still holds the key."""

    async def invalidate(
        self, keys: Sequence[CacheKey], namespaces: Sequence[str], message: bytes
    ) -> None: ...

    async def bump_epoch(self) -> int: ...

    async def ping(self) -> None: ...

    async def flush(self, prefix: str) -> int: ...

    async def key_counts(self) -> dict[str, int]: ...


class RedisBackend:
    in_process = False

    def __init__(self, link: RedisLink) -> None:
        self.link = link

    async def read(self, key: CacheKey, lease: bytes, lease_ms: int) -> ReadResult:
        args: list[Arg] = [key.epoch_prefix, key.epoch_suffix, lease, lease_ms]
        args.extend(generation_key(namespace) for namespace in key.generations)
        epoch, storage_key, raw, leased = await self.link.run_script(READ, [EPOCH_KEY], args)
        return ReadResult(int(epoch), _text(storage_key), raw or None, bool(leased))

    async def fill(self, storage_key: str, lease: bytes, value: bytes, ttl_seconds: int) -> None:
        ttl_ms = ttl_seconds * MILLISECONDS
        await self.link.run_script(FILL, [storage_key], [lease, value, ttl_ms])

    async def invalidate(
        self, keys: Sequence[CacheKey], namespaces: Sequence[str], message: bytes
    ) -> None:
        args: list[Arg] = [len(keys)]
        for key in keys:
            args.extend((key.epoch_prefix, key.epoch_suffix))
        args.extend(generation_key(namespace) for namespace in namespaces)
        args.append(message)
        await self.link.run_script(INVALIDATE, [EPOCH_KEY, INVALIDATION_CHANNEL], args)

    async def bump_epoch(self) -> int:
        keys: list[Arg] = [EPOCH_KEY, INVALIDATION_CHANNEL]
        return int(await self.link.run_script(BUMP_EPOCH, keys, [EPOCH_MESSAGE]))

    async def ping(self) -> None:
        await self.link.client.ping()

    async def flush(self, prefix: str) -> int:
        client = self.link.client
        deleted = 0
        batch: list[bytes] = []
        async for key in client.scan_iter(match=f"{DATA_PREFIX}:{prefix}*", count=SCAN_BATCH):
            batch.append(key)
            if len(batch) >= SCAN_BATCH:
                deleted += await client.delete(*batch)
                batch = []
        if batch:
            deleted += await client.delete(*batch)
        return deleted

    async def key_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        async for raw_key in self.link.client.scan_iter(match=f"{KEY_PREFIX}:*", count=SCAN_BATCH):
            group = key_group(_text(raw_key))
            counts[group] = counts.get(group, 0) + 1
        return dict(sorted(counts.items()))


class MemoryBackend:
    """One process's cache, for the embedded default. Its epoch never moves: nothing is missed."""

    in_process = True

    def __init__(self) -> None:
        self._values: dict[str, tuple[float, bytes]] = {}
        self._generations: dict[str, int] = {}
        self._steps = 0

    def _live(self, storage_key: str, now: float) -> bytes | None:
        held = self._values.get(storage_key)
        if held is None:
            return None
        if held[0] <= now:
            del self._values[storage_key]
            return None
        return held[1]

    async def read(self, key: CacheKey, lease: bytes, lease_ms: int) -> ReadResult:
        now = time.monotonic()
        self._sweep_now_and_then(now)
        versions = ".".join(
            str(self._generations.get(generation_key(namespace), 0))
            for namespace in key.generations
        )
        storage_key = key.storage_key(0, versions)
        raw = self._live(storage_key, now)
        if raw is not None:
            return ReadResult(0, storage_key, raw, False)
        self._values[storage_key] = (now + lease_ms / MILLISECONDS, lease)
        return ReadResult(0, storage_key, None, True)

    async def fill(self, storage_key: str, lease: bytes, value: bytes, ttl_seconds: int) -> None:
        now = time.monotonic()
        if self._live(storage_key, now) == lease:
            self._values[storage_key] = (now + ttl_seconds, value)

    async def invalidate(
        self, keys: Sequence[CacheKey], namespaces: Sequence[str], message: bytes
    ) -> None:
        for key in keys:
            self._values.pop(key.storage_key(0), None)
        for namespace in namespaces:
            counter = generation_key(namespace)
            self._generations[counter] = self._generations.get(counter, 0) + 1

    async def bump_epoch(self) -> int:
        return 0

    async def ping(self) -> None:
        return None

    async def flush(self, prefix: str) -> int:
        doomed = [key for key in self._values if key.startswith(f"{DATA_PREFIX}:{prefix}")]
        for key in doomed:
            del self._values[key]
        return len(doomed)

    async def key_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key in self._values:
            group = key_group(key)
            counts[group] = counts.get(group, 0) + 1
        return dict(sorted(counts.items()))

    def _sweep_now_and_then(self, now: float) -> None:
        self._steps += 1
        if self._steps % MEMORY_SWEEP_EVERY == 0:
            expired = [key for key, (expires_at, _) in self._values.items() if expires_at <= now]
            for key in expired:
                del self._values[key]


def key_group(key: str) -> str:
    """`data:<namespace>` for cached data, else the key's second part (`rl`, `login_failures`)."""
    parts = key.split(":")
    if len(parts) > 2 and parts[1] == "data":
        return f"data:{parts[2]}"
    return parts[1] if len(parts) > 1 else key


def _text(raw: bytes | str) -> str:
    return raw.decode() if isinstance(raw, bytes) else raw


def bases_message(keys: Iterable[CacheKey]) -> bytes:
    return "\n".join(sorted({key.base for key in keys})).encode()
