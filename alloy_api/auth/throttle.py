"""Throttling of password and second-factor guesses without lockout abuse (Redis or in-process).

Three budgets of failures, per NIST SP 800-63B-4 §3.2.2 and ASVS 5.0 6.3.1:

- per (account, address): `ALLOY_LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS` in the window, then 429;
- per address: `ALLOY_LOGIN_MAX_FAILURES_PER_IP` in the window, then 429;
- per account: no block, but a progressive delay after a few failures, and a hard cap of
  `ALLOY_LOGIN_MAX_CONSECUTIVE_FAILURES` consecutive failures, reset only by a successful login. The
  cap refuses only addresses that have been failing: an address with no failures in its window is
  still let through to check a correct password (and code), so failures from other addresses never
  lock the owner out.

Every check of a password or a code first reserves an attempt: one atomic step refuses it (429)
when a budget is spent, or else counts it against all three, so parallel guesses never get more
checks than a budget. The attempt then settles:

- a refused guess (`AUTH_INVALID_CREDENTIALS`, `AUTH_2FA_INVALID`) stays counted as a failure;
- a successful login forgets the account's and the pair's failures and gives the address's attempt
  back;
- any other answer (a successful re-authentication, `AUTH_2FA_REQUIRED`, a conflict, a validation
  error) gives the attempt back;
- an unexpected failure (a 500, a cancelled request) keeps it counted: the guess may have been
  checked.

Counters are keyed by the normalised email whether or not an account exists, so a throttled
unknown email answers exactly like a throttled known one. A windowed counter's window starts with
its first failure and is not extended by later ones; the account's consecutive failures are kept
for `ACCOUNT_FAILURE_MEMORY_SECONDS` after the first of them, a bound on memory, not a reset.

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
ACCOUNT_FAILURE_MEMORY_SECONDS = 30 * 24 * 3600
REFUSED_GUESS_CODES = frozenset({ErrorCode.AUTH_INVALID_CREDENTIALS, ErrorCode.AUTH_2FA_INVALID})

RESERVE_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do counts[i] = tonumber(redis.call('GET', key) or '0') end
local wait = -1
for i, key in ipairs(KEYS) do
  local limit, guard = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i])
  if counts[i] >= limit and (guard == 0 or counts[guard] > 0) then
    local timed = i
    if guard > 0 then timed = guard end
    local ttl = redis.call('PTTL', KEYS[timed])
    if ttl < 0 then ttl = tonumber(ARGV[3 * timed - 1]) end
    if ttl > wait then wait = ttl end
  end
end
if wait >= 0 then return {0, wait, unpack(counts)} end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, tonumber(ARGV[3 * i - 1])) end
end
return {1, 0, unpack(counts)}
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
class Budget:
    """At most `limit` failures on `key`, counted for `window_ms` from the first. With
    `only_while_failing`, the limit refuses only while that other budget's key has failures
    (and the wait is until those expire)."""

    key: str
    limit: int
    window_ms: int
    only_while_failing: int | None = None
    """The index, in the same reservation, of the budget whose failures make this one apply."""


@dataclass(frozen=True, slots=True)
class Reservation:
    granted: bool
    failures_before: tuple[int, ...]
    """Failures (and attempts in flight) each budget's key already had."""
    retry_after_ms: int
    """Until the spent budget that refused this attempt is restored (0 when granted)."""


class AttemptStore(Protocol):
    async def reserve(self, budgets: Sequence[Budget]) -> Reservation:
        """Count one attempt on every budget's key, unless one of them is spent already."""

    async def release(self, keys: Sequence[str]) -> None:
        """Give one attempt back to every key (never below zero)."""

    async def forget(self, keys: Sequence[str]) -> None: ...


def _spent(budgets: Sequence[Budget], counts: Sequence[int]) -> list[int]:
    """The indexes of the budgets whose wait refuses an attempt (the budget itself, or the one
    it applies only while failing)."""
    waits = []
    for index, (budget, count) in enumerate(zip(budgets, counts, strict=True)):
        guard = budget.only_while_failing
        if count >= budget.limit and (guard is None or counts[guard] > 0):
            waits.append(index if guard is None else guard)
    return waits


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

    def _retry_after_ms(self, budget: Budget, now: float) -> int:
        held = self._counters.get(budget.key)
        return budget.window_ms if held is None else math.ceil(held[1] - now)

    async def reserve(self, budgets: Sequence[Budget]) -> Reservation:
        now = time.monotonic() * MILLISECONDS
        self._sweep_now_and_then(now)
        counts = tuple(self._count(budget.key, now) for budget in budgets)
        spent = _spent(budgets, counts)
        if spent:
            wait = max(self._retry_after_ms(budgets[index], now) for index in spent)
            return Reservation(False, counts, wait)
        for budget, count in zip(budgets, counts, strict=True):
            expires_at = self._counters[budget.key][1] if count else now + budget.window_ms
            self._counters[budget.key] = (count + 1, expires_at)
        return Reservation(True, counts, 0)

    async def release(self, keys: Sequence[str]) -> None:
        now = time.monotonic() * MILLISECONDS
        for key in keys:
            count = self._count(key, now)
            if count > 1:
                self._counters[key] = (count - 1, self._counters[key][1])
            elif count == 1:
                del self._counters[key]

    async def forget(self, keys: Sequence[str]) -> None:
        for key in keys:
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

    async def reserve(self, budgets: Sequence[Budget]) -> Reservation:
        keys = [budget.key for budget in budgets]
        arguments: list[int] = []
        for budget in budgets:
            guard = 0 if budget.only_while_failing is None else budget.only_while_failing + 1
            arguments += [budget.limit, budget.window_ms, guard]
        try:
            granted, retry_after_ms, *counts = await self._link.run_script(RESERVE, keys, arguments)
        except RedisUnavailableError:
            return await self.fallback.reserve(budgets)
        return Reservation(bool(granted), tuple(int(c) for c in counts), int(retry_after_ms))

    async def release(self, keys: Sequence[str]) -> None:
        try:
            await self._link.run_script(RELEASE, list(keys), [])
        except RedisUnavailableError:
            await self.fallback.release(keys)

    async def forget(self, keys: Sequence[str]) -> None:
        async def call(client: Redis) -> int:
            return await client.delete(*keys)

        try:
            await self._link.run(call)
        except RedisUnavailableError:
            await self.fallback.forget(keys)


def build_attempt_store(link: RedisLink | None) -> AttemptStore:
    return MemoryAttemptStore() if link is None else RedisAttemptStore(link)


def _email_digest(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def account_key(email: str) -> str:
    return f"{KEY_PREFIX}:account:{_email_digest(email)}"


def pair_key(email: str, ip: str) -> str:
    return f"{KEY_PREFIX}:pair:{_email_digest(email)}:{ip}"


def ip_key(ip: str) -> str:
    return f"{KEY_PREFIX}:ip:{ip}"


@dataclass(frozen=True, slots=True)
class Attempt:
    """A reserved guess; `async with attempt:` around its check settles it (see the module)."""

    store: AttemptStore
    pair_key: str
    ip_key: str
    account_key: str
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
            await self.store.forget([self.account_key, self.pair_key])
            await self.store.release([self.ip_key])
        elif error is None or _answered_without_refusing_a_guess(error):
            await self.store.release([self.pair_key, self.ip_key, self.account_key])


def _answered_without_refusing_a_guess(error: BaseException) -> bool:
    return isinstance(error, DomainError) and error.error_code not in REFUSED_GUESS_CODES


def throttled(retry_after_ms: int) -> RateLimitedError:
    return RateLimitedError(
        "Too many failed logins; try again later", retry_after_ms=retry_after_ms
    )


PAIR, ADDRESS, ACCOUNT = range(3)


@dataclass(frozen=True, slots=True)
class LoginThrottle:
    store: AttemptStore
    settings: Settings

    def budgets(self, email: str, ip: str) -> tuple[Budget, Budget, Budget]:
        window_ms = self.settings.login_failure_window_seconds * MILLISECONDS
        return (
            Budget(
                pair_key(email, ip), self.settings.login_max_failures_per_account_address, window_ms
            ),
            Budget(ip_key(ip), self.settings.login_max_failures_per_ip, window_ms),
            Budget(
                account_key(email),
                self.settings.login_max_consecutive_failures,
                ACCOUNT_FAILURE_MEMORY_SECONDS * MILLISECONDS,
                only_while_failing=ADDRESS,
            ),
        )

    async def reserve(self, email: str, ip: str, *, login: bool = False) -> Attempt:
        """An attempt counted against the account, the address and the pair, or 429 when a budget
        is spent. After a few failures of the account, each attempt waits a little longer.
        `login=True`: a success forgets the account's failures."""
        budgets = self.budgets(email, ip)
        reservation = await self.store.reserve(budgets)
        if not reservation.granted:
            raise throttled(reservation.retry_after_ms)
        await self._slow_down(reservation.failures_before[ACCOUNT])
        pair, address, account = (budget.key for budget in budgets)
        return Attempt(self.store, pair, address, account, forgets_account_on_success=login)

    async def _slow_down(self, account_failures: int) -> None:
        excess_failures = account_failures - FREE_FAILURES_BEFORE_SLOWDOWN
        if excess_failures > 0 and self.settings.login_slowdown_seconds > 0:
            delay = self.settings.login_slowdown_seconds * excess_failures
            await asyncio.sleep(min(delay, MAX_SLOWDOWN_SECONDS))


def login_throttle() -> LoginThrottle:
    """The serving app's throttle."""
    state = app_state()
    return LoginThrottle(store=state.login_attempts, settings=state.settings)
