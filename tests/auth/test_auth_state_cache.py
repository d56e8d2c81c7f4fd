"""Authenticated requests read the user's token state from the cache, and every change to it
(role, password, activity, 2FA) is seen by the very next request, in every process."""

import httpx
import pytest
from prometheus_client import REGISTRY
from redis import asyncio as aioredis
from tortoise.expressions import F

from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from tests.auth.factories import STRONG_PASSWORD
from tests.auth.helpers import error_codes, signed_in_headers
from tests.conftest import TEST_DATABASE_URL, TEST_REDIS_URL

READ_PATH = "/v1/movements?limit=1"
ADMIN_USERS = "/v1/admin/users"
NEW_PASSWORD = "granite walrus tempo 93 lantern fig"


def auth_hits() -> float:
    return REGISTRY.get_sample_value("alloy_cache_hits_total", {"cache": "auth"}) or 0.0


async def test_requests_read_the_token_state_from_the_cache(
    client, user_account, super_admin_account
) -> None:
    assert (await client.get(READ_PATH, headers=user_account.headers)).status_code == 200
    hits_before = auth_hits()
    await User.filter(id=user_account.id).update(token_version=F("token_version") + 1)
    assert (await client.get(READ_PATH, headers=user_account.headers)).status_code == 200
    assert auth_hits() == hits_before + 1
    granted = await client.patch(
        f"{ADMIN_USERS}/{user_account.id}",
        json={"role": "admin"},
        headers=super_admin_account.headers,
    )
    assert granted.status_code == 200
    stale = await client.get(READ_PATH, headers=user_account.headers)
    assert stale.status_code == 401
    assert error_codes(await stale.get_json()) == ["AUTH_INVALID_TOKEN"]


@pytest.mark.parametrize(
    "change",
    ["role_downgrade", "deactivation", "password_change"],
)
async def test_a_change_refuses_older_tokens_on_the_next_cached_read(
    client, account_factory, super_admin_account, change
) -> None:
    target = await account_factory(role=Role.ADMIN)
    stale_headers = await signed_in_headers(client, target)
    assert (await client.get(READ_PATH, headers=stale_headers)).status_code == 200
    assert (await client.get(READ_PATH, headers=stale_headers)).status_code == 200
    if change == "password_change":
        body = {
            "password": NEW_PASSWORD,
            "current_password": STRONG_PASSWORD,
            "otp_code": target.next_totp_code(),
        }
        response = await client.patch("/v1/users/me", json=body, headers=target.headers)
    else:
        body = {"role": "user"} if change == "role_downgrade" else {"is_active": False}
        response = await client.patch(
            f"{ADMIN_USERS}/{target.id}", json=body, headers=super_admin_account.headers
        )
    assert response.status_code == 200
    stale = await client.get(READ_PATH, headers=stale_headers)
    assert stale.status_code == 401
    assert error_codes(await stale.get_json()) == ["AUTH_INVALID_TOKEN"]


async def test_disabling_2fa_closes_admin_routes_on_the_next_request(client, admin_account) -> None:
    assert (await client.get(ADMIN_USERS, headers=admin_account.headers)).status_code == 200
    disabled = await client.delete(
        "/v1/auth/2fa",
        json={"code": admin_account.next_totp_code(), "current_password": admin_account.password},
        headers=admin_account.headers,
    )
    assert disabled.status_code == 204
    refused = await client.get(ADMIN_USERS, headers=admin_account.headers)
    assert refused.status_code == 403
    assert error_codes(await refused.get_json()) == ["AUTH_2FA_ENROLLMENT_REQUIRED"]


@pytest.mark.skipif(
    not (TEST_REDIS_URL and TEST_DATABASE_URL),
    reason="processes share token state only through Redis (and a database server)",
)
async def test_a_role_downgrade_in_one_process_is_seen_by_another(
    client, account_factory, super_admin_account, other_process
) -> None:
    admin = await account_factory(role=Role.ADMIN)
    async with httpx.AsyncClient(base_url=other_process, timeout=5) as reader:
        for _ in range(2):
            assert (await reader.get(ADMIN_USERS, headers=admin.headers)).status_code == 200
        downgraded = await client.patch(
            f"{ADMIN_USERS}/{admin.id}", json={"role": "user"}, headers=super_admin_account.headers
        )
        assert downgraded.status_code == 200
        stale = await reader.get(READ_PATH, headers=admin.headers)
        assert stale.status_code == 401


async def _commands_on(database: int, monitor, sentinel: str) -> list[tuple[str, ...]]:
    """The commands clients sent to `database` until the sentinel ECHO arrived (a script's own
    commands, which MONITOR also shows, are left out)."""
    commands: list[tuple[str, ...]] = []
    while True:
        entry = await monitor.next_command()
        if entry["db"] != database or entry.get("client_type") == "lua":
            continue
        words = tuple(entry["command"].split())
        if words[:2] == ("ECHO", sentinel):
            return commands
        commands.append(words)


@pytest.mark.skipif(not TEST_REDIS_URL, reason="the round trips counted are Redis's")
async def test_the_token_state_comes_with_the_rate_limit_round_trip(client, user_account) -> None:
    """One Redis script decides the rate limit and returns the caller's token state."""
    auth_key_suffix = f":user:{user_account.id}"
    assert (await client.get(READ_PATH, headers=user_account.headers)).status_code == 200
    redis_client = aioredis.Redis.from_url(TEST_REDIS_URL)
    database = redis_client.connection_pool.connection_kwargs.get("db", 0)
    try:
        async with redis_client.monitor() as monitor:
            assert (await client.get(READ_PATH, headers=user_account.headers)).status_code == 200
            await redis_client.echo("end-of-request")
            commands = await _commands_on(database, monitor, "end-of-request")
    finally:
        await redis_client.aclose()
    reading_the_state = [
        words for words in commands if any(word.endswith(auth_key_suffix) for word in words)
    ]
    assert len(reading_the_state) == 1
    assert reading_the_state[0][0] == "EVALSHA"
