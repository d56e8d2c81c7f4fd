"""Movement rules at the service: custom movements are private, system ones need an admin."""

import pytest
from tortoise.exceptions import IntegrityError

from alloy_api.audit.models import AuditEvent
from alloy_api.auth.dependencies import Principal
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


def acting(account) -> Principal:
    return Principal.for_user(account.user)


async def test_a_custom_movement_is_its_owners_only(
    user_account, other_user_account, admin_account
) -> None:
    owner, stranger = acting(user_account), acting(other_user_account)
    movement = await service.create_movement(owner, custom("Sissy Squat", equipment=["bench"]))
    assert movement.owner_id == owner.user_id and movement.region == "lower"
    assert (await service.get_movement(owner.user_id, movement.id)).name == "Sissy Squat"
    await assert_refused(ErrorCode.NF_MOVEMENT, service.get_movement(stranger.user_id, movement.id))
    rename = MovementUpdateRequest(name="Mine Now")
    await assert_refused(
        ErrorCode.NF_MOVEMENT, service.update_movement(stranger, movement.id, rename)
    )
    admin = acting(admin_account)
    await assert_refused(ErrorCode.NF_MOVEMENT, service.delete_movement(admin, movement.id))
    await service.delete_movement(owner, movement.id)
    assert not await Movement.filter(id=movement.id).exists()


async def test_system_movements_need_an_admin_to_change(user_account, admin_account) -> None:
    await seed_library([library_entry("System Squat")])
    system = await Movement.get(name="System Squat")
    user, admin = acting(user_account), acting(admin_account)
    rename = MovementUpdateRequest(description="changed")
    await assert_refused(ErrorCode.AUTH_FORBIDDEN, service.update_movement(user, system.id, rename))
    await assert_refused(ErrorCode.AUTH_FORBIDDEN, service.delete_movement(user, system.id))
    await assert_refused(
        ErrorCode.AUTH_FORBIDDEN,
        service.create_movement(user, custom("Other", is_custom=False)),
    )
    updated = await service.update_movement(admin, system.id, rename)
    assert updated.description == "changed"
    created = await service.create_movement(admin, custom("New System", is_custom=False))
    assert created.owner_id is None
    events = await AuditEvent.filter(target_type="movement").order_by("created_at")
    assert [(event.action, event.actor) for event in events] == [
        ("movement_updated", admin.actor),
        ("movement_created", admin.actor),
    ]


async def test_custom_movement_writes_are_not_admin_writes(user_account) -> None:
    await service.create_movement(acting(user_account), custom("Quiet"))
    assert not await AuditEvent.filter(target_type="movement").exists()


async def test_names_are_unique_per_owner_and_among_system_movements(
    user_account, other_user_account, admin_account
) -> None:
    await seed_library([library_entry("Front Squat")])
    owner, other = acting(user_account), acting(other_user_account)
    await service.create_movement(owner, custom("My Squat"))
    await service.create_movement(other, custom("my squat"))
    await service.create_movement(owner, custom("front squat"))
    await assert_refused(
        ErrorCode.CF_DUPLICATE_MOVEMENT_NAME,
        service.create_movement(owner, custom("MY SQUAT")),
    )
    await assert_refused(
        ErrorCode.CF_DUPLICATE_MOVEMENT_NAME,
        service.create_movement(acting(admin_account), custom("FRONT squat", is_custom=False)),
    )


async def test_the_database_itself_refuses_duplicate_names(running_app) -> None:
    owner = new_id()
    await Movement.create(**{**library_entry_values("Twin"), "owner_id": None})
    await Movement.create(**{**library_entry_values("Twin"), "owner_id": owner})
    for owner_id in (None, owner):
        with pytest.raises(IntegrityError):
            await Movement.create(**{**library_entry_values("TWIN"), "owner_id": owner_id})


async def test_updates_replace_equipment_and_keep_what_was_not_sent(user_account) -> None:
    owner = acting(user_account)
    movement = await service.create_movement(
        owner, custom("Patchable", equipment=["barbell"], disciplines=["other"])
    )
    updated = await service.update_movement(
        owner, movement.id, MovementUpdateRequest(equipment=["dumbbell", "bench"], name=None)
    )
    assert updated.name == "Patchable"
    assert {link.equipment for link in updated.equipment_links} == {"dumbbell", "bench"}
    assert {link.discipline for link in updated.discipline_links} == {"other"}
