"""Refresh rotation, reuse detection revoking the family, logout, expiry."""

import asyncio
from datetime import timedelta

from alloy_api.auth.models import RefreshToken
from alloy_api.kit.time import utc_now
from tests.auth.helpers import audit_events, body_of, error_codes, login


async def tokens_for(client, account) -> dict:
    return (await body_of(await login(client, account.email, account.password)))["data"]


async def refresh(client, refresh_token: str, **headers):
    return await client.post(
        "/v1/auth/refresh", json={"refresh_token": refresh_token}, headers=headers
    )


async def test_refresh_rotates_the_token_in_its_family(client, user_account) -> None:
    first = await tokens_for(client, user_account)
    response = await refresh(client, first["refresh_token"])
    second = (await body_of(response))["data"]
    assert response.status_code == 200
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    rows = await RefreshToken.filter(user_id=user_account.id).order_by("created_at")
    assert len(rows) == 2
    assert rows[0].family_id == rows[1].family_id
    assert rows[1].parent_id == rows[0].id
    assert rows[0].used_at is not None
    assert first["refresh_token"] not in {row.token_hash for row in rows}
    me = await client.get(
        "/v1/users/me", headers={"Authorization": f"Bearer {second['access_token']}"}
    )
    assert me.status_code == 200


async def test_reusing_a_used_token_revokes_the_whole_family(client, user_account) -> None:
    first = await tokens_for(client, user_account)
    other_session = await tokens_for(client, user_account)
    second = (await body_of(await refresh(client, first["refresh_token"])))["data"]
    reused = await refresh(client, first["refresh_token"], **{"X-Request-ID": "reuse-1"})
    assert reused.status_code == 401
    assert error_codes(await body_of(reused)) == ["AUTH_REFRESH_TOKEN_REUSED"]
    descendant = await refresh(client, second["refresh_token"])
    assert error_codes(await body_of(descendant)) == ["AUTH_INVALID_TOKEN"]
    untouched = await refresh(client, other_session["refresh_token"])
    assert untouched.status_code == 200
    [event] = await audit_events("refresh_token_reused")
    assert (event.request_id, event.outcome, str(event.actor_id)) == (
        "reuse-1",
        "failure",
        user_account.id,
    )
    assert event.details["revoked_tokens"] >= 1


async def test_concurrent_refreshes_of_one_token_leave_no_usable_token(
    client, user_account
) -> None:
    tokens = await tokens_for(client, user_account)
    responses = await asyncio.gather(*(refresh(client, tokens["refresh_token"]) for _ in range(4)))
    winners = [response for response in responses if response.status_code == 200]
    losers = [response for response in responses if response.status_code != 200]
    assert len(winners) <= 1
    loser_codes = {code for response in losers for code in error_codes(await body_of(response))}
    assert "AUTH_REFRESH_TOKEN_REUSED" in loser_codes
    for winner in winners:
        new_token = (await body_of(winner))["data"]["refresh_token"]
        assert (await refresh(client, new_token)).status_code == 401
    live = await RefreshToken.filter(user_id=user_account.id, revoked_at__isnull=True).count()
    assert live == 0


async def test_unknown_or_expired_refresh_tokens_are_refused(client, user_account) -> None:
    unknown = await refresh(client, "definitely-not-a-token")
    assert error_codes(await body_of(unknown)) == ["AUTH_INVALID_TOKEN"]
    tokens = await tokens_for(client, user_account)
    await RefreshToken.filter(user_id=user_account.id).update(
        expires_at=utc_now() - timedelta(seconds=1)
    )
    expired = await refresh(client, tokens["refresh_token"])
    assert error_codes(await body_of(expired)) == ["AUTH_EXPIRED_TOKEN"]
    assert expired.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


async def test_logout_revokes_the_family(client, user_account) -> None:
    tokens = await tokens_for(client, user_account)
    rotated = (await body_of(await refresh(client, tokens["refresh_token"])))["data"]
    response = await client.post(
        "/v1/auth/logout",
        json={"refresh_token": rotated["refresh_token"]},
        headers={"X-Request-ID": "logout-1"},
    )
    assert response.status_code == 204
    assert await response.get_data() == b""
    after = await refresh(client, rotated["refresh_token"])
    assert error_codes(await body_of(after)) == ["AUTH_INVALID_TOKEN"]
    [event] = await audit_events("logout")
    assert (event.request_id, str(event.actor_id)) == ("logout-1", user_account.id)
    unknown = await client.post("/v1/auth/logout", json={"refresh_token": "nope"})
    assert error_codes(await body_of(unknown)) == ["AUTH_INVALID_TOKEN"]


async def test_deactivated_user_cannot_refresh(client, user_account) -> None:
    tokens = await tokens_for(client, user_account)
    user_account.user.is_active = False
    await user_account.user.save(update_fields=["is_active"])
    response = await refresh(client, tokens["refresh_token"])
    assert error_codes(await body_of(response)) == ["AUTH_INVALID_TOKEN"]


async def test_rotation_keeps_the_family_start(client, user_account) -> None:
    first = await tokens_for(client, user_account)
    await refresh(client, first["refresh_token"])
    login_row, rotated_row = await RefreshToken.filter(user_id=user_account.id).order_by(
        "created_at"
    )
    assert login_row.family_started_at == rotated_row.family_started_at
    assert login_row.family_started_at <= login_row.created_at


async def test_a_family_older_than_its_maximum_age_cannot_refresh(
    client, user_account, settings
) -> None:
    tokens = await tokens_for(client, user_account)
    max_age = timedelta(seconds=settings.refresh_family_max_age_seconds)
    await RefreshToken.filter(user_id=user_account.id).update(
        family_started_at=utc_now() - max_age - timedelta(seconds=1)
    )
    response = await refresh(client, tokens["refresh_token"])
    assert response.status_code == 401
    assert error_codes(await body_of(response)) == ["AUTH_EXPIRED_TOKEN"]
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert await RefreshToken.filter(user_id=user_account.id).count() == 1
    again = await tokens_for(client, user_account)
    assert (await refresh(client, again["refresh_token"])).status_code == 200


async def test_a_rotated_token_never_outlives_its_family(client, user_account, settings) -> None:
    tokens = await tokens_for(client, user_account)
    family_started_at = utc_now() - timedelta(seconds=settings.refresh_family_max_age_seconds - 600)
    await RefreshToken.filter(user_id=user_account.id).update(family_started_at=family_started_at)
    response = await refresh(client, tokens["refresh_token"])
    assert 0 < (await body_of(response))["data"]["refresh_expires_in"] <= 600
    newest = await RefreshToken.filter(user_id=user_account.id).order_by("-created_at").first()
    family_ends_at = family_started_at + timedelta(seconds=settings.refresh_family_max_age_seconds)
    assert newest.expires_at == family_ends_at
