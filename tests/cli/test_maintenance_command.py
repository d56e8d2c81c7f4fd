"""`alloy maintenance run|list`: the registered tasks against the test database, one line each."""

import getpass
import re
from datetime import timedelta

from alloy_api.audit.models import AuditEvent
from alloy_api.auth import repository
from alloy_api.auth.models import RefreshToken
from alloy_api.auth.roles import Role
from alloy_api.kit.ids import new_id
from alloy_api.kit.time import utc_now
from alloy_cli import maintenance
from tests.cli.test_users_and_2fa_commands import invoke, query

GRACE_DAYS = 7
TASK_LINE = re.compile(r"^prune_refresh_tokens ok \d+\.\d{3}s deleted (\d+) refresh token\(s\)")


async def add_tokens_expiring(days_from_now: list[float]) -> None:
    user = await repository.create_user(
        email="sleeper@example.com", name="Sleeper", password_hash="x", role=Role.USER
    )
    now = utc_now()
    for number, days in enumerate(days_from_now):
        await repository.create_refresh_token(
            user=user,
            token_hash=f"{number:064d}",
            family_id=new_id(),
            family_started_at=now - timedelta(days=60),
            parent_id=None,
            expires_at=now + timedelta(days=days),
            user_agent=None,
            ip=None,
        )


async def remaining_expiries() -> list[int]:
    now = utc_now()
    tokens = await RefreshToken.all()
    return sorted(round((token.expires_at - now) / timedelta(days=1)) for token in tokens)


def test_run_prunes_refresh_tokens_past_the_grace_period_and_audits_it(settings, monkeypatch):
    query(settings, lambda: add_tokens_expiring([-30, -8, -6, -1, 10]))
    monkeypatch.setenv("ALLOY_REFRESH_TOKEN_PRUNE_GRACE_SECONDS", str(GRACE_DAYS * 86400))
    result = invoke(settings, "maintenance", "run")
    assert result.exit_code == 0, result.output
    [line] = result.output.splitlines()
    assert TASK_LINE.match(line).group(1) == "2"
    assert query(settings, remaining_expiries) == [-6, -1, 10]

    again = invoke(settings, "maintenance", "run", "--task", "prune_refresh_tokens")
    assert TASK_LINE.match(again.output).group(1) == "0"
    events = query(
        settings, lambda: AuditEvent.filter(action="refresh_tokens_pruned").order_by("created_at")
    )
    assert [(event.actor, event.details["deleted"]) for event in events] == [
        (f"cli:{getpass.getuser()}", 2),
        (f"cli:{getpass.getuser()}", 0),
    ]


def test_a_failing_task_fails_the_run_after_the_others_ran(settings, monkeypatch) -> None:
    async def broken(_settings, _actor) -> str:
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(maintenance.TASKS, "broken", broken)
    result = invoke(settings, "maintenance", "run")
    assert result.exit_code == 1
    first, second = result.output.splitlines()
    assert TASK_LINE.match(first)
    assert re.fullmatch(r"broken failed \d+\.\d{3}s RuntimeError: the disk is full", second)


def test_unknown_tasks_are_refused_in_one_line(settings) -> None:
    result = invoke(settings, "maintenance", "run", "--task", "vacuum_everything")
    assert result.exit_code == 1
    assert "unknown task(s): vacuum_everything" in result.output


def test_list_names_every_registered_task(settings) -> None:
    result = invoke(settings, "maintenance", "list")
    assert result.output.split() == list(maintenance.TASKS)
