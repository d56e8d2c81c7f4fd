"""GET /v1/admin/audit_events: paginated, filtered by action, actor and time."""

from datetime import timedelta
from urllib.parse import quote

from alloy_api.audit.service import AuditAction, record
from alloy_api.kit.time import format_utc, utc_now
from tests.auth.helpers import body_of, error_codes

AUDIT = "/v1/admin/audit_events"


async def test_events_are_listed_newest_first_with_every_field(client, admin_account) -> None:
    await record(AuditAction.ROLE_GRANTED, actor="cli:ops", target_type="user", target_id="x")
    await record(AuditAction.LOGOUT, actor="user:y", details={"revoked_tokens": 1})
    body = await body_of(await client.get(AUDIT, headers=admin_account.headers))
    items = body["data"]["items"]
    assert [item["action"] for item in items] == ["logout", "role_granted"]
    assert set(items[0]) == {
        "id",
        "action",
        "outcome",
        "actor_id",
        "actor",
        "target_type",
        "target_id",
        "ip",
        "user_agent",
        "request_id",
        "details",
        "created_at",
    }
    assert items[0]["details"] == {"revoked_tokens": 1}
    assert items[1]["actor"] == "cli:ops"


async def test_filters_by_action_actor_and_since(client, admin_account, user_account) -> None:
    await record(AuditAction.LOGOUT, actor="user:a", actor_id=user_account.user.id)
    await record(AuditAction.LOGOUT, actor="anonymous")
    await record(AuditAction.LOGIN_FAILED, actor="anonymous")
    by_action = await body_of(
        await client.get(f"{AUDIT}?action=logout", headers=admin_account.headers)
    )
    assert len(by_action["data"]["items"]) == 2
    assert by_action["data"]["filters_applied"] == {"action": "logout"}
    by_actor = await body_of(
        await client.get(f"{AUDIT}?actor_id={user_account.id}", headers=admin_account.headers)
    )
    assert [item["actor_id"] for item in by_actor["data"]["items"]] == [user_account.id]
    future = quote(format_utc(utc_now() + timedelta(minutes=1)))
    since = await body_of(
        await client.get(f"{AUDIT}?since={future}", headers=admin_account.headers)
    )
    assert since["data"]["items"] == []
    bad = await client.get(f"{AUDIT}?actor_id=nope", headers=admin_account.headers)
    assert error_codes(await body_of(bad)) == ["VAL_ACTOR_ID"]


async def test_walking_pages_returns_each_event_once(client, admin_account) -> None:
    for index in range(5):
        await record(AuditAction.LOGOUT, actor=f"user:{index}")
    seen, cursor = [], None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        page = (
            await body_of(
                await client.get(f"{AUDIT}?limit=2{suffix}", headers=admin_account.headers)
            )
        )["data"]
        seen += [item["actor"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_next"]:
            break
    assert seen == [f"user:{index}" for index in reversed(range(5))]
