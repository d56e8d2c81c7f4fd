"""`alloy cache`: flush the shared cache's data, show its hits, misses and keys."""

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from redis.exceptions import RedisError

from alloy_api.audit.service import AuditAction, record
from alloy_api.kit.cache import Cache, active_cache
from alloy_api.kit.logging import configure_logging
from alloy_api.observability.metrics import cache_counts
from alloy_api.settings import Settings
from alloy_cli.accounts import CLI_LOG_LEVEL, operator, with_database
from alloy_cli.common import console, fail, load_settings

ResultT = TypeVar("ResultT")
IN_PROCESS = "the cache is in-process: each serving process holds its own (set ALLOY_REDIS_URL)"
app = typer.Typer(
    help="The shared cache (Redis): flush it, show its statistics.", no_args_is_help=True
)


def _shared_cache() -> Cache:
    cache = active_cache()
    if cache is None:
        fail("caching is off (ALLOY_CACHE_ENABLED=false)")
    if cache.in_process:
        fail(IN_PROCESS)
    return cache


@app.command()
def flush(
    prefix: Annotated[
        str,
        typer.Option(help="Only namespaces starting with this (movements, circuits, auth, ...)."),
    ] = "",
) -> None:
    """Delete cached data (every namespace, or those matching --prefix); audited.

    Login throttles, rate limits and idempotency keys are not cached data and stay.
    """

    async def work(settings: Settings) -> int:
        deleted = await _on_redis(lambda cache: cache.backend.flush(prefix))
        await record(
            AuditAction.CACHE_FLUSHED,
            actor=operator().actor,
            details={"prefix": prefix, "deleted_keys": deleted},
        )
        return deleted

    deleted = with_database(work)
    scope = f"namespaces starting with {prefix!r}" if prefix else "every namespace"
    console.print(f"flushed {deleted} key(s) of {scope}", highlight=False)


async def _on_redis(work: Callable[[Cache], Awaitable[ResultT]]) -> ResultT:
    cache = _shared_cache()
    try:
        return await work(cache)
    except (RedisError, OSError) as error:
        fail(f"the cache is unavailable: {type(error).__name__}")


@app.command()
def stats() -> None:
    """Hits, misses and errors per namespace (Alloy's own counts) and keys per namespace."""
    settings = load_settings()
    configure_logging(CLI_LOG_LEVEL, as_json=False)
    keys = with_database(lambda _: _on_redis(lambda cache: cache.backend.key_counts()))
    counts = cache_counts(settings)
    if counts:
        console.print("namespace hits misses errors (serving processes, since they started)")
        for namespace, kinds in counts.items():
            console.print(f"{namespace} {kinds['hits']} {kinds['misses']} {kinds['errors']}")
    else:
        console.print("per-namespace hits and misses: see /metrics (alloy_cache_*_total)")
    console.print("keys by namespace:" if keys else "keys by namespace: none")
    for group, count in keys.items():
        console.print(f"  {group} {count}", highlight=False)
