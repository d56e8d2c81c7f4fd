"""Concurrent activations of one owner's programs: never a 500, always exactly one active."""

import asyncio
from collections.abc import Callable
from http import HTTPStatus

import pytest

from alloy_api.programs.models import Program
from alloy_api.settings import Settings
from tests.library_support import error_codes, seed_everything
from tests.programs.support import create_program, program_body

ROUNDS = 30
ACCEPTED_CONFLICTS = {"CF_ACTIVE_PROGRAM_CHANGED"}


async def _activate(client, program_id: str, headers: dict[str, str]) -> tuple[int, list[str]]:
    response = await client.patch(
        f"/v1/programs/{program_id}", json={"is_active": True}, headers=headers
    )
    body = await response.get_json()
    return response.status_code, error_codes(body)


@pytest.fixture
def settings(settings_factory: Callable[..., Settings]) -> Settings:
    """Rate limits off: these tests send far more writes in a minute than a person would."""
    return settings_factory(rate_limit_enabled=False)


def _acceptable(outcome: tuple[int, list[str]]) -> bool:
    status, codes = outcome
    if status == HTTPStatus.OK:
        return codes == []
    return status == HTTPStatus.CONFLICT and set(codes) <= ACCEPTED_CONFLICTS


async def test_two_concurrent_activations_leave_exactly_one_active_program(
    client, user_headers
) -> None:
    """Each round starts from a third active program, so both requests must change the flags."""
    await seed_everything()
    first = await create_program(client, user_headers, name="First")
    second = await create_program(client, user_headers, name="Second")
    resting = await create_program(client, user_headers, name="Resting")
    contenders = [first["id"], second["id"]]
    for round_number in range(ROUNDS):
        assert await _activate(client, resting["id"], user_headers) == (HTTPStatus.OK, [])
        order = contenders if round_number % 2 else list(reversed(contenders))
        outcomes = await asyncio.gather(
            *(_activate(client, program_id, user_headers) for program_id in order)
        )
        assert all(_acceptable(outcome) for outcome in outcomes), (round_number, outcomes)
        assert any(status == HTTPStatus.OK for status, _ in outcomes), outcomes
        actives = await Program.filter(is_active=True).values_list("id", flat=True)
        assert len(actives) == 1, (round_number, outcomes)
        assert str(actives[0]) in contenders


async def test_concurrent_creations_leave_exactly_one_active_program(client, user_headers) -> None:
    await seed_everything()
    outcomes = []
    for _ in range(5):
        responses = await asyncio.gather(
            *(
                client.post(
                    "/v1/programs",
                    json=program_body(name=f"Parallel {index}"),
                    headers=user_headers,
                )
                for index in range(2)
            )
        )
        for response in responses:
            outcomes.append((response.status_code, error_codes(await response.get_json())))
        assert await Program.filter(is_active=True).count() == 1
    assert all(
        status == HTTPStatus.CREATED or _acceptable((status, codes)) for status, codes in outcomes
    ), outcomes
