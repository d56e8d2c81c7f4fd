"""Helpers for the program endpoint tests: request bodies and creating programs."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.library_support import seed_everything


def _monday_of_last_week() -> date:
    today = datetime.now(UTC).date()
    return today - timedelta(days=today.weekday() + 7)


PROGRAM_START = _monday_of_last_week()
"""Within a year of today, and far enough back that its first week's workouts are in the past."""


def program_day(offset: int) -> str:
    """The ISO date `offset` days after the program starts."""
    return (PROGRAM_START + timedelta(days=offset)).isoformat()


def program_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Spring Strength",
        "duration_weeks": 8,
        "days_per_week": 3,
        "max_session_minutes": 60,
        "goals": [{"goal": "strength", "weight": 6}, {"goal": "hypertrophy", "weight": 4}],
        "disciplines": [
            {"discipline": "powerlifting", "weight": 7},
            {"discipline": "bodybuilding", "weight": 3},
        ],
        "start_date": PROGRAM_START.isoformat(),
        "seed": 42,
    }
    body.update(overrides)
    return body


async def create_program(client, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    response = await client.post("/v1/programs", json=program_body(**overrides), headers=headers)
    body = await response.get_json()
    assert response.status_code == 201, body
    return body["data"]


async def seeded_program(client, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    await seed_everything()
    return await create_program(client, headers, **overrides)


async def first_session(client, program_id: str, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.get(f"/v1/programs/{program_id}/sessions?limit=1", headers=headers)
    body = await response.get_json()
    assert response.status_code == 200, body
    return body["data"]["items"][0]


async def walk(client, path: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    """Every item of a list endpoint, page by page."""
    items: list[dict[str, Any]] = []
    separator = "&" if "?" in path else "?"
    cursor: str | None = None
    while True:
        url = path if cursor is None else f"{path}{separator}cursor={cursor}"
        response = await client.get(url, headers=headers)
        body = await response.get_json()
        assert response.status_code == 200, body
        items.extend(body["data"]["items"])
        cursor = body["data"]["next_cursor"]
        if cursor is None:
            return items
