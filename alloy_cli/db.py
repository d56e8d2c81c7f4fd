"""`alloy db`: apply, roll back, list and author migrations."""

from typing import Annotated

import typer
from rich.table import Table

from alloy_api.db import migrations
from alloy_api.db.authoring import NothingToMigrateError, author_migration
from alloy_cli.common import JSON_OPTION_HELP, console, fail, load_settings, print_json, run

app = typer.Typer(help="Database migrations (aerich), for PostgreSQL and the embedded SQLite.")


@app.command()
def upgrade() -> None:
    """Apply every migration the configured database has not had yet."""
    settings = load_settings()
    try:
        applied = run(migrations.upgrade(settings))
    except Exception as error:
        fail(f"upgrade failed: {error}")
    if applied:
        console.print(f"applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        console.print("the database is current; nothing to apply")


@app.command()
def downgrade(
    version: Annotated[
        int, typer.Option(help="Roll back to before this version number; -1 means the last one.")
    ] = -1,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Roll back migrations (their data changes are lost)."""
    settings = load_settings()
    if not yes:
        typer.confirm("Rolling back drops the data of the rolled-back changes. Go on?", abort=True)
    try:
        reverted = run(migrations.downgrade(settings, version))
    except Exception as error:
        fail(f"downgrade failed: {error}")
    console.print(f"rolled back {len(reverted)} migration(s): {', '.join(reverted)}")


@app.command()
def history(
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """List every migration and whether the configured database has it."""
    settings = load_settings()
    try:
        files, applied = run(migrations.history(settings))
    except Exception as error:
        fail(f"cannot read the migration history: {error}")
    if as_json:
        print_json(
            {"migrations": [{"version": name, "applied": name in applied} for name in files]}
        )
        return
    table = Table("version", "applied")
    for name in files:
        table.add_row(name, "yes" if name in applied else "no")
    console.print(table)


@app.command()
def migrate(
    name: Annotated[str, typer.Option(help="A short snake_case name for the change.")],
) -> None:
    """Write the next migration from the model changes, for PostgreSQL and SQLite at once."""
    settings = load_settings()
    try:
        written = author_migration(settings, name)
    except NothingToMigrateError:
        fail("no model changes since the last migration")
    except RuntimeError as error:
        fail(str(error))
    console.print(f"wrote {written}")
