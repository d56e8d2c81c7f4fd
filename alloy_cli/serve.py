"""`alloy serve`: run the API with the production server (granian)."""

import multiprocessing
import os
from pathlib import Path
from typing import Annotated

import typer
from granian import Granian
from granian.constants import Interfaces
from granian.http import HTTP1Settings

from alloy_api.db import migrations
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console, fail, load_settings, run
from alloy_cli.seed import seed_everything, seed_summary
from alloy_cli.serve_checks import ensure_migrated, ensure_port_free

ASGI_TARGET = "alloy_api.asgi:app"
RESPAWN_INTERVAL_SECONDS = 1.0
HEADER_READ_TIMEOUT_MS = 10_000
"""A client must send a request's headers within this (granian's default is 30 s); the body then
has `ALLOY_BODY_TIMEOUT_SECONDS`."""
"""How soon a worker that died is replaced; the other workers keep serving meanwhile."""
METRICS_DIR_NAME = "metrics"


def prepare_metrics_dir(settings: Settings, workers: int) -> Path | None:
    """The directory the workers share their Prometheus samples through, emptied of old ones.

    prometheus_client reads `PROMETHEUS_MULTIPROC_DIR` itself when a process first imports it, so
    the choice goes to the workers through their environment, and they are spawned as fresh
    interpreters rather than forked from this one (which has already imported it).
    """
    directory = settings.prometheus_multiproc_dir
    if directory is None and workers > 1:
        directory = settings.data_dir / METRICS_DIR_NAME
    if directory is None:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)
    multiprocessing.set_start_method("spawn", force=True)
    return directory


def _prepare_embedded_database(settings: Settings) -> None:
    try:
        applied = run(migrations.upgrade(settings))
    except Exception as error:
        fail(f"cannot prepare the embedded database: {error}")
    state = f"applied {len(applied)} migration(s)" if applied else "current"
    console.print(f"embedded database: {settings.resolved_database_url} ({state})")
    principal = operator()
    reports = with_database(lambda _: seed_everything(principal))
    console.print(f"sample library: {seed_summary(reports)}")


def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="Port to bind ($PORT).")] = 8000,
    workers: Annotated[
        int, typer.Option(envvar="WEB_CONCURRENCY", min=1, help="Worker processes.")
    ] = 1,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Serve the API; refuses a port in use and a PostgreSQL database with pending migrations.

    On the embedded SQLite default it first creates and migrates the database and loads the
    sample library (as `alloy seed`, which skips what is there).
    """
    settings = load_settings()
    ensure_port_free(host, port)
    if workers > 1 and settings.redis_url is None:
        fail(
            f"{workers} workers need a shared Redis: set ALLOY_REDIS_URL (without it each worker "
            "would keep its own rate limits and login throttles), or serve with --workers 1"
        )
    if settings.uses_embedded_database:
        _prepare_embedded_database(settings)
    else:
        ensure_migrated(settings)
    metrics_dir = prepare_metrics_dir(settings, workers)
    if metrics_dir is not None:
        console.print(f"metrics of all workers are shared through {metrics_dir}")
    console.print(f"serving on http://{host}:{port} with {workers} worker(s)")
    Granian(
        ASGI_TARGET,
        interface=Interfaces.ASGI,
        address=host,
        port=port,
        workers=workers,
        reload=reload,
        respawn_failed_workers=True,
        respawn_interval=RESPAWN_INTERVAL_SECONDS,
        http1_settings=HTTP1Settings(header_read_timeout=HEADER_READ_TIMEOUT_MS),
    ).serve()
