"""One budget of failed guesses per account: logins, current passwords and 2FA codes share it, and
parallel guesses never get more checks than the budget (whichever store the suite runs on)."""

import asyncio

import pytest

from alloy_api.auth.totp import code_at_step, current_step
from alloy_api.observability.metrics import PASSWORD_VERIFICATIONS
from tests.auth.helpers import audit_events, body_of, error_codes, login

BUDGET = 3
PARALLEL_GUESSES = 12
ME = "/v1/users/me"
TWO_FA = "/v1/auth/2fa"
NEW_PASSWORD = "granite walrus tempo 93 lantern fig"
WRONG_PASSWORD = "not the password at all"


@pytest.fixture
def settings(settings_factory):
    return settings_factory(
        login_max_failures_per_account_address=BUDGET,
        login_max_failures_per_ip=1000,
        rate_limit_auth="1000/hour",
        rate_limit_write="1000/hour",
    )


def wrong_code(secret: str) -> str:
    """A code no step the server accepts now (or in the next seconds) can match."""
    near = {code_at_step(secret, current_step() + offset) for offset in range(-2, 4)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in near)


def disabling(account, code: str) -> dict:
    return {"code": code, "current_password": account.password}


def statuses(responses) -> list[int]:
    return sorted(response.status_code for response in responses)


def change_password(client, account, current_password: str):
    return client.patch(
        ME,
        json={"password": NEW_PASSWORD, "current_password": current_password},
        headers=account.headers,
    )


async def assert_login_throttled(client, account, **extra) -> None:
    response = await login(client, account.email, account.password, **extra)
    assert response.status_code == 429
    assert error_codes(await body_of(response)) == ["RATE_LIMIT_EXCEEDED"]


async def test_parallel_wrong_logins_get_exactly_the_budget_of_checks(client, user_account) -> None:
    before = PASSWORD_VERIFICATIONS._value.get()
    responses = await asyncio.gather(
        *(login(client, user_account.email, WRONG_PASSWORD) for _ in range(PARALLEL_GUESSES))
    )
    assert PASSWORD_VERIFICATIONS._value.get() - before == BUDGET
    assert statuses(responses) == [401] * BUDGET + [429] * (PARALLEL_GUESSES - BUDGET)
    assert len(await audit_events("login_failed")) == BUDGET
    assert len(await audit_events("login_throttled")) == PARALLEL_GUESSES - BUDGET
    await assert_login_throttled(client, user_account)


async def test_parallel_wrong_current_passwords_get_exactly_the_budget_of_checks(
    client, user_account
) -> None:
    before = PASSWORD_VERIFICATIONS._value.get()
    responses = await asyncio.gather(
        *(change_password(client, user_account, WRONG_PASSWORD) for _ in range(PARALLEL_GUESSES))
    )
    assert PASSWORD_VERIFICATIONS._value.get() - before == BUDGET
    assert statuses(responses) == [401] * BUDGET + [429] * (PARALLEL_GUESSES - BUDGET)
    events = await audit_events("password_changed")
    reasons = sorted(event.details["reason"] for event in events)
    expected = ["throttled"] * (PARALLEL_GUESSES - BUDGET) + ["wrong_current_password"] * BUDGET
    assert reasons == expected
    await assert_login_throttled(client, user_account)
    right = await change_password(client, user_account, user_account.password)
    assert right.status_code == 429


async def test_wrong_login_guesses_also_lock_the_password_change(client, user_account) -> None:
    for _ in range(BUDGET):
        assert (await login(client, user_account.email, WRONG_PASSWORD)).status_code == 401
    response = await change_password(client, user_account, user_account.password)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


async def test_wrong_codes_to_disable_2fa_count_against_the_login_budget(
    client, account_factory
) -> None:
    account = await account_factory(two_factor=True)
    bad_code = wrong_code(account.totp_secret)
    for _ in range(BUDGET):
        response = await client.delete(
            TWO_FA, json=disabling(account, bad_code), headers=account.headers
        )
        assert error_codes(await body_of(response)) == ["AUTH_2FA_INVALID"]
    right = await client.delete(
        TWO_FA, json=disabling(account, account.next_totp_code()), headers=account.headers
    )
    assert right.status_code == 429
    await assert_login_throttled(client, account, otp_code=account.next_totp_code(2))
    failures = await audit_events("two_factor_failed")
    refused_code = {"during": "disable", "reason": "second_factor_invalid"}
    assert [event.details for event in failures] == [refused_code] * BUDGET + [
        {"during": "disable", "reason": "throttled"}
    ]


async def test_wrong_codes_to_confirm_an_enrolment_count_against_the_login_budget(
    client, user_account
) -> None:
    enrolment = await client.post(
        f"{TWO_FA}/enrolment",
        json={"current_password": user_account.password},
        headers=user_account.headers,
    )
    secret = (await body_of(enrolment))["data"]["secret"]
    for _ in range(BUDGET):
        response = await client.post(
            f"{TWO_FA}/verification",
            json={"code": wrong_code(secret)},
            headers=user_account.headers,
        )
        assert response.status_code == 401
    right = await client.post(
        f"{TWO_FA}/verification",
        json={"code": code_at_step(secret, current_step())},
        headers=user_account.headers,
    )
    assert right.status_code == 429
    await assert_login_throttled(client, user_account)


async def test_a_right_check_gives_its_attempt_back(client, account_factory) -> None:
    account = await account_factory(two_factor=True)
    for _ in range(BUDGET - 1):
        assert (await change_password(client, account, WRONG_PASSWORD)).status_code == 401
    disabled = await client.delete(
        TWO_FA, json=disabling(account, account.next_totp_code()), headers=account.headers
    )
    assert disabled.status_code == 204
    assert (await change_password(client, account, WRONG_PASSWORD)).status_code == 401
    assert (await change_password(client, account, account.password)).status_code == 429


async def test_answers_that_refuse_no_guess_give_the_attempt_back(client, account_factory) -> None:
    account = await account_factory(two_factor=True)
    for _ in range(BUDGET + 1):
        without_code = await login(client, account.email, account.password)
        assert error_codes(await body_of(without_code)) == ["AUTH_2FA_REQUIRED"]
        weak = await client.patch(
            ME,
            json={"password": "lifter lifter lifter", "current_password": account.password},
            headers=account.headers,
        )
        assert error_codes(await body_of(weak)) == ["VAL_PASSWORD"]
    signed_in = await login(
        client, account.email, account.password, otp_code=account.next_totp_code()
    )
    assert signed_in.status_code == 200


async def test_a_throttled_account_does_not_throttle_another_one(
    client, user_account, other_user_account
) -> None:
    for _ in range(BUDGET):
        await change_password(client, user_account, WRONG_PASSWORD)
    await assert_login_throttled(client, user_account)
    other = await login(client, other_user_account.email, other_user_account.password)
    assert other.status_code == 200
