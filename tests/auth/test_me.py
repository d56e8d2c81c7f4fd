"""GET/PATCH /v1/users/me: profile, and password change that ends every older session."""

from tests.auth.factories import STRONG_PASSWORD
from tests.auth.helpers import audit_events, bearer, body_of, error_codes, login

ME = "/v1/users/me"
NEW_PASSWORD = "granite walrus tempo 93 lantern fig"


async def test_me_answers_the_caller(client, user_account) -> None:
    response = await client.get(ME, headers=user_account.headers)
    data = (await body_of(response))["data"]
    assert data["id"] == user_account.id
    assert data["email"] == user_account.email
    assert "password_hash" not in data


async def test_patch_name(client, user_account) -> None:
    response = await client.patch(ME, json={"name": "Renamed"}, headers=user_account.headers)
    assert (await body_of(response))["data"]["name"] == "Renamed"
    assert (await client.get(ME, headers=user_account.headers)).status_code == 200
    assert len(await audit_events("profile_updated")) == 1


async def test_password_change_needs_the_current_password(client, user_account) -> None:
    missing = await client.patch(ME, json={"password": NEW_PASSWORD}, headers=user_account.headers)
    assert missing.status_code == 400
    assert error_codes(await body_of(missing)) == ["VAL_CURRENT_PASSWORD"]
    wrong = await client.patch(
        ME,
        json={"password": NEW_PASSWORD, "current_password": "not my password at all"},
        headers=user_account.headers,
    )
    assert wrong.status_code == 401
    assert error_codes(await body_of(wrong)) == ["AUTH_INVALID_CREDENTIALS"]
    [failed] = await audit_events("password_changed")
    assert failed.outcome == "failure"


async def test_new_password_follows_the_policy(client, user_account) -> None:
    response = await client.patch(
        ME,
        json={"password": "lifter lifter lifter", "current_password": STRONG_PASSWORD},
        headers=user_account.headers,
    )
    assert error_codes(await body_of(response)) == ["VAL_PASSWORD"]


async def test_password_change_ends_every_other_session_at_once(client, user_account) -> None:
    current = (await body_of(await login(client, user_account.email, STRONG_PASSWORD)))["data"]
    other = (await body_of(await login(client, user_account.email, STRONG_PASSWORD)))["data"]
    response = await client.patch(
        ME,
        json={"password": NEW_PASSWORD, "current_password": STRONG_PASSWORD},
        headers={**bearer(current["access_token"]), "X-Request-ID": "pw-change-1"},
    )
    assert response.status_code == 200
    stale = await client.get(ME, headers=bearer(other["access_token"]))
    assert stale.status_code == 401
    assert error_codes(await body_of(stale)) == ["AUTH_INVALID_TOKEN"]
    old_refresh = await client.post(
        "/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}
    )
    assert old_refresh.status_code == 401
    assert (await client.get(ME, headers=bearer(current["access_token"]))).status_code == 200
    kept = await client.post("/v1/auth/refresh", json={"refresh_token": current["refresh_token"]})
    assert kept.status_code == 200
    assert (await login(client, user_account.email, STRONG_PASSWORD)).status_code == 401
    fresh = (await body_of(await login(client, user_account.email, NEW_PASSWORD)))["data"]
    assert (await client.get(ME, headers=bearer(fresh["access_token"]))).status_code == 200
    [event] = await audit_events("password_changed")
    assert (event.outcome, event.request_id) == ("success", "pw-change-1")
