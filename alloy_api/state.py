"""What a serving process holds: its settings and its connections to shared services."""

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quart import Quart, current_app

from alloy_api.settings import Settings

if TYPE_CHECKING:
    from alloy_api.auth.throttle import AttemptStore
    from alloy_api.kit.cache import Cache
    from alloy_api.kit.ratelimit import RateLimiter
    from alloy_api.kit.redis_link import RedisLink

STATE_KEY = "alloy"


@dataclass(slots=True)
class AppState:
    settings: Settings
    cache: "Cache"
    login_attempts: "AttemptStore"
    """Failed password and code checks per account and IP (Redis, or in-process without it)."""
    rate_limiter: "RateLimiter"
    redis: "RedisLink | None" = None
    """Cache, rate limits and login throttles behind one breaker; None runs them in-process."""
    background: "list[asyncio.Task[None]]" = field(default_factory=list)
    """The tasks a serving process runs beside its requests (replica checks, outbox drain, ...)."""


def attach_state(app: Quart, state: AppState) -> None:
    app.extensions[STATE_KEY] = state


def app_state() -> AppState:
    return current_app.extensions[STATE_KEY]
