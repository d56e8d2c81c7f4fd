"""Each signed-in user gets their own rate-limit budget, even from one address."""

import pytest
from quart import Quart

from alloy_api.app import create_app


@pytest.fixture
def app(settings_factory) -> Quart:
    return create_app(settings_factory(rate_limit_read="2/minute"))


async def test_users_behind_one_address_have_separate_budgets(
    client, user_account, other_user_account
) -> None:
    first_user = [
        (await client.get("/v1/users/me", headers=user_account.headers)).status_code
        for _ in range(3)
    ]
    other_user = (await client.get("/v1/users/me", headers=other_user_account.headers)).status_code
    assert first_user == [200, 200, 429]
    assert other_user == 200


async def test_a_forged_token_spends_the_address_budget(client, user_account) -> None:
    header, payload, _ = user_account.headers["Authorization"].removeprefix("Bearer ").split(".")
    forged = {"Authorization": f"Bearer {header}.{payload}.forged-signature"}
    statuses = [(await client.get("/v1/users/me", headers=forged)).status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert (await client.get("/v1/users/me", headers=user_account.headers)).status_code == 200
