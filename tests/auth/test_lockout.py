"""No lockout abuse: failures from some addresses never refuse the owner's correct login from an
address that has not been failing; the account itself only slows down, up to a hard cap of
consecutive failures that refuses failing addresses and is reset by a success."""

import pytest

from alloy_api.auth import throttle as throttle_module
from tests.auth.helpers import body_of, error_codes, login

WRONG = "not the password at all"
PAIR_BUDGET = 3
CAP = 6


@pytest.fixture
def settings(settings_factory):
    return settings_factory(
        trusted_proxy_count=1,
        login_max_failures_per_account_address=PAIR_BUDGET,
        login_max_failures_per_ip=1000,
        login_max_consecutive_failures=CAP,
        rate_limit_auth="1000/hour",
        login_slowdown_seconds=0,
    )


def from_address(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


async def login_from(client, address: str, email: str, password: str, **extra):
    return await client.post(
        "/v1/auth/login",
        json={"email": email, "password": password, **extra},
        headers=from_address(address),
    )


async def test_an_attacking_address_is_refused_but_the_owner_elsewhere_is_not(
    client, user_account
) -> None:
    for _ in range(PAIR_BUDGET):
        failed = await login_from(client, "198.18.0.10", user_account.email, WRONG)
        assert failed.status_code == 401
    refused = await login_from(client, "198.18.0.10", user_account.email, user_account.password)
    assert refused.status_code == 429
    owner = await login_from(client, "198.18.0.20", user_account.email, user_account.password)
    assert owner.status_code == 200


async def test_the_cap_refuses_failing_addresses_only_and_a_success_resets_it(
    client, account_factory
) -> None:
    account = await account_factory(two_factor=True)
    attackers = [f"198.18.1.{n}" for n in range(CAP // 2)]
    for address in attackers:
        for _ in range(2):
            failed = await login_from(client, address, account.email, WRONG)
            assert failed.status_code == 401
    capped = await login_from(client, attackers[0], account.email, account.password)
    assert capped.status_code == 429
    assert error_codes(await body_of(capped)) == ["RATE_LIMIT_EXCEEDED"]
    owner = await login_from(
        client, "198.18.2.1", account.email, account.password, otp_code=account.next_totp_code()
    )
    assert owner.status_code == 200
    again = await login_from(client, attackers[0], account.email, WRONG)
    assert again.status_code == 401


async def test_the_accounts_failures_slow_every_address_down(
    client, user_account, monkeypatch
) -> None:
    delays: list[float] = []

    async def record_delay(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(throttle_module.asyncio, "sleep", record_delay)
    monkeypatch.setattr(client.app.extensions["alloy"].settings, "login_slowdown_seconds", 0.5)
    for n in range(5):
        await login_from(client, f"198.18.3.{n}", user_account.email, WRONG)
    assert delays == [0.5, 1.0]
    assert (await login(client, user_account.email, user_account.password)).status_code == 200
