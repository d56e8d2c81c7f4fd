"""Rate limits by policy class, decided atomically: one Lua script on Redis or one in-process step.

quart-rate-limiter wires the hooks and the `rate_exempt` marker; the decision itself is a GCRA
(generic cell rate algorithm) step that reads and writes the theoretical arrival time in one
indivisible operation, so concurrent requests across every process share one exact budget.

Every route is limited: by its own `@limited(RateClass.X)`, its blueprint's `limit_blueprint_class`,
or by its method (reads for GET, writes otherwise), unless it is marked `@rate_exempt` or is one of
the framework's operational routes.
"""

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from loguru import logger
from quart import Blueprint, Quart, Response, current_app, g, request
from quart_rate_limiter import (
    QUART_RATE_LIMITER_EXEMPT_ATTRIBUTE,
    RateLimit,
    RateLimiter,
    rate_exempt,
)
from quart_rate_limiter.store import RateLimiterStoreABC
from redis.asyncio import Redis
from redis.exceptions import RedisError

from alloy_api.kit.cache import deliver_prefetched, take_prefetch_requests
from alloy_api.kit.client import client_identity
from alloy_api.kit.errors import RateLimitedError, retry_after_seconds
from alloy_api.observability.metrics import record_rate_limit_rejection
from alloy_api.settings import Settings, parse_rate

__all__ = [
    "Decision",
    "MemoryRateStore",
    "RateClass",
    "RedisRateStore",
    "install_rate_limits",
    "limit_blueprint_class",
    "limited",
    "rate_exempt",
]

RouteT = TypeVar("RouteT", bound=Callable[..., Any])
RATE_CLASS_ATTRIBUTE = "_alloy_rate_class"
FRAMEWORK_EXEMPT_ENDPOINTS = frozenset({"static", "openapi", "swagger_ui"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
KEY_PREFIX = "alloy:rl"
MEMORY_SWEEP_EVERY = 1024
MILLISECONDS = 1000


class RateClass(StrEnum):
    AUTH = "auth"
    WRITE = "write"
    GENERATE = "generate"
    READ = "read"


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    remaining: int
    reset_ms: int
    """Until the whole quota is available again."""
    retry_after_ms: int
    """Until the next request would be allowed (0 when this one was)."""


GCRA_SCRIPT = """
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local emission = period / limit
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then tat = now end
local new_tat = tat + emission
local allow_at = new_tat - period
if allow_at > now then
  return {0, 0, math.ceil(tat - now), math.ceil(allow_at - now)}
end
redis.call('SET', KEYS[1], string.format('%.3f', new_tat), 'PX', math.ceil(new_tat - now))
local reply = {1, math.floor((now - allow_at) / emission), math.ceil(new_tat - now), 0}
for index = 2, #KEYS do
  reply[#reply + 1] = redis.call('GET', KEYS[index])
end
return reply
"""
"""KEYS[1] holds the arrival time; an allowed request also gets the values of KEYS[2..]."""


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


class _AtomicStore(RateLimiterStoreABC):
    """The library's store interface, plus the one atomic `acquire` this limiter uses."""

    async def acquire(self, key: str, limit: int, period_ms: int) -> Decision:
        decision, _ = await self.acquire_reading(key, limit, period_ms, ())
        return decision

    async def acquire_reading(
        self, key: str, limit: int, period_ms: int, reads: Sequence[str]
    ) -> tuple[Decision, dict[str, bytes | None]]:
        """`acquire`, and the values of the cache keys `reads` read in the same step when the
        store shares the cache's server (an allowed request only)."""
        raise NotImplementedError

    async def get(self, key: str, default: datetime) -> datetime:
        raise NotImplementedError("this store is read and written only through acquire()")

    async def set(self, key: str, tat: datetime) -> None:
        raise NotImplementedError("this store is read and written only through acquire()")

    async def before_serving(self) -> None:
        return None

    async def after_serving(self) -> None:
        return None


class MemoryRateStore(_AtomicStore):
    """One process's limits. `acquire` never awaits, so no other request interleaves with it."""

    def __init__(self) -> None:
        self._arrival_times: dict[str, float] = {}
        self._steps = 0

    async def acquire_reading(
        self, key: str, limit: int, period_ms: int, reads: Sequence[str]
    ) -> tuple[Decision, dict[str, bytes | None]]:
        now = time.time() * MILLISECONDS
        decision, tat = gcra_step(self._arrival_times.get(key), now, limit, period_ms)
        self._arrival_times[key] = tat
        self._steps += 1
        if self._steps % MEMORY_SWEEP_EVERY == 0:
            self._sweep(now)
        return decision, {}

    def _sweep(self, now: float) -> None:
        expired = [key for key, tat in self._arrival_times.items() if tat <= now]
        for key in expired:
            del self._arrival_times[key]

    def __len__(self) -> int:
        return len(self._arrival_times)


class RedisRateStore(_AtomicStore):
    """Limits shared by every process: the GCRA step runs inside Redis, on Redis's clock."""

    def __init__(self, client: Redis) -> None:
        self._script = client.register_script(GCRA_SCRIPT)

    async def acquire_reading(
        self, key: str, limit: int, period_ms: int, reads: Sequence[str]
    ) -> tuple[Decision, dict[str, bytes | None]]:
        allowed, remaining, reset_ms, retry_after_ms, *values = await self._script(
            keys=[key, *reads], args=[limit, period_ms]
        )
        decision = Decision(bool(allowed), int(remaining), int(reset_ms), int(retry_after_ms))
        return decision, dict(zip(reads, values, strict=False))


def limited(rate_class: RateClass) -> Callable[[RouteT], RouteT]:
    """Put a route in a policy class (placed under the route decorator)."""

    def decorator(route: RouteT) -> RouteT:
        setattr(route, RATE_CLASS_ATTRIBUTE, rate_class)
        return route

    return decorator


def limit_blueprint_class(blueprint: Blueprint, rate_class: RateClass) -> Blueprint:
    """The policy class of every route of `blueprint` that does not name its own."""
    setattr(blueprint, RATE_CLASS_ATTRIBUTE, rate_class)
    return blueprint


async def _client_identity() -> str:
    return client_identity()


class AlloyRateLimiter(RateLimiter):
    def __init__(self, app: Quart, settings: Settings, store: _AtomicStore) -> None:
        self.policies: dict[RateClass, RateLimit] = {}
        self._period_ms: dict[RateClass, int] = {}
        self._policy_headers: dict[RateClass, str] = {}
        for rate_class in RateClass:
            count, period_seconds = parse_rate(getattr(settings, f"rate_limit_{rate_class.value}"))
            self.policies[rate_class] = RateLimit(count, timedelta(seconds=period_seconds))
            self._period_ms[rate_class] = period_seconds * MILLISECONDS
            self._policy_headers[rate_class] = f'"{rate_class.value}";q={count};w={period_seconds}'
        self._classes: dict[tuple[str, str], RateClass | None] = {}
        self.atomic_store = store
        super().__init__(
            app, key_function=_client_identity, store=store, enabled=settings.rate_limit_enabled
        )

    def policy_class(self, app: Quart, endpoint: str, method: str) -> RateClass | None:
        """The class limiting `method` on `endpoint`, or None when the route is exempt."""
        cache_key = (endpoint, method)
        if cache_key not in self._classes:
            self._classes[cache_key] = self._resolve_class(app, endpoint, method)
        return self._classes[cache_key]

    @staticmethod
    def _resolve_class(app: Quart, endpoint: str, method: str) -> RateClass | None:
        view = app.view_functions.get(endpoint)
        if view is None or endpoint in FRAMEWORK_EXEMPT_ENDPOINTS:
            return None
        if getattr(view, QUART_RATE_LIMITER_EXEMPT_ATTRIBUTE, False):
            return None
        blueprint = app.blueprints.get(endpoint.rpartition(".")[0]) if "." in endpoint else None
        explicit = getattr(view, RATE_CLASS_ATTRIBUTE, None) or getattr(
            blueprint, RATE_CLASS_ATTRIBUTE, None
        )
        if explicit is not None:
            return explicit
        return RateClass.READ if method in READ_METHODS else RateClass.WRITE

    async def _before_request(self) -> None:
        if not current_app.config["QUART_RATE_LIMITER_ENABLED"] or request.endpoint is None:
            return
        rate_class = self.policy_class(current_app, request.endpoint, request.method)
        if rate_class is None:
            return
        key = f"{KEY_PREFIX}:{rate_class.value}:{client_identity()}"
        try:
            decision, prefetched = await self.atomic_store.acquire_reading(
                key,
                self.policies[rate_class].count,
                self._period_ms[rate_class],
                take_prefetch_requests(),
            )
        except (RedisError, OSError) as error:
            logger.warning("rate limit store unavailable, allowed: {}", type(error).__name__)
            return
        deliver_prefetched(prefetched)
        g.rate_limit = (rate_class, decision)
        if not decision.allowed:
            record_rate_limit_rejection(rate_class.value)
            retry_after = retry_after_seconds(decision.retry_after_ms)
            raise RateLimitedError(
                f"Too many {rate_class.value} requests; retry in {retry_after} s",
                retry_after_ms=decision.retry_after_ms,
                policy=rate_class.value,
            )

    async def _after_request(self, response: Response) -> Response:
        applied = g.get("rate_limit")
        if applied is not None:
            rate_class, decision = applied
            reset = math.ceil(decision.reset_ms / MILLISECONDS)
            response.headers["RateLimit-Policy"] = self._policy_headers[rate_class]
            response.headers["RateLimit"] = f'"{rate_class.value}";r={decision.remaining};t={reset}'
        return response


def build_rate_store(redis_client: Redis | None) -> _AtomicStore:
    return MemoryRateStore() if redis_client is None else RedisRateStore(redis_client)


def install_rate_limits(
    app: Quart, settings: Settings, redis_client: Redis | None
) -> AlloyRateLimiter:
    limiter = AlloyRateLimiter(app, settings, build_rate_store(redis_client))
    app.extensions["alloy_rate_limiter"] = limiter
    return limiter
