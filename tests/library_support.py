"""Shared helpers for the library's endpoint tests: headers, seeding, list walking."""

from typing import Any

import pytest

from alloy_api.circuits import service as circuits_service
from alloy_api.movements import service as movements_service
from alloy_api.scoring import service as scoring_service


async def seed_everything() -> None:
    await movements_service.seed_library()
    await circuits_service.seed_library()
    await scoring_service.seed_default()


async def body_of(response) -> dict[str, Any]:
    return await response.get_json()


async def get_data(client, path: str, headers: dict[str, str], status: int = 200) -> Any:
    response = await client.get(path, headers=headers)
    body = await response.get_json()
    assert response.status_code == status, body
    return body["data"]


async def post_query(
    client, resource: str, headers: dict[str, str], **body: Any
) -> tuple[int, dict[str, Any]]:
    response = await client.post(f"/v1/{resource}/query", json=body, headers=headers)
    return response.status_code, await response.get_json()


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error["code"] for error in body["errors"]]


@pytest.fixture
def user_headers(user_account: Any) -> dict[str, str]:
    return user_account.headers


@pytest.fixture
def other_user_headers(other_user_account: Any) -> dict[str, str]:
    return other_user_account.headers


@pytest.fixture
def admin_headers(admin_account: Any) -> dict[str, str]:
    return admin_account.headers
