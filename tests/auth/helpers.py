from typing import Any

from alloy_api.audit.models import AuditEvent


async def body_of(response: Any) -> dict:
    return await response.get_json()


def error_codes(body: dict) -> list[str]:
    return [error["code"] for error in body["errors"]]


async def audit_events(action: str) -> list[AuditEvent]:
    return await AuditEvent.filter(action=action).order_by("created_at", "id")


async def login(client: Any, email: str, password: str, **extra: Any) -> Any:
    return await client.post("/v1/auth/login", json={"email": email, "password": password, **extra})


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}
