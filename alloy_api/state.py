"""What a serving process holds: its settings and its connections to shared services."""

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiocache.base import BaseCache
from quart import Quart, current_app
from redis.asyncio import Redis

from alloy_api.settings import Settings

if TYPE_CHECKING:
    from alloy_api.auth.throttle import AttemptStore
    from alloy_api.kit.cache import NearCache

STATE_KEY = "alloy"


@dataclass(slots=True)
class AppState:
    settings: Settings
    cache: BaseCache
    login_attempts: "AttemptStore"
    """Failed password and code checks per account and IP (Redis, or in-process without it)."""
    redis: Redis | None = None
    """Rate limits, idempotency keys and login throttles; None runs them in-process."""
    near_cache: "NearCache | None" = None
    """This process's short-lived copies of library entries over Redis, or None."""
    replica_watch: "asyncio.Task[None] | None" = None
    """The task that checks the read replicas now and then, while serving with replicas."""


def attach_state(app: Quart, state: AppState) -> None:
    app.extensions[STATE_KEY] = state


def app_state() -> AppState:
    return current_app.extensions[STATE_KEY]
