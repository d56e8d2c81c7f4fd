"""`alloy users ...` and `alloy 2fa ...` against the test database, each change audit-logged."""

import re

from alloy_api.auth.models import User
from alloy_api.auth.service import ClientInfo, start_session
from alloy_api.auth.totp import code_at_step, current_step
from tests.auth.factories import STRONG_PASSWORD
from tests.cli.support import (
    OPERATOR,
    audit_actions,
    create_account,
    invoke,
    json_output,
    query,
)

EMAIL = "coach@example.com"
LONG_EMAIL = "head.strength.and.conditioning.coach.of.the.regional.team@example.com"
SECRET_IN_URI = re.compile(r"secret=([A-Z2-7]+)")
USER_FIELDS = {
    "id",
    "email",
    "name",
    "role",
    "two_factor_enabled",
    "is_active",
    "created_at",
    "updated_at",
}


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
    assert audit_actions(settings) == [
        ("user_created", OPERATOR),
        ("role_granted", OPERATOR),
        ("role_revoked", OPERATOR),
    ]


def test_a_piped_table_keeps_every_value_on_one_line(settings) -> None:
    create_account(settings, LONG_EMAIL, "--name", "Regional Head Coach of Strength")
    listed = invoke(settings, "users", "list")
    assert listed.exit_code == 0, listed.output
    rows = [line for line in listed.stdout.splitlines() if LONG_EMAIL in line]
    assert len(rows) == 1
    assert "Regional Head Coach of Strength" in rows[0]
    assert "1 account(s)" in listed.stdout


def test_list_and_show_as_json_carry_the_admin_api_fields(settings) -> None:
    create_account(settings, EMAIL, "--role", "admin", "--name", "Coach")
    create_account(settings, "lifter@example.com")
    every = json_output(invoke(settings, "users", "list", "--json"))
    assert [user["email"] for user in every["users"]] == [EMAIL, "lifter@example.com"]
    assert all(set(user) == USER_FIELDS for user in every["users"])
    admins = json_output(invoke(settings, "users", "list", "--role", "admin", "--json"))
    assert [user["email"] for user in admins["users"]] == [EMAIL]
    shown = json_output(invoke(settings, "users", "show", EMAIL, "--json"))
    assert shown == every["users"][0]
    assert shown["role"] == "admin" and shown["name"] == "Coach"
    assert shown["two_factor_enabled"] is False and shown["is_active"] is True
    text = invoke(settings, "users", "show", EMAIL)
    assert "role: admin" in text.stdout.splitlines()
    assert "is_active: yes" in text.stdout.splitlines()


def test_deactivate_and_activate_are_audited_and_filterable(settings) -> None:
    create_account(settings, EMAIL)
    deactivated = invoke(settings, "users", "deactivate", EMAIL)
    assert deactivated.exit_code == 0, deactivated.output
    assert f"{EMAIL} is deactivated" in deactivated.stdout
    assert not query(settings, lambda: User.get(email=EMAIL)).is_active
    inactive = json_output(invoke(settings, "users", "list", "--inactive", "--json"))
    assert [user["email"] for user in inactive["users"]] == [EMAIL]
    assert json_output(invoke(settings, "users", "list", "--active", "--json"))["users"] == []
    assert invoke(settings, "users", "activate", EMAIL).exit_code == 0
    assert query(settings, lambda: User.get(email=EMAIL)).is_active
    assert [action for action, _ in audit_actions(settings)] == [
        "user_created",
        "user_deactivated",
        "user_activated",
    ]


def test_a_change_already_in_place_is_nothing_to_do_and_not_audited(settings) -> None:
    create_account(settings, EMAIL, "--role", "admin")
    for command in (
        ("users", "grant-role", EMAIL, "admin"),
        ("users", "activate", EMAIL),
        ("2fa", "reset", EMAIL, "--yes"),
    ):
        result = invoke(settings, *command)
        assert result.exit_code == 1, command
        assert result.stderr.startswith("nothing to do: "), result.output
        assert "removed" not in result.output and "is now" not in result.output
    invoke(settings, "users", "revoke-role", EMAIL)
    again = invoke(settings, "users", "revoke-role", EMAIL)
    assert again.exit_code == 1
    assert f"nothing to do: {EMAIL} already has the role user" in again.stderr
    assert [action for action, _ in audit_actions(settings)] == ["user_created", "role_revoked"]


def test_failures_exit_non_zero_with_one_line(settings) -> None:
    weak = invoke(settings, "users", "create", "--email", EMAIL, "--password-stdin", stdin="abc\n")
    assert weak.exit_code == 1
    assert weak.output.strip().startswith("error:")
    unknown = invoke(settings, "users", "grant-role", "ghost@example.com", "admin")
    assert unknown.exit_code == 1
    assert len(unknown.output.strip().splitlines()) == 1
    for command in (("users", "show", "ghost@example.com"), ("users", "deactivate", "ghost@x.io")):
        missing = invoke(settings, *command)
        assert missing.exit_code == 1
        assert missing.stderr.startswith("error: No user has the email")
    usage = invoke(settings, "users", "grant-role", EMAIL, "emperor")
    assert usage.exit_code == 2


def test_2fa_enrol_status_and_reset(settings) -> None:
    create_account(settings, EMAIL)
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
    assert json_output(invoke(settings, "2fa", "status", EMAIL, "--json")) == {
        "email": EMAIL,
        "enabled": True,
        "enrolment_pending": False,
        "recovery_codes_remaining": 10,
    }
    refused = invoke(settings, "2fa", "reset", EMAIL, stdin="n\n")
    assert refused.exit_code != 0
    assert "enabled" in invoke(settings, "2fa", "status", EMAIL).output
    reset = invoke(settings, "2fa", "reset", EMAIL, "--yes")
    assert reset.exit_code == 0
    assert f"2FA removed from {EMAIL}" in reset.stdout
    assert "not enabled" in invoke(settings, "2fa", "status", EMAIL).output
    actions = [action for action, actor in audit_actions(settings) if actor == OPERATOR]
    assert actions == [
        "user_created",
        "two_factor_enrolment_started",
        "two_factor_enabled",
        "two_factor_reset",
    ]


def test_users_sessions_lists_and_end_sessions_ends_them(settings) -> None:
    create_account(settings, EMAIL)

    async def sign_in_twice() -> None:
        user = await User.get(email=EMAIL)
        for agent in ("phone", "laptop"):
            await start_session(settings, user, ClientInfo(ip="198.18.0.7", user_agent=agent))

    query(settings, sign_in_twice)
    listed = json_output(invoke(settings, "users", "sessions", EMAIL, "--json"))["sessions"]
    assert [session["user_agent"] for session in listed] == ["laptop", "phone"]
    assert {session["ip"] for session in listed} == {"198.18.0.7"}
    assert "2 session(s)" in invoke(settings, "users", "sessions", EMAIL).output
    ended = invoke(settings, "users", "end-sessions", EMAIL)
    assert ended.exit_code == 0, ended.output
    assert json_output(invoke(settings, "users", "sessions", EMAIL, "--json")) == {"sessions": []}
    assert audit_actions(settings)[-1] == ("sessions_ended", OPERATOR)
