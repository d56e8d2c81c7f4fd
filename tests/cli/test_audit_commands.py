"""`alloy audit list`: the newest events, filtered by action, actor and time, as text or JSON."""

from datetime import UTC, datetime, timedelta

import pytest
import typer

from alloy_api.audit.models import AuditEvent
from alloy_cli.audit import parse_since
from tests.cli.support import OPERATOR, create_account, invoke, json_output, query

EVENT_FIELDS = {
    "id",
    "action",
    "outcome",
    "actor_id",
    "actor",
    "target_type",
    "target_id",
    "ip",
    "user_agent",
    "request_id",
    "details",
    "created_at",
}


def backdate(settings, action: str, days: int) -> None:
    async def work() -> None:
        moment = datetime.now(UTC) - timedelta(days=days)
        await AuditEvent.filter(action=action).update(created_at=moment)

    query(settings, work)


def test_lists_newest_first_with_every_filter(settings) -> None:
    create_account(settings, "coach@example.com")
    invoke(settings, "users", "grant-role", "coach@example.com", "admin")
    invoke(settings, "users", "deactivate", "coach@example.com")
    backdate(settings, "user_created", days=3)

    every = json_output(invoke(settings, "audit", "list", "--json"))["events"]
    assert [event["action"] for event in every] == [
        "user_deactivated",
        "role_granted",
        "user_created",
    ]
    assert all(set(event) == EVENT_FIELDS for event in every)
    assert every[1]["details"] == {"from": "user", "to": "admin", "revoked_tokens": 0}
    assert {event["actor"] for event in every} == {OPERATOR}

    def actions(*filters: str) -> list[str]:
        listed = json_output(invoke(settings, "audit", "list", "--json", *filters))
        return [event["action"] for event in listed["events"]]

    assert actions("--action", "role_granted") == ["role_granted"]
    assert actions("--since", "1d") == ["user_deactivated", "role_granted"]
    assert actions("--limit", "1") == ["user_deactivated"]
    assert actions("--actor", OPERATOR, "--since", "4d") == [event["action"] for event in every]
    assert actions("--actor", "cli:somebody-else") == []
    assert actions("--actor", "coach@example.com") == []

    table = invoke(settings, "audit", "list", "--action", "role_granted")
    assert table.exit_code == 0
    row = next(line for line in table.stdout.splitlines() if "role_granted" in line)
    assert OPERATOR in row and '{"from":"user","revoked_tokens":0,"to":"admin"}' in row


def test_an_accounts_own_events_by_its_email(settings) -> None:
    create_account(settings, "lifter@example.com")

    async def own_login() -> None:
        from alloy_api.audit.service import AuditAction, record_own_account_event
        from alloy_api.auth.models import User

        user = await User.get(email="lifter@example.com")
        await record_own_account_event(AuditAction.LOGIN_SUCCEEDED, user.id)

    query(settings, own_login)
    listed = json_output(
        invoke(settings, "audit", "list", "--actor", "lifter@example.com", "--json")
    )
    assert [event["action"] for event in listed["events"]] == ["login_succeeded"]
    unknown = invoke(settings, "audit", "list", "--actor", "ghost@example.com")
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith("error: No user has the email")


def test_since_takes_ages_and_iso_dates() -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert parse_since("30m", now) == now - timedelta(minutes=30)
    assert parse_since("24h", now) == now - timedelta(hours=24)
    assert parse_since("7d", now) == now - timedelta(days=7)
    assert parse_since("2026-11-30", now) == datetime(2026, 11, 30, tzinfo=UTC)
    assert parse_since("2026-11-30T08:00:00+01:00", now) == datetime(2026, 11, 30, 7, tzinfo=UTC)
    with pytest.raises(typer.BadParameter):
        parse_since("last tuesday", now)


def test_a_bad_since_is_a_usage_error(settings) -> None:
    result = invoke(settings, "audit", "list", "--since", "yesterday")
    assert result.exit_code == 2
