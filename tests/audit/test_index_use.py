"""The audit log on PostgreSQL reads an index in time order, for every filter."""

from datetime import UTC, datetime, timedelta

import pytest

from alloy_api.audit.schemas import AuditEventQuery
from alloy_api.audit.service import AUDIT_SORTS, AuditAction, list_events
from alloy_api.kit.ids import new_id
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListRead, assert_pages_read_by_index, run_sql, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")

EVENT_ROWS = 30_000
ACTORS = 2_000
BUSY_ACTOR_EVERY = 50
NEWEST_EVENT = datetime(2026, 1, 1, tzinfo=UTC)
ACTION_SHARES = [
    (AuditAction.LOGIN_SUCCEEDED, 55),
    (AuditAction.LOGOUT, 15),
    (AuditAction.LOGIN_FAILED, 12),
    (AuditAction.PROFILE_UPDATED, 6),
    (AuditAction.PASSWORD_CHANGED, 4),
    (AuditAction.TWO_FACTOR_FAILED, 3),
    (AuditAction.ACCESS_DENIED, 2),
    (AuditAction.ROLE_GRANTED, 1),
    (AuditAction.MOVEMENT_CREATED, 1),
    (AuditAction.SCORING_CONFIG_PUBLISHED, 1),
]


def action_by_percentile() -> str:
    """A CASE over `percentile` (0-99) that hands out the actions in their shares."""
    branches, upper = [], 0
    for action, share in ACTION_SHARES:
        upper += share
        branches.append(f"WHEN percentile < {upper} THEN '{action.value}'")
    return f"CASE {' '.join(branches)} END"


EVENTS = f"""
INSERT INTO audit_events (id, action, outcome, actor_id, actor, target_type, details, created_at)
SELECT gen_random_uuid(), {action_by_percentile()}, 'success', actor.id,
    coalesce('user:' || actor.id, 'anonymous'), 'user', '{{}}',
    $2::timestamptz - n * interval '17 minutes'
FROM generate_series(1, {EVENT_ROWS}) AS n
CROSS JOIN LATERAL (SELECT abs(hashtext(n::text)) % 100 AS percentile) AS draw
CROSS JOIN LATERAL (SELECT CASE WHEN n % {BUSY_ACTOR_EVERY} = 0 THEN $1::uuid
    WHEN n % 10 = 3 THEN NULL ELSE md5($1::text || n % {ACTORS})::uuid END AS id) AS actor
"""  # noqa: S608 - built from this module's constants


@pytest.fixture
async def busy_actor(running_app):
    """A year of thirty thousand events by two thousand actors; one of them caused 600."""
    actor_id = new_id()
    await run_sql(EVENTS, actor_id, NEWEST_EVENT)
    await run_sql("ANALYZE audit_events")
    return actor_id


@pytest.mark.parametrize("sort_token", sort_tokens(AUDIT_SORTS))
async def test_audit_pages_read_an_index_in_order(running_app, busy_actor, sort_token) -> None:
    last_month = NEWEST_EVENT - timedelta(days=30)
    for filters in (
        {},
        {"action": AuditAction.LOGIN_SUCCEEDED.value},
        {"action": AuditAction.ROLE_GRANTED.value},
        {"actor_id": busy_actor},
        {"since": last_month},
        {"action": AuditAction.LOGIN_FAILED.value, "since": last_month},
        {"actor_id": busy_actor, "since": last_month},
        {"actor_id": busy_actor, "action": AuditAction.LOGIN_SUCCEEDED.value},
    ):
        await assert_pages_read_by_index(
            running_app,
            list_events,
            AuditEventQuery(sort=sort_token, **filters),
            ListRead(
                "audit_events",
                AUDIT_SORTS[sort_token.removeprefix("-")],
                filters.keys() & {"action", "actor_id"},
            ),
        )
