"""Running `alloy` commands in-process against the test database, and reading what they did."""

import asyncio
import getpass
import shutil
from pathlib import Path
from typing import Any

import orjson
from typer.testing import CliRunner

from alloy_api.audit.models import AuditEvent
from alloy_api.db import migrations
from alloy_api.db.lifecycle import close_database, open_database
from alloy_cli.main import app
from tests.auth.factories import STRONG_PASSWORD

OPERATOR = f"cli:{getpass.getuser()}"


def invoke(settings, *arguments: str, stdin: str | None = None, **environment: str) -> Any:
    """`alloy ARGUMENTS` with the test settings; its output is not a terminal (as when piped)."""
    variables = {
        "ALLOY_DATA_DIR": str(settings.data_dir),
        "ALLOY_DATABASE_URL": settings.resolved_database_url,
        "ALLOY_PASSWORD_HASH_TIME_COST": str(settings.password_hash_time_cost),
        "ALLOY_PASSWORD_HASH_MEMORY_KIB": str(settings.password_hash_memory_kib),
        **environment,
    }
    return CliRunner().invoke(app, list(arguments), input=stdin, env=variables)


def json_output(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return orjson.loads(result.stdout)


def query(settings, work) -> Any:
    async def session() -> Any:
        await open_database(settings)
        try:
            return await work()
        finally:
            await close_database()

    return asyncio.run(session())


def audit_events(settings) -> list[AuditEvent]:
    return query(settings, lambda: AuditEvent.all().order_by("created_at", "id"))


def audit_actions(settings) -> list[tuple[str, str]]:
    return [(event.action, event.actor) for event in audit_events(settings)]


def create_account(settings, email: str, *options: str) -> None:
    created = invoke(
        settings,
        "users",
        "create",
        "--email",
        email,
        *options,
        "--password-stdin",
        stdin=STRONG_PASSWORD + "\n",
    )
    assert created.exit_code == 0, created.output


def migrations_ahead_of(settings, tmp_path: Path) -> Path:
    """A copy of the migrations with one more version file than the test database has had."""
    copy = tmp_path / "migrations"
    shutil.copytree(settings.migrations_dir, copy)
    known = migrations.migration_files(settings)
    ahead = copy / "models" / f"{len(known)}_29991231000000_not_applied.py"
    ahead.write_text("", encoding="utf-8")
    return ahead
