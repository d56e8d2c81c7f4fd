"""The generator reads the shared library (system movements, circuits) from the cache until a
library write retires it; each owner's own movements are read from the database every time."""

from uuid import UUID

from quart import Quart

from alloy_api.movements.models import Movement
from alloy_api.programs.service import load_library
from tests.library_support import get_data, seed_everything
from tests.programs.support import create_program, first_session

RENAMED = "Renamed Behind The Cache"


async def library_names(app: Quart, owner_id: str) -> set[str]:
    async with app.app_context():
        library = await load_library(UUID(owner_id))
    return {movement.name for movement in library.movements}


async def first_system_movement() -> Movement:
    movement = await Movement.filter(owner_id=None).order_by("name").first()
    assert movement is not None
    return movement


async def test_the_shared_library_is_cached_until_a_library_write(
    app, client, user_account, admin_headers
) -> None:
    await seed_everything()
    movement = await first_system_movement()
    assert movement.name in await library_names(app, user_account.id)
    await Movement.filter(id=movement.id).update(name=RENAMED)
    assert movement.name in await library_names(app, user_account.id)
    patched = await client.patch(
        f"/v1/movements/{movement.id}", json={"description": "tuned"}, headers=admin_headers
    )
    assert patched.status_code == 200
    names = await library_names(app, user_account.id)
    assert RENAMED in names
    assert movement.name not in names


async def test_an_owners_movements_are_theirs_alone_and_never_wait_for_the_cache(
    app, client, user_account, other_user_account
) -> None:
    await seed_everything()
    assert await library_names(app, other_user_account.id)
    created = await client.post(
        "/v1/movements",
        json={"name": "Garage Sled Drag", "pattern": "carry", "primary_muscle": "quadriceps"},
        headers=user_account.headers,
    )
    assert created.status_code == 201
    assert "Garage Sled Drag" in await library_names(app, user_account.id)
    assert "Garage Sled Drag" not in await library_names(app, other_user_account.id)


async def test_a_program_from_the_cached_library_equals_one_from_the_database(
    client, user_account, other_user_account
) -> None:
    await seed_everything()
    from_database = await create_program(client, user_account.headers)
    from_cache = await create_program(client, other_user_account.headers)
    assert await _first_session_exercises(client, from_database["id"], user_account.headers) == (
        await _first_session_exercises(client, from_cache["id"], other_user_account.headers)
    )


async def _first_session_exercises(client, program_id: str, headers) -> list[tuple]:
    session = await first_session(client, program_id, headers)
    detail = await get_data(client, f"/v1/programs/{program_id}/sessions/{session['id']}", headers)
    return [
        (exercise["movement_id"], exercise["role"], exercise["order"], exercise["target_sets"])
        for exercise in detail["exercises"]
    ]
