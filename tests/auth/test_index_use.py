"""The admin list of users on PostgreSQL reads an index in sort order, for every sort and filter."""

import pytest

from alloy_api.auth.admin_service import USER_SORTS, list_users
from alloy_api.auth.roles import Role
from alloy_api.auth.schemas import UserListQuery
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListRead, assert_pages_read_by_index, run_sql, sort_tokens

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
