"""`alloy serve`: run the API with the production server (granian)."""

from typing import Annotated

import typer
from granian import Granian
from granian.constants import Interfaces

from alloy_api.db import migrations
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console, fail, load_settings, run
from alloy_cli.seed import seed_everything, seed_summary

ASGI_TARGET = "alloy_api.asgi:app"


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
    """Serve the API. On the embedded SQLite default, first creates and migrates the database and
    loads the sample library (as `alloy seed`, which skips what is there)."""
    settings = load_settings()
    if settings.uses_embedded_database:
        _prepare_embedded_database(settings)
    console.print(f"serving on http://{host}:{port} with {workers} worker(s)")
    Granian(
        ASGI_TARGET,
        interface=Interfaces.ASGI,
        address=host,
        port=port,
        workers=workers,
        reload=reload,
    ).serve()
