"""The Tortoise ORM configuration, built from settings; aerich reads `TORTOISE_ORM`."""

from typing import Any
from urllib.parse import urlsplit

from asyncpg import Connection
from tortoise.backends.base.config_generator import expand_db_url

from alloy_api.db.replicas import PRIMARY, replica_names
from alloy_api.settings import Settings

MODELS_APP = "models"
MODEL_MODULES: list[str] = [
    "aerich.models",
    "alloy_api.auth.models",
    "alloy_api.audit.models",
    "alloy_api.movements.models",
    "alloy_api.circuits.models",
    "alloy_api.scoring.models",
    "alloy_api.programs.models",
    "alloy_api.idempotency.models",
    "alloy_api.db.outbox",
]
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "asyncpg"})
REPLICA_ROUTER = "alloy_api.db.replicas.ReplicaRouter"


async def _keep_session(connection: Connection) -> None:
    """What a pooled PostgreSQL connection runs when it goes back to the pool: nothing.

    asyncpg's default sends `RESET ALL; UNLISTEN *; CLOSE ALL; pg_advisory_unlock_all()`, a second
    round trip after every statement. Alloy keeps no session state to undo (isolation is set per
    transaction; no LISTEN, advisory lock, cursor or session `SET`), and the pool still rolls back
    a transaction left open before this runs.
    """


def _connection(settings: Settings, url: str | None = None) -> str | dict[str, Any]:
    url = url or settings.resolved_database_url
    if urlsplit(url).scheme not in POSTGRES_SCHEMES:
        return url
    connection = expand_db_url(url)
    connection["credentials"].update(
        minsize=settings.database_pool_min_size,
        maxsize=settings.database_pool_max_size,
        reset=_keep_session,
    )
    return connection


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The primary as `default`, and each replica as `replica_N` behind the replica router."""
    connections = {PRIMARY: _connection(settings)}
    replicas = replica_names(len(settings.database_replica_urls))
    for name, url in zip(replicas, settings.database_replica_urls, strict=True):
        connections[name] = _connection(settings, url)
    config: dict[str, Any] = {
        "connections": connections,
        "apps": {MODELS_APP: {"models": MODEL_MODULES, "default_connection": PRIMARY}},
        "use_tz": True,
        "timezone": "UTC",
    }
    if replicas:
        config["routers"] = [REPLICA_ROUTER]
    return config


def __getattr__(name: str) -> Any:
    """`TORTOISE_ORM` for the aerich command line, from the environment at the time it is read."""
    if name == "TORTOISE_ORM":
        return tortoise_config(Settings())
    raise AttributeError(name)
