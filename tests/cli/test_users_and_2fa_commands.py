"""`alloy users ...` and `alloy 2fa ...` against the test database, each change audit-logged."""

import asyncio
import getpass
import re
from typing import Any

from typer.testing import CliRunner

from alloy_api.audit.models import AuditEvent
from alloy_api.auth.models import User
from alloy_api.auth.totp import code_at_step, current_step
from alloy_api.db.lifecycle import close_database, open_database
from alloy_cli.main import app
from tests.auth.factories import STRONG_PASSWORD

EMAIL = "coach@example.com"
SECRET_IN_URI = re.compile(r"secret=([A-Z2-7]+)")


def invoke(settings, *arguments: str, stdin: str | None = None) -> Any:
    environment = {
        "ALLOY_DATA_DIR": str(settings.data_dir),
        "ALLOY_DATABASE_URL": settings.resolved_database_url,
        "ALLOY_PASSWORD_HASH_TIME_COST": str(settings.password_hash_time_cost),
        "ALLOY_PASSWORD_HASH_MEMORY_KIB": str(settings.password_hash_memory_kib),
        "COLUMNS": "200",
    }
    return CliRunner().invoke(app, list(arguments), input=stdin, env=environment)


def query(settings, work) -> Any:
    async def session() -> Any:
        await open_database(settings)
        try:
            return await work()
        finally:
            await close_database()

    return asyncio.run(session())


def audit_actions(settings) -> list[tuple[str, str]]:
    async def work() -> list[tuple[str, str]]:
        events = await AuditEvent.all().order_by("created_at", "id")
        return [(event.action, event.actor) for event in events]

    return query(settings, work)


def test_users_commands_create_list_grant_and_revoke(settings) -> None:
    created = invoke(
        settings,
        "users",
        "create",
        "--email",
        EMAIL,
        "--role",
        "admin",
        "--password-stdin",
        stdin=STRONG_PASSWORD + "\n",
    )
    assert created.exit_code == 0, created.output
    assert STRONG_PASSWORD not in created.output
    listed = invoke(settings, "users", "list")
    assert EMAIL in listed.output
    assert invoke(settings, "users", "grant-role", EMAIL, "super_admin").exit_code == 0
    assert invoke(settings, "users", "revoke-role", EMAIL).exit_code == 0
    role = query(settings, lambda: User.get(email=EMAIL)).role
    assert role.value == "user"
    actor = f"cli:{getpass.getuser()}"
    assert audit_actions(settings) == [
        ("user_created", actor),
        ("role_granted", actor),
        ("role_revoked", actor),
    ]


def test_failures_exit_non_zero_with_one_line(settings) -> None:
    weak = invoke(settings, "users", "create", "--email", EMAIL, "--password-stdin", stdin="abc\n")
    assert weak.exit_code == 1
    assert weak.output.strip().startswith("error:")
    unknown = invoke(settings, "users", "grant-role", "ghost@example.com", "admin")
    assert unknown.exit_code == 1
    assert len(unknown.output.strip().splitlines()) == 1


def test_2fa_enrol_status_and_reset(settings) -> None:
    invoke(settings, "users", "create", "--email", EMAIL, "--password-stdin", stdin=STRONG_PASSWORD)
    started = invoke(settings, "2fa", "enrol", EMAIL)
    assert started.exit_code == 0, started.output
    assert "otpauth://totp/" in started.output
    assert "█" in started.output
    assert "pending" in invoke(settings, "2fa", "status", EMAIL).output
    secret = SECRET_IN_URI.search(started.output).group(1)
    finished = invoke(
        settings, "2fa", "enrol", EMAIL, "--code", code_at_step(secret, current_step())
    )
    assert finished.exit_code == 0, finished.output
    assert "10 recovery code(s) left" in invoke(settings, "2fa", "status", EMAIL).output
    refused = invoke(settings, "2fa", "reset", EMAIL, stdin="n\n")
    assert refused.exit_code != 0
    assert "enabled" in invoke(settings, "2fa", "status", EMAIL).output
    assert invoke(settings, "2fa", "reset", EMAIL, "--yes").exit_code == 0
    assert "not enabled" in invoke(settings, "2fa", "status", EMAIL).output
    actions = [action for action, actor in audit_actions(settings) if actor.startswith("cli:")]
    assert actions == [
        "user_created",
        "two_factor_enrolment_started",
        "two_factor_enabled",
        "two_factor_reset",
    ]
