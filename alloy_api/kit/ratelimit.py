"""Rate limits by policy class, decided atomically: one Lua script on Redis or one in-process step.

The decision is a GCRA (generic cell rate algorithm) step that reads and writes the theoretical
arrival time in one indivisible operation, so concurrent requests across every process share one
exact budget. The same script reads the cache keys the request asked to prefetch (the token's auth
state) and the cache epoch: an authenticated request makes one Redis round trip before its route.

Every route is limited: by its own `@limited(RateClass.X)`, its blueprint's `limit_blueprint_class`
(`kit.rate_classes`), or by its method (reads for GET, writes otherwise), unless it is marked
`@rate_exempt` or is one of the framework's operational routes.

When Redis cannot be reached (or its breaker is open) reads are allowed without a limit, and the
other classes are limited by this process alone, with the same budget (docs/OPERATIONS.md).
"""

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quart import Quart, Response, current_app, request

from alloy_api.kit.client import client_ip
from alloy_api.kit.errors import RateLimitedError, retry_after_seconds
from alloy_api.kit.pipeline import CallNext, RequestState
from alloy_api.kit.rate_classes import EXEMPT_ATTRIBUTE, RATE_CLASS_ATTRIBUTE, RateClass
from alloy_api.kit.redis_link import RedisLink, RedisUnavailableError
from alloy_api.kit.resp import Arg, Script
from alloy_api.observability.metrics import record_rate_limit_rejection
from alloy_api.settings import Settings, parse_rate

if TYPE_CHECKING:
    from alloy_api.kit.cache.keys import CacheKey


FRAMEWORK_EXEMPT_ENDPOINTS = frozenset({"static", "openapi"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
KEY_PREFIX = "alloy:rl"
EPOCH_KEY = "alloy:epoch"
MEMORY_SWEEP_EVERY = 1024
MILLISECONDS = 1000


FAILING_OPEN = frozenset({RateClass.READ})
"""Classes allowed without a limit while Redis is unavailable; the others count in-process."""


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    remaining: int
    reset_ms: int
    """Until the whole quota is available again."""
    retry_after_ms: int
    """Until the next request would be allowed (0 when this one was)."""


@dataclass(frozen=True, slots=True)
class Applied:
    rate_class: RateClass
    decision: Decision | None
    """None when Redis was unavailable and the class fails open."""


GCRA_SCRIPT = """
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local reply = {0, 0, 0, 0, redis.call('GET', KEYS[2]) or '0'}
for index = 3, #ARGV - 1, 2 do
  reply[#reply + 1] = redis.call('GET', ARGV[index] .. reply[5] .. ARGV[index + 1])
end
local emission = period / limit
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then tat = now end
local new_tat = tat + emission
local allow_at = new_tat - period
if allow_at > now then
  reply[3] = math.ceil(tat - now)
  reply[4] = math.ceil(allow_at - now)
  return reply
end
redis.call('SET', KEYS[1], string.format('%.3f', new_tat), 'PX', math.ceil(new_tat - now))
reply[1] = 1
reply[2] = math.floor((now - allow_at) / emission)
reply[3] = math.ceil(new_tat - now)
return reply
"""
"""KEYS: the arrival time, the cache epoch. ARGV: limit, period, then each prefetched cache key
as the prefix and suffix around its epoch. Reply: allowed, remaining, reset, retry after, the
epoch, then the prefetched values."""
GCRA = Script(GCRA_SCRIPT)


def gcra_step(tat: float | None, now: float, limit: int, period_ms: int) -> tuple[Decision, float]:
    """One GCRA step in milliseconds: the decision and the arrival time to keep."""
    emission = period_ms / limit
    tat = now if tat is None or tat < now else tat
    new_tat = tat + emission
    allow_at = new_tat - period_ms
    if allow_at > now:
        return Decision(False, 0, math.ceil(tat - now), math.ceil(allow_at - now)), tat
    remaining = math.floor((now - allow_at) / emission)
    return Decision(True, remaining, math.ceil(new_tat - now), 0), new_tat


class MemoryRateStore:
    """One process's limits. `acquire` never awaits, so no other request interleaves with it."""

    def __init__(self) -> None:
        self._arrival_times: dict[str, float] = {}
        self._steps = 0

    async def acquire(self, key: str, limit: int, period_ms: int) -> Decision:
        now = time.time() * MILLISECONDS
        decision, tat = gcra_step(self._arrival_times.get(key), now, limit, period_ms)
        self._arrival_times[key] = tat
        self._steps += 1
        if self._steps % MEMORY_SWEEP_EVERY == 0:
            self._sweep(now)
        return decision

    def _sweep(self, now: float) -> None:
        expired = [key for key, tat in self._arrival_times.items() if tat <= now]
        for key in expired:
            del self._arrival_times[key]

    def __len__(self) -> int:
        return len(self._arrival_times)


@dataclass(frozen=True, slots=True)
class Trip:
    decision: Decision
    epoch: int
    values: dict[str, bytes | None]
    """The prefetched cache values, by key base."""


class RedisRateStore:
    """Limits shared by every process: the GCRA step runs inside Redis, on Redis's clock."""

    def __init__(self, link: RedisLink) -> None:
        self._link = link

    async def acquire(
        self, key: str, limit: int, period_ms: int, reads: "Sequence[CacheKey]" = ()
    ) -> Trip:
        args: list[Arg] = [limit, period_ms]
        for cache_key in reads:
            args.extend((cache_key.epoch_prefix, cache_key.epoch_suffix))
        reply = await self._link.run_script(GCRA, [key, EPOCH_KEY], args)
        allowed, remaining, reset_ms, retry_after_ms, epoch, *values = reply
        decision = Decision(bool(allowed), int(remaining), int(reset_ms), int(retry_after_ms))
        prefetched = {
            cache_key.base: value for cache_key, value in zip(reads, values, strict=False)
        }
        return Trip(decision, int(epoch), prefetched)


def client_identity(state: RequestState) -> str:
    """The verified token's user when there is one, else the client address."""
    if state.user_id is not None:
        return f"user:{state.user_id}"
    return f"ip:{client_ip()}"


class RateLimiter:
    def __init__(
        self,
        settings: Settings,
        link: RedisLink | None,
        on_epoch: Callable[[int], None] = lambda epoch: None,
    ) -> None:
        self.enabled = settings.rate_limit_enabled
        self._limits: dict[RateClass, tuple[int, int]] = {}
        self._policy_headers: dict[RateClass, str] = {}
        for rate_class in RateClass:
            count, period_seconds = parse_rate(getattr(settings, f"rate_limit_{rate_class.value}"))
            self._limits[rate_class] = (count, period_seconds * MILLISECONDS)
            self._policy_headers[rate_class] = f'"{rate_class.value}";q={count};w={period_seconds}'
        self._classes: dict[tuple[str, str], RateClass | None] = {}
        self.memory_store = MemoryRateStore()
        self.redis_store = RedisRateStore(link) if link is not None else None
        self._on_epoch = on_epoch

    def policy_class(self, app: Quart, endpoint: str, method: str) -> RateClass | None:
        """The class limiting `method` on `endpoint`, or None when the route is exempt."""
        cache_key = (endpoint, method)
        if cache_key not in self._classes:
            self._classes[cache_key] = _resolve_class(app, endpoint, method)
        return self._classes[cache_key]

    def request_class(self) -> RateClass | None:
        if not self.enabled or request.endpoint is None:
            return None
        return self.policy_class(current_app, request.endpoint, request.method)

    async def take(self, state: RequestState) -> Applied | None:
        """This request's decision, taken once (the first caller makes the round trip and gets
        the prefetched cache values delivered into `state`); None when the route is not limited.
        """
        if state.rate_limit is not None:
            return state.rate_limit
        rate_class = self.request_class()
        if rate_class is None:
            return None
        limit, period_ms = self._limits[rate_class]
        key = f"{KEY_PREFIX}:{rate_class.value}:{client_identity(state)}"
        applied = Applied(rate_class, await self._decide(state, rate_class, key, limit, period_ms))
        state.rate_limit = applied
        return applied

    async def _decide(
        self, state: RequestState, rate_class: RateClass, key: str, limit: int, period_ms: int
    ) -> Decision | None:
        if self.redis_store is not None:
            try:
                trip = await self.redis_store.acquire(key, limit, period_ms, state.prefetch)
            except RedisUnavailableError:
                if rate_class in FAILING_OPEN:
                    return None
            else:
                state.prefetch.clear()
                state.prefetched.update(trip.values)
                self._on_epoch(trip.epoch)
                return trip.decision
        return await self.memory_store.acquire(key, limit, period_ms)

    def refusal(self, applied: Applied | None) -> RateLimitedError | None:
        """The 429 for a request over its budget (counted in the metrics), else None."""
        if applied is None or applied.decision is None or applied.decision.allowed:
            return None
        decision = applied.decision
        record_rate_limit_rejection(applied.rate_class.value)
        retry_after = retry_after_seconds(decision.retry_after_ms)
        refusal = RateLimitedError(
            f"Too many {applied.rate_class.value} requests; retry in {retry_after} s",
            retry_after_ms=decision.retry_after_ms,
            policy=applied.rate_class.value,
        )
        refusal.headers.update(self.headers(applied))
        return refusal

    def headers(self, applied: Applied) -> dict[str, str]:
        decision = applied.decision
        if decision is None:
            return {}
        name = applied.rate_class.value
        reset = math.ceil(decision.reset_ms / MILLISECONDS)
        return {
            "RateLimit-Policy": self._policy_headers[applied.rate_class],
            "RateLimit": f'"{name}";r={decision.remaining};t={reset}',
        }


def _resolve_class(app: Quart, endpoint: str, method: str) -> RateClass | None:
    view = app.view_functions.get(endpoint)
    if view is None or endpoint in FRAMEWORK_EXEMPT_ENDPOINTS:
        return None
    if getattr(view, EXEMPT_ATTRIBUTE, False):
        return None
    blueprint = app.blueprints.get(endpoint.rpartition(".")[0]) if "." in endpoint else None
    explicit = getattr(view, RATE_CLASS_ATTRIBUTE, None) or getattr(
        blueprint, RATE_CLASS_ATTRIBUTE, None
    )
    if explicit is not None:
        return explicit
    return RateClass.READ if method in READ_METHODS else RateClass.WRITE


class RateLimitStage:
    name = "rate_limit"

    def __init__(self, limiter: RateLimiter) -> None:
        self._limiter = limiter

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        applied = await self._limiter.take(state)
        if applied is None:
            return await call_next()
        refusal = self._limiter.refusal(applied)
        if refusal is not None:
            raise refusal
        response = await call_next()
        # Only this stage sets these headers (a 429 it refuses never reaches here): an append
        # costs less than werkzeug's replace, which compares every header already present.
        response.headers.extend(self._limiter.headers(applied))
        return response
