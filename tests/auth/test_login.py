"""Login: credentials, equal hash work for unknown emails, rehashing, throttling, audit."""

import pytest
from argon2 import extract_parameters

from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.passwords import dummy_hash, hasher_for, password_hasher
from alloy_api.observability.metrics import PASSWORD_VERIFICATIONS
from tests.auth.helpers import audit_events, body_of, error_codes, login


async def test_login_answers_a_token_pair(client, user_account, settings) -> None:
    response = await login(client, user_account.email.upper(), user_account.password)
    tokens = (await body_of(response))["data"]
    assert response.status_code == 200
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == settings.access_token_ttl_seconds
    assert tokens["refresh_expires_in"] == settings.refresh_token_ttl_seconds
    me = await client.get(
        "/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert (await body_of(me))["data"]["id"] == user_account.id


async def test_wrong_password_and_unknown_email_answer_the_same(client, user_account) -> None:
    wrong = await login(client, user_account.email, "not the password at all")
    unknown = await login(client, "nobody@example.com", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    wrong_body, unknown_body = await body_of(wrong), await body_of(unknown)
    assert wrong_body["errors"] == unknown_body["errors"]
    assert error_codes(wrong_body) == ["AUTH_INVALID_CREDENTIALS"]


async def test_unknown_and_known_emails_cost_the_same_hash_work(
    client, user_account, settings
) -> None:
    before = PASSWORD_VERIFICATIONS._value.get()
    await login(client, "nobody@example.com", "not the password at all")
    after_unknown = PASSWORD_VERIFICATIONS._value.get()
    await login(client, user_account.email, "not the password at all")
    after_known = PASSWORD_VERIFICATIONS._value.get()
    assert after_unknown - before == 1
    assert after_known - after_unknown == 1
    assert extract_parameters(dummy_hash(settings)) == extract_parameters(
        user_account.user.password_hash
    )


async def test_inactive_account_cannot_log_in(client, user_account) -> None:
    await repository.update_user(user_account.user, is_active=False)
    response = await login(client, user_account.email, user_account.password)
    assert error_codes(await body_of(response)) == ["AUTH_INVALID_CREDENTIALS"]


async def test_login_rehashes_a_password_hashed_with_older_parameters(
    client, user_account, settings
) -> None:
    weaker = password_hasher(1, 512, 1)
    await repository.update_user(
        user_account.user, password_hash=weaker.hash(user_account.password)
    )
    response = await login(client, user_account.email, user_account.password)
    assert response.status_code == 200
    stored = await User.get(id=user_account.id)
    assert extract_parameters(stored.password_hash) == hasher_for(settings)._parameters


async def test_login_events_are_audited_with_the_request_id(client, user_account) -> None:
    await client.post(
        "/v1/auth/login",
        json={"email": user_account.email, "password": "wrong wrong wrong"},
        headers={"X-Request-ID": "login-fail-1", "User-Agent": "pytest-agent"},
    )
    await client.post(
        "/v1/auth/login",
        json={"email": user_account.email, "password": user_account.password},
        headers={"X-Request-ID": "login-ok-1"},
    )
    [failed] = await audit_events("login_failed")
    [succeeded] = await audit_events("login_succeeded")
    assert (failed.request_id, failed.outcome, failed.target_id) == (
        "login-fail-1",
        "failure",
        user_account.id,
    )
    assert failed.user_agent == "pytest-agent"
    assert failed.ip
    assert (succeeded.request_id, str(succeeded.actor_id)) == ("login-ok-1", user_account.id)


@pytest.fixture
def settings(settings_factory):
    return settings_factory(login_max_failures_per_account_address=3, login_max_failures_per_ip=50)


async def test_repeated_failures_get_429_alike_for_known_and_unknown_emails(
    client, user_account
) -> None:
    answers = {}
    for email in (user_account.email, "ghost@example.com"):
        for _ in range(3):
            assert (await login(client, email, "wrong wrong wrong")).status_code == 401
        throttled = await login(client, email, "wrong wrong wrong")
        assert throttled.status_code == 429
        assert int(throttled.headers["Retry-After"]) > 0
        answers[email] = (await body_of(throttled))["errors"]
    assert answers[user_account.email] == answers["ghost@example.com"]
    assert [e["code"] for e in answers["ghost@example.com"]] == ["RATE_LIMIT_EXCEEDED"]
    assert answers["ghost@example.com"][0]["details"]["retry_after"] > 0
    still_throttled = await login(client, user_account.email, user_account.password)
    assert still_throttled.status_code == 429
    assert len(await audit_events("login_throttled")) == 3


async def test_a_success_resets_the_account_counter(client, user_account) -> None:
    for _ in range(2):
        await login(client, user_account.email, "wrong wrong wrong")
    assert (await login(client, user_account.email, user_account.password)).status_code == 200
    for _ in range(2):
        assert (await login(client, user_account.email, "wrong wrong wrong")).status_code == 401
    assert (await login(client, user_account.email, user_account.password)).status_code == 200
