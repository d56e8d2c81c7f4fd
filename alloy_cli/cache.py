"""`alloy cache`: flush the shared cache's data, show Alloy's own hits, misses and keys."""

import urllib.request
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import typer
from redis.exceptions import RedisError
from rich.table import Table

from alloy_api.audit.service import AuditAction, record
from alloy_api.kit.cache import Cache, active_cache
from alloy_api.kit.logging import configure_logging
from alloy_api.observability.metrics import cache_counts
from alloy_api.settings import Settings
from alloy_cli.accounts import CLI_LOG_LEVEL, operator, with_database
from alloy_cli.common import JSON_OPTION_HELP, console, fail, load_settings, print_json, say

ResultT = TypeVar("ResultT")
IN_PROCESS = "the cache is in-process: each serving process holds its own (set ALLOY_REDIS_URL)"
DEFAULT_SERVER = "http://127.0.0.1:8000"
SCRAPE_TIMEOUT_SECONDS = 5.0
app = typer.Typer(
    help="The cache: flush the shared one (Redis), show Alloy's own counts.", no_args_is_help=True
)


def _shared_cache() -> Cache:
    cache = active_cache()
    if cache is None:
        fail("caching is off (ALLOY_CACHE_ENABLED=false)")
    if cache.in_process:
        fail(IN_PROCESS)
    return cache


async def _on_redis(work: Callable[[Cache], Awaitable[ResultT]]) -> ResultT:
    cache = _shared_cache()
    try:
        return await work(cache)
    except (RedisError, OSError) as error:
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
        deleted = await _on_redis(lambda cache: cache.backend.flush(prefix))
        await record(
            AuditAction.CACHE_FLUSHED,
            actor=operator().actor,
            details={"prefix": prefix, "deleted_keys": deleted},
        )
        return deleted

    deleted = with_database(work)
    scope = f"namespaces starting with {prefix!r}" if prefix else "every namespace"
    say(f"flushed {deleted} key(s) of {scope}")


def http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{value!r} is not an http:// or https:// URL")
    return value


def scrape_metrics(server: str, settings: Settings) -> str:
    """The server's `/metrics` answer (with the metrics token when one is configured)."""
    headers = {"Accept": "text/plain"}
    if settings.metrics_token is not None:
        headers["Authorization"] = f"Bearer {settings.metrics_token.get_secret_value()}"
    metrics_request = urllib.request.Request(f"{server.rstrip('/')}/metrics", headers=headers)  # noqa: S310
    with urllib.request.urlopen(metrics_request, timeout=SCRAPE_TIMEOUT_SECONDS) as answer:  # noqa: S310
        return answer.read().decode()


def _keys_by_namespace(settings: Settings) -> dict[str, int] | None:
    """Alloy's keys in Redis per namespace; None for the in-process cache (not visible here)."""
    if settings.redis_url is None:
        return None
    return with_database(lambda _: _on_redis(lambda cache: cache.backend.key_counts()))


def _hit_ratio(kinds: dict[str, int]) -> float | None:
    reads = kinds["hits"] + kinds["misses"]
    return round(kinds["hits"] / reads, 4) if reads else None


def _print_stats(
    server: str, counts: dict[str, dict[str, Any]], keys: dict[str, int] | None
) -> None:
    table = Table("namespace", "hits", "misses", "errors", "hit ratio")
    for namespace, kinds in counts.items():
        ratio = kinds["hit_ratio"]
        table.add_row(
            namespace,
            str(kinds["hits"]),
            str(kinds["misses"]),
            str(kinds["errors"]),
            "-" if ratio is None else f"{ratio:.1%}",
        )
    say(f"cache reads counted by {server} (each of its workers, since they started):")
    if counts:
        console.print(table)
    else:
        say("  none yet")
    if keys is None:
        say("keys: the cache is in-process; each serving process holds its own")
        return
    say("Alloy's keys in Redis by namespace:" if keys else "Alloy's keys in Redis: none")
    for group, count in keys.items():
        say(f"  {group} {count}")


@app.command()
def stats(
    server: Annotated[
        str,
        typer.Option(
            help="The running server whose /metrics counts the cache reads.", callback=http_url
        ),
    ] = DEFAULT_SERVER,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """Alloy's own cache counts: hits, misses and errors per namespace, from a running server's
    /metrics, and Alloy's keys per namespace in Redis. Not Redis's server-wide counters."""
    settings = load_settings()
    configure_logging(CLI_LOG_LEVEL, as_json=False)
    keys = _keys_by_namespace(settings)
    try:
        exposition = scrape_metrics(server, settings)
    except (OSError, ValueError) as error:
        fail(f"no cache counts: {server}/metrics did not answer ({error}); pass --server URL")
    counts: dict[str, dict[str, Any]] = {
        namespace: {**kinds, "hit_ratio": _hit_ratio(kinds)}
        for namespace, kinds in cache_counts(exposition).items()
    }
    if as_json:
        cache_kind = "in-process" if keys is None else "redis"
        print_json({"server": server, "cache": cache_kind, "counts": counts, "keys": keys})
        return
    _print_stats(server, counts, keys)
