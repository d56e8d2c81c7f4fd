"""`alloy cache`: flush the shared cache's data, show its hits, misses and keys."""

from collections.abc import Awaitable, Callable
from typing import Annotated, NoReturn, TypeVar

import typer
from aiocache.base import BaseCache
from redis.exceptions import RedisError

from alloy_api.audit.service import AuditAction, record
from alloy_api.kit import cache as shared_cache
from alloy_api.kit.logging import configure_logging
from alloy_api.observability.metrics import cache_counts
from alloy_api.settings import Settings
from alloy_cli.accounts import CLI_LOG_LEVEL, operator, with_database
from alloy_cli.common import console, fail, load_settings, run

ResultT = TypeVar("ResultT")
app = typer.Typer(
    help="The shared cache (Redis): flush it, show its statistics.", no_args_is_help=True
)


async def _using_cache(
    settings: Settings, work: Callable[[BaseCache], Awaitable[ResultT]]
) -> ResultT:
    cache = shared_cache.build_cache(settings)
    try:
        return await work(cache)
    finally:
        await shared_cache.close_cache(cache)


def _cache_failure(error: Exception) -> NoReturn:
    if isinstance(error, shared_cache.InProcessCacheError):
        fail(str(error))
    fail(f"the cache is unavailable: {type(error).__name__}")


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
        deleted = await _using_cache(settings, lambda cache: shared_cache.flush(cache, prefix))
        await record(
            AuditAction.CACHE_FLUSHED,
            actor=operator().actor,
            details={"prefix": prefix, "deleted_keys": deleted},
        )
        return deleted

    try:
        deleted = with_database(work)
    except (shared_cache.InProcessCacheError, RedisError) as error:
        _cache_failure(error)
    scope = f"namespaces starting with {prefix!r}" if prefix else "every namespace"
    console.print(f"flushed {deleted} key(s) of {scope}", highlight=False)


@app.command()
def stats() -> None:
    """Hits, misses and errors per namespace, Redis's own counts, and keys per namespace."""
    settings = load_settings()

    async def gather(cache: BaseCache) -> tuple[dict[str, int], dict[str, int]]:
        return await shared_cache.server_stats(cache), await shared_cache.key_counts(cache)

    configure_logging(CLI_LOG_LEVEL, as_json=False)
    try:
        server, keys = run(_using_cache(settings, gather))
    except (shared_cache.InProcessCacheError, RedisError, OSError) as error:
        _cache_failure(error)
    counts = cache_counts(settings)
    if counts:
        console.print("namespace hits misses errors (serving processes, since they started)")
        for namespace, kinds in counts.items():
            console.print(f"{namespace} {kinds['hits']} {kinds['misses']} {kinds['errors']}")
    else:
        console.print("per-namespace hits and misses: see /metrics (alloy_cache_*_total)")
    console.print(
        f"redis keyspace_hits {server['keyspace_hits']} keyspace_misses {server['keyspace_misses']}"
    )
    console.print("keys by namespace:" if keys else "keys by namespace: none")
    for group, count in keys.items():
        console.print(f"  {group} {count}", highlight=False)
