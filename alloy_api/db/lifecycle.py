"""Opening and closing Tortoise for a serving process."""

from collections.abc import Coroutine
from typing import Any

from tortoise import Tortoise, connections

from alloy_api.db.config import tortoise_config
from alloy_api.db.replicas import replica_names, watch_replicas
from alloy_api.settings import Settings


async def open_database(settings: Settings) -> None:
    """Initialise Tortoise so that every request task sees it.

    Tortoise 1.x keeps its context per task, and Quart serves requests in other tasks than the
    one that ran start-up; the global fallback makes the start-up context visible to them.
    """
    if settings.uses_embedded_database:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close_database() -> None:
    await Tortoise.close_connections()


async def ping_database() -> None:
    await connections.get("default").execute_query("SELECT 1")


def watch_replicas_forever(settings: Settings) -> Coroutine[Any, Any, None] | None:
    """Checking each replica every `database_replica_check_seconds`, if there are any."""
    names = replica_names(len(settings.database_replica_urls))
    if not names or settings.database_replica_check_seconds == 0:
        return None
    return watch_replicas(names, settings.database_replica_check_seconds)
