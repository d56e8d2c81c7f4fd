"""Sessions (refresh families): listed, ended one by one, all but the current one, or all; by the
owner, an admin or a change of 2FA, password or role. An ended session's access tokens are refused
on the next request, not when they expire."""

import jwt

from alloy_api.auth.roles import Role
from alloy_api.auth.tokens import ACCESS_KEY_PURPOSE, derived_key
from alloy_api.auth.totp import code_at_step, current_step
from tests.auth.helpers import audit_events, bearer, body_of, error_codes, login

ME = "/v1/users/me"
SESSIONS = "/v1/users/me/sessions"


async def sign_in(client, account, user_agent: str = "tests") -> dict:
    credentials = {"email": account.email, "password": account.password}
    if account.totp_secret is not None:
        credentials["otp_code"] = account.next_totp_code(steps_ahead=0)
    response = await client.post(
        "/v1/auth/login", json=credentials, headers={"User-Agent": user_agent}
    )
    assert response.status_code == 200
    return (await body_of(response))["data"]


def session_of(tokens: dict, settings) -> str:
    claims = jwt.decode(
        tokens["access_token"],
        derived_key(settings, ACCESS_KEY_PURPOSE),
        algorithms=["HS256"],
        audience=settings.jwt_audience,
    )
    return claims["sid"]


async def assert_refused(client, tokens: dict) -> None:
    stale = await client.get(ME, headers=bearer(tokens["access_token"]))
    assert stale.status_code == 401
    assert error_codes(await body_of(stale)) == ["AUTH_INVALID_TOKEN"]
    refreshed = await client.post(
        "/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert refreshed.status_code == 401


async def assert_alive(client, tokens: dict) -> None:
    assert (await client.get(ME, headers=bearer(tokens["access_token"]))).status_code == 200


async def test_logout_refuses_its_access_token_at_once(client, user_account) -> None:
    tokens = await sign_in(client, user_account)
    await assert_alive(client, tokens)
    logout = await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert logout.status_code == 204
    await assert_refused(client, tokens)


async def test_sessions_are_listed_newest_first_with_the_current_one_marked(
    client, user_account, settings
) -> None:
    phone = await sign_in(client, user_account, "phone")
    laptop = await sign_in(client, user_account, "laptop")
    response = await client.get(SESSIONS, headers=bearer(laptop["access_token"]))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = (await body_of(response))["data"]
    assert [item["user_agent"] for item in page["items"]] == ["laptop", "phone"]
    assert [item["current"] for item in page["items"]] == [True, False]
    assert [item["id"] for item in page["items"]] == [
        session_of(laptop, settings),
        session_of(phone, settings),
    ]
    assert {"created_at", "last_used_at", "ip"} <= set(page["items"][0])
    assert page["has_next"] is False
    first = await client.get(f"{SESSIONS}?limit=1", headers=bearer(laptop["access_token"]))
    first_page = (await body_of(first))["data"]
    assert len(first_page["items"]) == 1 and first_page["has_next"] is True


async def test_a_refresh_keeps_the_session_and_moves_its_last_use(
    client, user_account, settings
) -> None:
    tokens = await sign_in(client, user_account)
    before = await body_of(await client.get(SESSIONS, headers=bearer(tokens["access_token"])))
    refreshed = await client.post(
        "/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    rotated = (await body_of(refreshed))["data"]
    assert session_of(rotated, settings) == session_of(tokens, settings)
    after = await body_of(await client.get(SESSIONS, headers=bearer(rotated["access_token"])))
    [was], [now] = before["data"]["items"], after["data"]["items"]
    assert now["id"] == was["id"] and now["created_at"] == was["created_at"]
    assert now["last_used_at"] >= was["last_used_at"]


async def test_ending_one_session(client, user_account, other_user_account, settings) -> None:
    mine = await sign_in(client, user_account)
    other_device = await sign_in(client, user_account)
    theirs = await sign_in(client, other_user_account)
    headers = bearer(mine["access_token"])
    foreign = await client.delete(f"{SESSIONS}/{session_of(theirs, settings)}", headers=headers)
    assert foreign.status_code == 404
    assert error_codes(await body_of(foreign)) == ["NF_LOGIN_SESSION"]
    unknown = await client.delete(
        f"{SESSIONS}/01900000-0000-7000-8000-000000000000", headers=headers
    )
    assert error_codes(await body_of(unknown)) == ["NF_LOGIN_SESSION"]
    ended = await client.delete(f"{SESSIONS}/{session_of(other_device, settings)}", headers=headers)
    assert ended.status_code == 204
    await assert_refused(client, other_device)
    await assert_alive(client, mine)
    await assert_alive(client, theirs)
    [event] = await audit_events("sessions_ended")
    assert event.details["sessions"] == "one"
    assert event.details["session_id"] == session_of(other_device, settings)


async def test_ending_every_other_session_then_all(client, user_account) -> None:
    current = await sign_in(client, user_account)
    others = [await sign_in(client, user_account) for _ in range(2)]
    headers = bearer(current["access_token"])
    assert (await client.delete(SESSIONS, headers=headers)).status_code == 204
    for tokens in others:
        await assert_refused(client, tokens)
    await assert_alive(client, current)
    listed = (await body_of(await client.get(SESSIONS, headers=headers)))["data"]["items"]
    assert [item["current"] for item in listed] == [True]
    everything = await client.delete(f"{SESSIONS}?include_current=true", headers=headers)
    assert everything.status_code == 204
    await assert_refused(client, current)
    scopes = [event.details["sessions"] for event in await audit_events("sessions_ended")]
    assert scopes == ["others", "all"]


async def test_an_admin_ends_a_users_sessions_but_only_a_super_admin_an_admins(
    client, user_account, account_factory, admin_account, super_admin_account
) -> None:
    tokens = await sign_in(client, user_account)
    path = f"/v1/admin/users/{user_account.id}/sessions"
    assert (await client.delete(path, headers=user_account.headers)).status_code == 403
    assert (await client.delete(path, headers=admin_account.headers)).status_code == 204
    await assert_refused(client, tokens)
    other_admin = await account_factory(role=Role.ADMIN)
    admin_tokens = await sign_in(client, other_admin)
    admin_path = f"/v1/admin/users/{other_admin.id}/sessions"
    refused = await client.delete(admin_path, headers=admin_account.headers)
    assert error_codes(await body_of(refused)) == ["AUTH_FORBIDDEN"]
    await assert_alive(client, admin_tokens)
    ended = await client.delete(admin_path, headers=super_admin_account.headers)
    assert ended.status_code == 204
    await assert_refused(client, admin_tokens)
    missing = await client.delete(
        "/v1/admin/users/01900000-0000-7000-8000-000000000000/sessions",
        headers=super_admin_account.headers,
    )
    assert error_codes(await body_of(missing)) == ["NF_USER"]
    events = await audit_events("sessions_ended")
    assert [event.target_id for event in events] == [user_account.id, other_admin.id]


async def test_enabling_and_disabling_2fa_end_every_other_session(client, user_account) -> None:
    current = await sign_in(client, user_account)
    other = await sign_in(client, user_account)
    headers = bearer(current["access_token"])
    enrolment = await client.post(
        "/v1/auth/2fa/enrolment", json={"current_password": user_account.password}, headers=headers
    )
    secret = (await body_of(enrolment))["data"]["secret"]
    enabled = await client.post(
        "/v1/auth/2fa/verification",
        json={"code": code_at_step(secret, current_step() - 1)},
        headers=headers,
    )
    assert enabled.status_code == 201
    await assert_refused(client, other)
    await assert_alive(client, current)
    second = (
        await body_of(
            await login(
                client,
                user_account.email,
                user_account.password,
                otp_code=code_at_step(secret, current_step()),
            )
        )
    )["data"]
    disabled = await client.delete(
        "/v1/auth/2fa",
        json={
            "current_password": user_account.password,
            "code": code_at_step(secret, current_step() + 1),
        },
        headers=headers,
    )
    assert disabled.status_code == 204, await body_of(disabled)
    await assert_refused(client, second)
    await assert_alive(client, current)


async def test_a_role_change_ends_the_accounts_sessions(
    client, user_account, super_admin_account
) -> None:
    tokens = await sign_in(client, user_account)
    granted = await client.patch(
        f"/v1/admin/users/{user_account.id}",
        json={"role": "admin"},
        headers=super_admin_account.headers,
    )
    assert granted.status_code == 200
    await assert_refused(client, tokens)
