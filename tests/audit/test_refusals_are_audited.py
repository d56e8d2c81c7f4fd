"""Every 403 and every rejected bearer token is audited, repeats folded into one event per minute
per (user or address, route) with a count; refused logins name the account they tried."""

import pytest

from alloy_api.audit.models import AuditEvent
from tests.auth.helpers import audit_events, bearer, login

ADMIN_USERS = "/v1/admin/users"
REPEATS = 5


def total(events: list[AuditEvent]) -> int:
    return sum(event.details["count"] for event in events)


async def test_repeated_403s_fold_into_one_event_per_user_and_route(
    client, user_account, admin_account
) -> None:
    for _ in range(REPEATS):
        assert (await client.get(ADMIN_USERS, headers=user_account.headers)).status_code == 403
    assert (
        await client.get("/v1/admin/audit_events", headers=user_account.headers)
    ).status_code == 403
    denied = await audit_events("access_denied")
    by_route = {event.target_id: [] for event in denied}
    for event in denied:
        by_route[event.target_id].append(event)
    assert set(by_route) == {ADMIN_USERS, "/v1/admin/audit_events"}
    users_route = by_route[ADMIN_USERS]
    assert len(users_route) <= 2 and total(users_route) == REPEATS
    assert {str(event.actor_id) for event in denied} == {user_account.id}
    assert all(event.outcome == "failure" and event.ip for event in denied)
    assert users_route[0].details["code"] == "AUTH_FORBIDDEN"


async def test_a_403_answered_by_a_service_is_audited_too(
    client, user_account, admin_account
) -> None:
    refused = await client.patch(
        f"{ADMIN_USERS}/{user_account.id}", json={"role": "admin"}, headers=admin_account.headers
    )
    assert refused.status_code == 403
    [event] = await audit_events("access_denied")
    assert (str(event.actor_id), event.target_id) == (
        admin_account.id,
        f"{ADMIN_USERS}/{{user_id}}",
    )


async def test_rejected_tokens_are_audited_folded_and_a_missing_one_is_not(
    client, user_account
) -> None:
    assert (await client.get("/v1/users/me")).status_code == 401
    for _ in range(REPEATS):
        forged = await client.get("/v1/users/me", headers=bearer("not.a.jwt"))
        assert forged.status_code == 401
    rejected = await audit_events("token_rejected")
    assert len(rejected) <= 2 and total(rejected) == REPEATS
    assert {event.actor for event in rejected} == {"anonymous"}
    assert rejected[0].details["code"] == "AUTH_INVALID_TOKEN"
    assert rejected[0].target_id == "/v1/users/me"


async def test_a_token_of_an_ended_session_is_audited_with_its_user(client, user_account) -> None:
    tokens = (await (await login(client, user_account.email, user_account.password)).get_json())[
        "data"
    ]
    await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert (
        await client.get("/v1/users/me", headers=bearer(tokens["access_token"]))
    ).status_code == 401
    [event] = await audit_events("token_rejected")
    assert str(event.actor_id) == user_account.id


@pytest.fixture
def settings(settings_factory):
    return settings_factory(login_max_failures_per_account_address=2)


async def test_refused_logins_name_the_account_they_tried(client, user_account) -> None:
    for _ in range(2):
        await login(client, "nobody@example.com", "not the password at all")
    await login(client, user_account.email, "not the password at all")
    failed = await audit_events("login_failed")
    unknown = [event for event in failed if event.target_id is None]
    assert len(unknown) == 2
    hashes = {event.details["attempted_email_hash"] for event in unknown}
    assert len(hashes) == 1 and "nobody" not in next(iter(hashes))
    [known] = [event for event in failed if event.target_id is not None]
    assert known.target_id == user_account.id
    throttled_unknown = await login(client, "nobody@example.com", "not the password at all")
    assert throttled_unknown.status_code == 429
    await login(client, user_account.email, "not the password at all")
    throttled_known = await login(client, user_account.email, user_account.password)
    assert throttled_known.status_code == 429
    throttled = await audit_events("login_throttled")
    assert [event.details.get("attempted_email_hash") for event in throttled] == [
        next(iter(hashes)),
        None,
    ]
    assert [event.target_id for event in throttled] == [None, user_account.id]
