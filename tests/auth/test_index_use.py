"""On PostgreSQL, the admin list of users reads an index in sort order, for every sort and filter;
a user's sessions are read by their index."""

from datetime import timedelta

import pytest

from alloy_api.auth.admin_service import USER_SORTS, list_users
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from alloy_api.auth.schemas import UserListQuery
from alloy_api.kit.time import utc_now
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListRead, assert_pages_read_by_index, explain, run_sql, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")

USER_ROWS = 10_000
ADMIN_EVERY = 125
SUPER_ADMIN_EVERY = 500
INACTIVE_EVERY = 20
USERS = f"""
INSERT INTO users (id, email, name, password_hash, role, is_active, token_version, created_at,
    updated_at)
SELECT gen_random_uuid(), 'athlete-' || md5(n::text) || '@example.com', 'Athlete ' || n, '-',
    CASE WHEN n % {ADMIN_EVERY} = 0 THEN 'admin'
        WHEN n % {SUPER_ADMIN_EVERY} = 1 THEN 'super_admin' ELSE 'user' END,
    n % {INACTIVE_EVERY} <> 7, 1, timestamptz '2026-01-01' - n * interval '2 hours', now()
FROM generate_series(1, {USER_ROWS}) AS n
"""  # noqa: S608 - built from this module's constants
USER_FILTERS = [
    {},
    {"role": Role.USER},
    {"role": Role.ADMIN},
    {"is_active": True},
    {"is_active": False},
    {"role": Role.ADMIN, "is_active": True},
    {"role": Role.USER, "is_active": False},
]


@pytest.fixture
async def many_users(running_app) -> None:
    """Ten thousand accounts: one in 125 an admin, one in 20 deactivated."""
    await run_sql(USERS)
    await run_sql("ANALYZE users")


@pytest.mark.parametrize("sort_token", sort_tokens(USER_SORTS))
async def test_user_pages_read_an_index_in_order(running_app, many_users, sort_token) -> None:
    for filters in USER_FILTERS:
        await assert_pages_read_by_index(
            running_app,
            list_users,
            UserListQuery(sort=sort_token, **filters),
            ListRead("users", USER_SORTS[sort_token.removeprefix("-")], set(filters)),
        )


TOKEN_ROWS = 20_000
TOKENS_PER_USER = 20
REFRESH_TOKENS = f"""
INSERT INTO refresh_tokens (id, user_id, token_hash, family_id, family_started_at, expires_at,
    revoked_at, created_at)
SELECT gen_random_uuid(), users.id, md5(n::text || users.id::text), gen_random_uuid(), now(),
    now() + interval '30 days', CASE WHEN n % 3 = 0 THEN now() - n * interval '1 minute' END, now()
FROM (SELECT id FROM users ORDER BY id LIMIT {TOKEN_ROWS // TOKENS_PER_USER}) AS users,
    generate_series(1, {TOKENS_PER_USER}) AS n
"""  # noqa: S608 - built from this module's constants
ENDED_SESSIONS = (
    "SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND revoked_at >= $2"
)
LIVE_SESSIONS = (
    "SELECT * FROM refresh_tokens WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL"
)
USER_INDEX = "idx_refresh_tok_user_id_e386fa"


async def test_a_users_sessions_are_read_by_their_index(running_app, many_users) -> None:
    """The auth state's ended sessions (read on every cache fill) and the session list read the
    (user_id, revoked_at) index, not the whole table."""
    await run_sql(REFRESH_TOKENS)
    await run_sql("ANALYZE refresh_tokens")
    user = await User.filter(refresh_tokens__id__isnull=False).first()
    since = utc_now() - timedelta(minutes=16)
    for sql, values in ((ENDED_SESSIONS, [user.id, since]), (LIVE_SESSIONS, [user.id])):
        plan = await explain(sql, values)
        assert USER_INDEX in plan, plan
        assert "Seq Scan on refresh_tokens" not in plan, plan
