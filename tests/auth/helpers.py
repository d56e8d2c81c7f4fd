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


async def signed_in_headers(client, account) -> dict[str, str]:
    """The headers of a new session of `account` (a login)."""
    credentials = {"email": account.email, "password": account.password}
    if account.totp_secret is not None:
        credentials["otp_code"] = account.next_totp_code(steps_ahead=0)
    response = await client.post("/v1/auth/login", json=credentials)
    return {"Authorization": f"Bearer {(await response.get_json())['data']['access_token']}"}
