"""Throttling of password and second-factor guesses, per account and per IP (Redis or in-process).

Every check of a password or a code first reserves an attempt: one atomic step refuses it (429)
when the account or the IP has spent its budget of failures, or else counts it against both, so
parallel guesses never get more checks than the budget. The attempt then settles:

- a refused guess (`AUTH_INVALID_CREDENTIALS`, `AUTH_2FA_INVALID`) stays counted as a failure;
- a successful login forgets the account's failures and gives the IP's attempt back;
- any other answer (a successful re-authentication, `AUTH_2FA_REQUIRED`, a conflict, a validation
  error) gives the attempt back;
- an unexpected failure (a 500, a cancelled request) keeps it counted: the guess may have been
  checked.

Counters are keyed by the normalised email whether or not an account exists, so a throttled
unknown email answers exactly like a throttled known one. A counter's window starts with its first
failure and is not extended by later ones.

With Redis, counters are shared by every process; while Redis is unavailable (its breaker open)
each process counts in its own memory with the same budgets, so a login is never refused with a
500 and guessing stays bounded (docs/OPERATIONS.md).
"""

import asyncio
import hashlib
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from redis.asyncio import Redis

from alloy_api.kit.errors import DomainError, ErrorCode, RateLimitedError
from alloy_api.kit.redis_link import RedisLink, RedisUnavailableError
from alloy_api.kit.resp import Script
from alloy_api.settings import Settings
from alloy_api.state import app_state

KEY_PREFIX = "alloy:login_failures"
FREE_FAILURES_BEFORE_SLOWDOWN = 2
MAX_SLOWDOWN_SECONDS = 5.0
MILLISECONDS = 1000
MEMORY_SWEEP_EVERY = 1024
REFUSED_GUESS_CODES = frozenset({ErrorCode.AUTH_INVALID_CREDENTIALS, ErrorCode.AUTH_2FA_INVALID})

RESERVE_SCRIPT = """
local window = tonumber(ARGV[1])
local wait = -1
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = window end
    if ttl > wait then wait = ttl end
  end
end
if wait >= 0 then return {0, 0, wait} end
local first = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, window) end
  if i == 1 then first = count end
end
return {1, first - 1, 0}
"""
RELEASE_SCRIPT = """
for _, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count > 1 then redis.call('DECR', key) elseif count == 1 then redis.call('DEL', key) end
end
return 0
"""
RESERVE = Script(RESERVE_SCRIPT)
RELEASE = Script(RELEASE_SCRIPT)


@dataclass(frozen=True, slots=True)
class Reservation:
    granted: bool
    failures_before: int
    """Failures (and attempts in flight) the first key already had."""
    retry_after_ms: int
    """Until the spent budget that refused this attempt is restored (0 when granted)."""


class AttemptStore(Protocol):
    async def reserve(
        self, keys: Sequence[str], limits: Sequence[int], window_ms: int
    ) -> Reservation:
        """Count one attempt on every key, unless a key has reached its limit already."""

    async def release(self, keys: Sequence[str]) -> None:
        """Give one attempt back to every key (never below zero)."""

    async def forget(self, key: str) -> None: ...


class MemoryAttemptStore:
    """One process's counters. No method awaits, so no reservation interleaves with another."""

    def __init__(self) -> None:
        self._counters: dict[str, tuple[int, float]] = {}
        self._reservations = 0

    def _count(self, key: str, now: float) -> int:
        held = self._counters.get(key)
        if held is None:
            return 0
        if held[1] <= now:
            del self._counters[key]
            return 0
        return held[0]

    def _retry_after_ms(self, key: str, now: float) -> int:
        return math.ceil(self._counters[key][1] - now)

    async def reserve(
        self, keys: Sequence[str], limits: Sequence[int], window_ms: int
    ) -> Reservation:
        now = time.monotonic() * MILLISECONDS
        self._sweep_now_and_then(now)
        counts = [self._count(key, now) for key in keys]
        spent = [
            key for key, count, limit in zip(keys, counts, limits, strict=True) if count >= limit
        ]
        if spent:
            return Reservation(False, 0, max(self._retry_after_ms(key, now) for key in spent))
        for key, count in zip(keys, counts, strict=True):
            expires_at = self._counters[key][1] if count else now + window_ms
            self._counters[key] = (count + 1, expires_at)
        return Reservation(True, counts[0], 0)

    async def release(self, keys: Sequence[str]) -> None:
        now = time.monotonic() * MILLISECONDS
        for key in keys:
            count = self._count(key, now)
            if count > 1:
                self._counters[key] = (count - 1, self._counters[key][1])
            elif count == 1:
                del self._counters[key]

    async def forget(self, key: str) -> None:
        self._counters.pop(key, None)

    def _sweep_now_and_then(self, now: float) -> None:
        self._reservations += 1
        if self._reservations % MEMORY_SWEEP_EVERY == 0:
            expired = [key for key, (_, expires_at) in self._counters.items() if expires_at <= now]
            for key in expired:
                del self._counters[key]

    def __len__(self) -> int:
        return len(self._counters)


class RedisAttemptStore:
    """Counters shared by every process, each reservation one Lua script on Redis; this
    process's own counters while Redis is unavailable."""

    def __init__(self, link: RedisLink) -> None:
        self._link = link
        self.fallback = MemoryAttemptStore()

    async def reserve(
        self, keys: Sequence[str], limits: Sequence[int], window_ms: int
    ) -> Reservation:
        try:
            reply = await self._link.run_script(RESERVE, list(keys), [window_ms, *limits])
        except RedisUnavailableError:
            return await self.fallback.reserve(keys, limits, window_ms)
        granted, failures_before, retry_after_ms = reply
        return Reservation(bool(granted), int(failures_before), int(retry_after_ms))

    async def release(self, keys: Sequence[str]) -> None:
        try:
            await self._link.run_script(RELEASE, list(keys), [])
        except RedisUnavailableError:
            await self.fallback.release(keys)

    async def forget(self, key: str) -> None:
        async def call(client: Redis) -> int:
            return await client.delete(key)

        try:
            await self._link.run(call)
        except RedisUnavailableError:
            await self.fallback.forget(key)


def build_attempt_store(link: RedisLink | None) -> AttemptStore:
    return MemoryAttemptStore() if link is None else RedisAttemptStore(link)


def account_key(email: str) -> str:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:account:{digest}"


def ip_key(ip: str) -> str:
    return f"{KEY_PREFIX}:ip:{ip}"


@dataclass(frozen=True, slots=True)
class Attempt:
    """A reserved guess; `async with attempt:` around its check settles it (see the module)."""

    store: AttemptStore
    account_key: str
    ip_key: str
    forgets_account_on_success: bool

    async def __aenter__(self) -> "Attempt":
        return self

    async def __aexit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None and self.forgets_account_on_success:
            await self.store.forget(self.account_key)
            await self.store.release([self.ip_key])
        elif error is None or _answered_without_refusing_a_guess(error):
            await self.store.release([self.account_key, self.ip_key])


def _answered_without_refusing_a_guess(error: BaseException) -> bool:
    return isinstance(error, DomainError) and error.error_code not in REFUSED_GUESS_CODES


def throttled(retry_after_ms: int) -> RateLimitedError:
    return RateLimitedError(
        "Too many failed logins; try again later", retry_after_ms=retry_after_ms
    )


@dataclass(frozen=True, slots=True)
class LoginThrottle:
    store: AttemptStore
    settings: Settings

    async def reserve(self, email: str, ip: str, *, login: bool = False) -> Attempt:
        """An attempt counted against `email` and `ip`, or 429 when either budget is spent.

        After a few failures of the account, each attempt also waits a little longer.
        `login=True`: a success forgets the account's failures.
        """
        keys = (account_key(email), ip_key(ip))
        limits = (
            self.settings.login_max_failures_per_account,
            self.settings.login_max_failures_per_ip,
        )
        window_ms = self.settings.login_failure_window_seconds * MILLISECONDS
        reservation = await self.store.reserve(keys, limits, window_ms)
        if not reservation.granted:
            raise throttled(reservation.retry_after_ms)
        await self._slow_down(reservation.failures_before)
        return Attempt(self.store, *keys, forgets_account_on_success=login)

    async def _slow_down(self, account_failures: int) -> None:
        excess_failures = account_failures - FREE_FAILURES_BEFORE_SLOWDOWN
        if excess_failures > 0 and self.settings.login_slowdown_seconds > 0:
            delay = self.settings.login_slowdown_seconds * excess_failures
            await asyncio.sleep(min(delay, MAX_SLOWDOWN_SECONDS))


def login_throttle() -> LoginThrottle:
    """The serving app's throttle."""
    state = app_state()
    return LoginThrottle(store=state.login_attempts, settings=state.settings)
