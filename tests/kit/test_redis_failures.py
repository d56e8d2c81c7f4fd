"""Redis killed, frozen and restarted under a served app: the breaker opens, every dependency
falls back as docs/OPERATIONS.md says, no invalidation is lost and nothing answers 500."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from prometheus_client import REGISTRY
from quart import Quart

from alloy_api.app import create_app
from alloy_api.auth.roles import Role
from alloy_api.db.outbox import CacheInvalidation
from alloy_api.movements.models import Movement
from tests.auth.factories import STRONG_PASSWORD, make_account
from tests.auth.helpers import signed_in_headers
from tests.faults import PrivateRedis
from tests.library_support import get_data, seed_everything

BREAKER_DEADLINE_SECONDS = 10.0
POLL_SECONDS = 0.05
NEW_PASSWORD = "amber tundra kettle 93 falcon ridge"


@pytest.fixture
async def served(settings_factory, private_redis: PrivateRedis) -> AsyncIterator[Any]:
    settings = settings_factory(
        redis_url=private_redis.url,
        redis_timeout_seconds=0.3,
        redis_breaker_probe_seconds=0.1,
        rate_limit_auth="5/hour",
    )
    app = create_app(settings)
    async with app.test_app() as running:
        yield running


def link_of(app: Quart) -> Any:
    return app.extensions["alloy"].redis


async def until(condition: Any, what: str) -> None:
    for _ in range(int(BREAKER_DEADLINE_SECONDS / POLL_SECONDS)):
        if condition():
            return
        await asyncio.sleep(POLL_SECONDS)
    raise AssertionError(f"{what} did not happen within {BREAKER_DEADLINE_SECONDS} s")


def circuit_gauge() -> float | None:
    return REGISTRY.get_sample_value("alloy_redis_circuit_open")


async def test_a_killed_redis_opens_the_breaker_and_reads_answer_from_the_database(
    served, private_redis
) -> None:
    client = served.test_client()
    await seed_everything()
    account = await make_account(served.app.extensions["alloy"].settings)
    movement = await Movement.filter(owner_id=None).order_by("name").first()
    path = f"/v1/movements/{movement.id}"
    assert (await get_data(client, path, account.headers))["name"] == movement.name
    private_redis.kill()
    for _ in range(5):
        assert (await get_data(client, path, account.headers))["name"] == movement.name
    assert link_of(served.app).is_open
    assert circuit_gauge() == 1
    private_redis.start()
    await until(lambda: not link_of(served.app).is_open, "the breaker closing")
    assert circuit_gauge() == 0
    assert (await get_data(client, path, account.headers))["name"] == movement.name


async def test_logins_work_and_are_throttled_in_process_while_redis_is_down(
    served, private_redis
) -> None:
    client = served.test_client()
    account = await make_account(served.app.extensions["alloy"].settings)
    private_redis.kill()
    good = await client.post(
        "/v1/auth/login", json={"email": account.email, "password": STRONG_PASSWORD}
    )
    assert good.status_code == 200
    statuses = [
        (
            await client.post(
                "/v1/auth/login", json={"email": account.email, "password": "wrong " * 3}
            )
        ).status_code
        for _ in range(6)
    ]
    assert 500 not in statuses
    assert statuses[-1] == 429
    assert statuses.count(401) >= 3


async def test_a_password_change_during_a_freeze_is_refused_once_redis_answers(
    served, private_redis
) -> None:
    """The change's invalidation cannot reach a frozen Redis; the outbox keeps it, and the
    breaker closes only after applying it, so the old token's cached state is never served."""
    client = served.test_client()
    account = await make_account(served.app.extensions["alloy"].settings)
    other_session = await signed_in_headers(client, account)
    assert (await client.get("/v1/users/me", headers=other_session)).status_code == 200
    private_redis.freeze()
    changed = await client.patch(
        "/v1/users/me",
        json={"current_password": STRONG_PASSWORD, "password": NEW_PASSWORD},
        headers=account.headers,
    )
    assert changed.status_code == 200
    assert link_of(served.app).is_open
    assert await CacheInvalidation.all().count() == 1
    during = await client.get("/v1/users/me", headers=other_session)
    assert during.status_code == 401
    private_redis.thaw()
    await until(lambda: not link_of(served.app).is_open, "the breaker closing")
    assert await CacheInvalidation.all().count() == 0
    after = await client.get("/v1/users/me", headers=other_session)
    assert after.status_code == 401
    assert int(private_redis.client().get("alloy:epoch") or 0) >= 1


@pytest.mark.parametrize("private_redis", [True], indirect=True, ids=["persistent"])
async def test_a_role_change_while_redis_is_down_is_not_undone_by_its_restart(
    served, private_redis
) -> None:
    """A persistent Redis comes back with the auth state it held before the change; the change's
    invalidation, kept in the outbox, is applied before the breaker lets anything read it."""
    client = served.test_client()
    settings = served.app.extensions["alloy"].settings
    admin = await make_account(settings, role=Role.SUPER_ADMIN)
    account = await make_account(settings)
    assert (await client.get("/v1/movements?limit=1", headers=account.headers)).status_code == 200
    private_redis.kill()
    granted = await client.patch(
        f"/v1/admin/users/{account.id}", json={"role": "admin"}, headers=admin.headers
    )
    assert granted.status_code == 200
    assert await CacheInvalidation.all().count() == 1
    private_redis.start()
    assert private_redis.client().keys("alloy:data:auth:*")
    await until(lambda: not link_of(served.app).is_open, "the breaker closing")
    assert await CacheInvalidation.all().count() == 0
    stale = await client.get("/v1/movements?limit=1", headers=account.headers)
    assert stale.status_code == 401


async def test_an_edit_during_an_outage_is_served_once_redis_is_back(served, private_redis) -> None:
    client = served.test_client()
    account = await make_account(served.app.extensions["alloy"].settings)
    created = await client.post(
        "/v1/movements",
        json={"name": "Outage Carry", "pattern": "carry", "primary_muscle": "forearms"},
        headers=account.headers,
    )
    path = f"/v1/movements/{(await created.get_json())['data']['id']}"
    assert (await get_data(client, path, account.headers))["description"] == ""
    private_redis.kill()
    edited = await client.patch(path, json={"description": "edited"}, headers=account.headers)
    assert edited.status_code == 200
    private_redis.start()
    await until(lambda: not link_of(served.app).is_open, "the breaker closing")
    assert (await get_data(client, path, account.headers))["description"] == "edited"


async def test_a_restarted_redis_costs_no_request_its_stale_connections(
    served, private_redis
) -> None:
    client = served.test_client()
    account = await make_account(served.app.extensions["alloy"].settings)
    for _ in range(3):
        assert (await client.get("/v1/users/me", headers=account.headers)).status_code == 200
    private_redis.restart_empty()
    ready = await client.get("/health/ready")
    me = await client.get("/v1/users/me", headers=account.headers)
    assert ready.status_code == 200
    assert me.status_code == 200
    assert not link_of(served.app).is_open
