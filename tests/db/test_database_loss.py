"""A PostgreSQL connection lost at any point answers 503 `SYS_DATABASE_UNAVAILABLE`, never 500."""

import asyncio
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from quart import Quart

from alloy_api.app import create_app
from tests.conftest import TEST_DATABASE_URL
from tests.probes import add_probes

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL is None, reason="connections are lost on PostgreSQL"
)
TERMINATE = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE $1"
)


@pytest.fixture
def app(settings) -> Quart:
    return add_probes(create_app(settings))


async def terminate_connections(state_pattern: str) -> int:
    url = urlunsplit(urlsplit(TEST_DATABASE_URL or "")._replace(scheme="postgresql"))
    connection = await asyncpg.connect(url)
    try:
        return len(await connection.fetch(TERMINATE, state_pattern))
    finally:
        await connection.close()


async def assert_unavailable(response) -> None:
    body = await response.get_json()
    assert response.status_code == 503, body
    assert [error["code"] for error in body["errors"]] == ["SYS_DATABASE_UNAVAILABLE"]
    assert response.headers["Retry-After"] == str(body["errors"][0]["details"]["retry_after"])


async def test_a_connection_lost_inside_a_transaction_is_503(client) -> None:
    request = asyncio.ensure_future(client.get("/v1/probes/slow_transaction"))
    for _ in range(50):
        await asyncio.sleep(0.02)
        if await terminate_connections("idle in transaction%"):
            break
    else:
        raise AssertionError("the probe's transaction never showed up")
    await assert_unavailable(await request)


async def test_pooled_connections_lost_between_requests_are_503_then_recover(
    client, user_account
) -> None:
    assert (await client.get("/v1/users/me", headers=user_account.headers)).status_code == 200
    assert await terminate_connections("idle%") >= 1
    statuses = []
    for _ in range(3):
        response = await client.get("/v1/users/me", headers=user_account.headers)
        if response.status_code == 503:
            await assert_unavailable(response)
        statuses.append(response.status_code)
    assert 500 not in statuses
    assert statuses[-1] == 200
