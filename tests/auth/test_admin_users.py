"""GET /v1/admin/users and PATCH /v1/admin/users/{user_id}: roles, activity, their effects."""

from alloy_api.auth.roles import Role
from tests.auth.helpers import audit_events, bearer, body_of, error_codes, login

ADMIN_USERS = "/v1/admin/users"


async def test_list_is_cursor_paginated_and_filters_by_role(
    client, admin_account, account_factory
) -> None:
    for _ in range(3):
        await account_factory()
    first = await body_of(
        await client.get(f"{ADMIN_USERS}?limit=2&role=user", headers=admin_account.headers)
    )
    page = first["data"]
    assert [item["role"] for item in page["items"]] == ["user", "user"]
    assert page["has_next"] is True
    assert page["filters_applied"] == {"role": "user"}
    assert "is_active" in page["items"][0]
    second = await body_of(
        await client.get(
            f"{ADMIN_USERS}?limit=2&role=user&cursor={page['next_cursor']}",
            headers=admin_account.headers,
        )
    )
    ids = [item["id"] for item in page["items"] + second["data"]["items"]]
    assert len(ids) == len(set(ids)) == 3
    assert second["data"]["has_next"] is False
    mismatched = await client.get(
        f"{ADMIN_USERS}?limit=2&role=admin&cursor={page['next_cursor']}",
        headers=admin_account.headers,
    )
    assert error_codes(await body_of(mismatched)) == ["VAL_CURSOR"]
    bad_role = await client.get(f"{ADMIN_USERS}?role=root", headers=admin_account.headers)
    assert error_codes(await body_of(bad_role)) == ["VAL_ROLE"]


async def test_only_super_admins_grant_roles(
    client, admin_account, super_admin_account, user_account
) -> None:
    path = f"{ADMIN_USERS}/{user_account.id}"
    by_admin = await client.patch(path, json={"role": "admin"}, headers=admin_account.headers)
    assert by_admin.status_code == 403
    assert error_codes(await body_of(by_admin)) == ["AUTH_FORBIDDEN"]
    by_super = await client.patch(
        path,
        json={"role": "admin"},
        headers={**super_admin_account.headers, "X-Request-ID": "grant-1"},
    )
    assert (await body_of(by_super))["data"]["role"] == "admin"
    [event] = await audit_events("role_granted")
    assert (event.request_id, str(event.actor_id), event.target_id) == (
        "grant-1",
        super_admin_account.id,
        user_account.id,
    )
    assert event.details == {"from": "user", "to": "admin", "revoked_tokens": 0}


async def test_a_role_downgrade_kills_older_access_tokens_at_once(
    client, super_admin_account, account_factory
) -> None:
    admin = await account_factory(role=Role.ADMIN)
    assert (await client.get(ADMIN_USERS, headers=admin.headers)).status_code == 200
    response = await client.patch(
        f"{ADMIN_USERS}/{admin.id}", json={"role": "user"}, headers=super_admin_account.headers
    )
    assert response.status_code == 200
    stale = await client.get("/v1/users/me", headers=admin.headers)
    assert stale.status_code == 401
    assert error_codes(await body_of(stale)) == ["AUTH_INVALID_TOKEN"]
    [event] = await audit_events("role_revoked")
    assert event.details == {"from": "admin", "to": "user", "revoked_tokens": 0}


async def test_deactivation_ends_sessions_and_logins(client, admin_account, user_account) -> None:
    session = (await body_of(await login(client, user_account.email, user_account.password)))[
        "data"
    ]
    response = await client.patch(
        f"{ADMIN_USERS}/{user_account.id}",
        json={"is_active": False},
        headers=admin_account.headers,
    )
    assert (await body_of(response))["data"]["is_active"] is False
    assert (
        await client.get("/v1/users/me", headers=bearer(session["access_token"]))
    ).status_code == 401
    refreshed = await client.post(
        "/v1/auth/refresh", json={"refresh_token": session["refresh_token"]}
    )
    assert refreshed.status_code == 401
    assert (await login(client, user_account.email, user_account.password)).status_code == 401
    assert len(await audit_events("user_deactivated")) == 1


async def test_plain_admins_cannot_deactivate_admins(
    client, admin_account, account_factory
) -> None:
    other_admin = await account_factory(role=Role.ADMIN)
    response = await client.patch(
        f"{ADMIN_USERS}/{other_admin.id}", json={"is_active": False}, headers=admin_account.headers
    )
    assert error_codes(await body_of(response)) == ["AUTH_FORBIDDEN"]


async def test_no_one_changes_their_own_role_or_activity(client, super_admin_account) -> None:
    path = f"{ADMIN_USERS}/{super_admin_account.id}"
    for change in ({"role": "user"}, {"is_active": False}):
        response = await client.patch(path, json=change, headers=super_admin_account.headers)
        assert response.status_code == 409
        assert error_codes(await body_of(response)) == ["BR_OWN_ACCOUNT"]


async def test_unknown_and_malformed_user_ids(client, super_admin_account) -> None:
    unknown = await client.patch(
        f"{ADMIN_USERS}/01900000-0000-7000-8000-000000000000",
        json={"is_active": False},
        headers=super_admin_account.headers,
    )
    assert unknown.status_code == 404
    assert error_codes(await body_of(unknown)) == ["NF_USER"]
    malformed = await client.patch(
        f"{ADMIN_USERS}/not-a-uuid", json={"is_active": False}, headers=super_admin_account.headers
    )
    assert malformed.status_code == 400
    assert error_codes(await body_of(malformed)) == ["VAL_USER_ID"]
