"""Movement rules at the service: custom movements are private, system ones need an admin."""

import pytest
from tortoise.exceptions import IntegrityError

from alloy_api.kit.errors import DomainError, ErrorCode
from alloy_api.kit.ids import new_id
from alloy_api.movements import service
from alloy_api.movements.models import Movement
from alloy_api.movements.schemas import MovementCreateRequest, MovementUpdateRequest
from alloy_api.movements.service import seed_library
from tests.db.test_transactions import library_entry_values
from tests.movements.factories import library_entry


def custom(name: str, **fields) -> MovementCreateRequest:
    return MovementCreateRequest(name=name, pattern="squat", primary_muscle="quadriceps", **fields)


async def assert_refused(code: ErrorCode, coroutine) -> None:
    with pytest.raises(DomainError) as raised:
        await coroutine
    assert raised.value.error_code is code


async def test_a_custom_movement_is_its_owners_only(running_app) -> None:
    owner, stranger = new_id(), new_id()
    movement = await service.create_movement(
        owner, False, custom("Sissy Squat", equipment=["bench"])
    )
    assert movement.owner_id == owner and movement.region == "lower"
    assert (await service.get_movement(owner, movement.id)).name == "Sissy Squat"
    await assert_refused(ErrorCode.NF_MOVEMENT, service.get_movement(stranger, movement.id))
    rename = MovementUpdateRequest(name="Mine Now")
    await assert_refused(
        ErrorCode.NF_MOVEMENT, service.update_movement(stranger, False, movement.id, rename)
    )
    await assert_refused(
        ErrorCode.NF_MOVEMENT, service.delete_movement(stranger, True, movement.id)
    )
    await service.delete_movement(owner, False, movement.id)
    assert not await Movement.filter(id=movement.id).exists()


async def test_system_movements_need_an_admin_to_change(running_app) -> None:
    await seed_library([library_entry("System Squat")])
    system = await Movement.get(name="System Squat")
    user = new_id()
    rename = MovementUpdateRequest(description="changed")
    await assert_refused(
        ErrorCode.AUTH_FORBIDDEN, service.update_movement(user, False, system.id, rename)
    )
    await assert_refused(ErrorCode.AUTH_FORBIDDEN, service.delete_movement(user, False, system.id))
    await assert_refused(
        ErrorCode.AUTH_FORBIDDEN,
        service.create_movement(user, False, custom("Other", is_custom=False)),
    )
    updated = await service.update_movement(user, True, system.id, rename)
    assert updated.description == "changed"
    created = await service.create_movement(user, True, custom("New System", is_custom=False))
    assert created.owner_id is None


async def test_names_are_unique_per_owner_and_among_system_movements(running_app) -> None:
    await seed_library([library_entry("Front Squat")])
    owner, other = new_id(), new_id()
    await service.create_movement(owner, False, custom("My Squat"))
    await service.create_movement(other, False, custom("my squat"))
    await service.create_movement(owner, False, custom("front squat"))
    await assert_refused(
        ErrorCode.CF_DUPLICATE_MOVEMENT_NAME,
        service.create_movement(owner, False, custom("MY SQUAT")),
    )
    await assert_refused(
        ErrorCode.CF_DUPLICATE_MOVEMENT_NAME,
        service.create_movement(owner, True, custom("FRONT squat", is_custom=False)),
    )


async def test_the_database_itself_refuses_duplicate_names(running_app) -> None:
    owner = new_id()
    await Movement.create(**{**library_entry_values("Twin"), "owner_id": None})
    await Movement.create(**{**library_entry_values("Twin"), "owner_id": owner})
    for owner_id in (None, owner):
        with pytest.raises(IntegrityError):
            await Movement.create(**{**library_entry_values("TWIN"), "owner_id": owner_id})


async def test_updates_replace_equipment_and_keep_what_was_not_sent(running_app) -> None:
    owner = new_id()
    movement = await service.create_movement(
        owner, False, custom("Patchable", equipment=["barbell"], disciplines=["other"])
    )
    updated = await service.update_movement(
        owner, False, movement.id, MovementUpdateRequest(equipment=["dumbbell", "bench"], name=None)
    )
    assert updated.name == "Patchable"
    assert {link.equipment for link in updated.equipment_links} == {"dumbbell", "bench"}
    assert {link.discipline for link in updated.discipline_links} == {"other"}
