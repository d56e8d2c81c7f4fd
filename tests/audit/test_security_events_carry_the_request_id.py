"""Every security event of CONTRACT §7 lands in the audit log with the request id that caused it."""

import secrets

import pytest

from alloy_api.audit.models import AuditEvent
from alloy_api.auth.totp import code_at_step, current_step
from alloy_api.settings import InsecureConfigurationError, Settings
from tests.auth.helpers import bearer, body_of

NEW_PASSWORD = "granite walrus tempo 93 lantern fig"


async def test_each_flow_is_audited_with_its_request_id(
    client, user_account, super_admin_account
) -> None:
    def tagged(request_id: str, headers: dict | None = None) -> dict:
        return {**(headers or {}), "X-Request-ID": request_id}

    await client.post(
        "/v1/auth/login",
        json={"email": user_account.email, "password": "wrong wrong wrong"},
        headers=tagged("r-login-failed"),
    )
    await client.post(
        "/v1/auth/login",
        json={"email": user_account.email, "password": user_account.password},
        headers=tagged("r-login-ok"),
    )
    enrolment = await client.post(
        "/v1/auth/2fa/enrolment",
        json={"current_password": user_account.password},
        headers=tagged("r-enrol", user_account.headers),
    )
    secret = (await body_of(enrolment))["data"]["secret"]
    verification = await client.post(
        "/v1/auth/2fa/verification",
        json={"code": code_at_step(secret, current_step())},
        headers=tagged("r-enable", user_account.headers),
    )
    recovery_code = (await body_of(verification))["data"]["recovery_codes"][0]
    await client.post(
        "/v1/auth/login",
        json={
            "email": user_account.email,
            "password": user_account.password,
            "recovery_code": recovery_code,
        },
        headers=tagged("r-recovery"),
    )
    await client.delete(
        "/v1/auth/2fa",
        json={
            "code": code_at_step(secret, current_step() + 1),
            "current_password": user_account.password,
        },
        headers=tagged("r-disable", user_account.headers),
    )
    later = (
        await body_of(
            await client.post(
                "/v1/auth/login",
                json={"email": user_account.email, "password": user_account.password},
            )
        )
    )["data"]
    rotated = (
        await body_of(
            await client.post("/v1/auth/refresh", json={"refresh_token": later["refresh_token"]})
        )
    )["data"]
    await client.post(
        "/v1/auth/refresh",
        json={"refresh_token": later["refresh_token"]},
        headers=tagged("r-reuse"),
    )
    await client.patch(
        f"/v1/admin/users/{user_account.id}",
        json={"role": "admin"},
        headers=tagged("r-grant", super_admin_account.headers),
    )
    await client.patch(
        f"/v1/admin/users/{user_account.id}",
        json={"role": "user"},
        headers=tagged("r-revoke", super_admin_account.headers),
    )
    fresh = (
        await body_of(
            await client.post(
                "/v1/auth/login",
                json={"email": user_account.email, "password": user_account.password},
            )
        )
    )["data"]
    await client.patch(
        "/v1/users/me",
        json={"current_password": user_account.password, "password": NEW_PASSWORD},
        headers=tagged("r-password", bearer(fresh["access_token"])),
    )
    await client.post(
        "/v1/auth/logout",
        json={"refresh_token": rotated["refresh_token"]},
        headers=tagged("r-logout"),
    )
    expected = {
        "login_failed": "r-login-failed",
        "login_succeeded": "r-login-ok",
        "two_factor_enrolment_started": "r-enrol",
        "two_factor_enabled": "r-enable",
        "recovery_code_used": "r-recovery",
        "two_factor_disabled": "r-disable",
        "refresh_token_reused": "r-reuse",
        "role_granted": "r-grant",
        "role_revoked": "r-revoke",
        "password_changed": "r-password",
        "logout": "r-logout",
    }
    events = await AuditEvent.filter(request_id__startswith="r-")
    seen = {(event.action, event.request_id) for event in events}
    assert set(expected.items()) <= seen
    assert all(event.ip for event in events)


def test_production_refuses_a_short_legacy_token(tmp_path) -> None:
    with pytest.raises(InsecureConfigurationError, match="ALLOY_LEGACY_ADMIN_TOKEN"):
        Settings(
            environment="production",
            secret_key=secrets.token_urlsafe(48),
            database_url="postgres://a@127.0.0.1/x",
            legacy_admin_token="short",
            data_dir=tmp_path,
        )
