"""How a program is stored: bounded statements, all or nothing, one active program per owner."""

from collections.abc import AsyncIterator

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from alloy_api.auth.dependencies import Principal
from alloy_api.kit.ids import new_id
from alloy_api.movements import service as movements_service
from alloy_api.movements.schemas import MovementCreateRequest
from alloy_api.programs import service as programs_service
from alloy_api.programs.models import (
    Microcycle,
    Program,
    ProgramSession,
    SessionExercise,
)
from alloy_api.programs.repository import ActiveProgramConflictError, ProgramRepository
from alloy_api.reference.enums import ExerciseRole
from tests.library_support import error_codes, seed_everything
from tests.programs.support import create_program, program_body
from tests.query_plans import counting_statements

POSTGRES_FAILURE_TRIGGER = """
CREATE OR REPLACE FUNCTION fail_after_half_the_sessions() RETURNS trigger AS $$
BEGIN
    IF (SELECT count(*) FROM program_session WHERE program_id = NEW.program_id)
            >= 36 THEN
        RAISE EXCEPTION 'injected failure after 36 sessions';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER fail_after_half_the_sessions BEFORE INSERT ON program_session
    FOR EACH ROW EXECUTE FUNCTION fail_after_half_the_sessions();
"""
POSTGRES_FAILURE_TRIGGER_REMOVAL = """
DROP TRIGGER IF EXISTS fail_after_half_the_sessions ON program_session;
DROP FUNCTION IF EXISTS fail_after_half_the_sessions();
"""
SQLITE_FAILURE_TRIGGER = """
CREATE TRIGGER fail_after_half_the_sessions BEFORE INSERT ON program_session
WHEN (SELECT count(*) FROM program_session WHERE program_id = NEW.program_id)
    >= 36
BEGIN SELECT RAISE(ABORT, 'injected failure after 36 sessions'); END;
"""
SQLITE_FAILURE_TRIGGER_REMOVAL = "DROP TRIGGER IF EXISTS fail_after_half_the_sessions;"
SQL_VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "SET")


def _on_postgres() -> bool:
    return connections.get("default").capabilities.dialect == "postgres"


@pytest.fixture
async def failure_after_half_the_sessions(running_app) -> AsyncIterator[None]:
    """A trigger that makes the database refuse the 37th session row of a program."""
    connection = connections.get("default")
    postgres = _on_postgres()
    await connection.execute_script(
        POSTGRES_FAILURE_TRIGGER if postgres else SQLITE_FAILURE_TRIGGER
    )
    try:
        yield
    finally:
        await connection.execute_script(
            POSTGRES_FAILURE_TRIGGER_REMOVAL if postgres else SQLITE_FAILURE_TRIGGER_REMOVAL
        )


async def test_a_failure_half_way_leaves_no_program_behind(
    client, user_headers, failure_after_half_the_sessions
) -> None:
    await seed_everything()
    earlier = await create_program(client, user_headers, name="Earlier")
    response = await client.post(
        "/v1/programs",
        json=program_body(name="Doomed", duration_weeks=12, days_per_week=6),
        headers=user_headers,
    )
    body = await response.get_json()
    assert response.status_code == 500
    assert error_codes(body) == ["SYS_INTERNAL"]
    assert "injected" not in str(body)
    assert await Program.filter(name="Doomed").count() == 0
    assert await Program.all().count() == 1
    assert await Microcycle.exclude(program_id=earlier["id"]).count() == 0
    assert await ProgramSession.exclude(program_id=earlier["id"]).count() == 0
    assert (await Program.get(id=earlier["id"])).is_active, "the deactivation was rolled back"


def _sql(statements: list[str]) -> list[str]:
    return [text for text in statements if text.lstrip().upper().startswith(SQL_VERBS)]


def _storing(statements: list[str]) -> list[str]:
    """The statements that write the program, leaving out the reads a cold cache may add."""
    return [text for text in _sql(statements) if not text.lstrip().upper().startswith("SELECT")]


async def test_storing_a_program_takes_the_same_few_statements_whatever_its_size(
    client, user_headers
) -> None:
    await seed_everything()
    assert (await client.get("/v1/users/me", headers=user_headers)).status_code == 200
    await create_program(client, user_headers)  # fills the cached library and scoring config
    with counting_statements() as small:
        await create_program(client, user_headers, duration_weeks=8, days_per_week=2)
    with counting_statements() as large:
        created = await create_program(client, user_headers, duration_weeks=12, days_per_week=6)
    assert created["session_count"] == 72
    assert len(_storing(large.statements)) == len(_storing(small.statements))
    assert len(_sql(large.statements)) <= 12, large.statements
    inserts = [text for text in _storing(large.statements) if text.lstrip().startswith("INSERT")]
    assert len(inserts) == 4, "program, microcycles, sessions and exercises: one each"


async def test_reading_a_program_takes_one_statement(
    client, user_headers, other_user_account
) -> None:
    await seed_everything()
    created = await create_program(client, user_headers, duration_weeks=8, days_per_week=3)
    path = f"/v1/programs/{created['id']}"
    assert (await client.get(path, headers=user_headers)).status_code == 200
    with counting_statements() as reading:
        response = await client.get(path, headers=user_headers)
    program = (await response.get_json())["data"]
    assert len(_sql(reading.statements)) == 1, reading.statements
    assert program["id"] == created["id"]
    assert program["name"] == created["name"]
    assert program["microcycles"] == created["microcycles"]
    assert [cycle["sequence"] for cycle in program["microcycles"]] == list(range(1, 9))
    stranger = await client.get(path, headers=other_user_account.headers)
    assert stranger.status_code == 404


async def test_the_database_allows_one_active_program_per_owner(user_account) -> None:
    owner_id = user_account.user.id

    def program(owner, active: bool) -> Program:
        return Program(
            id=new_id(),
            owner_id=owner,
            name="Direct",
            start_date="2026-12-07",
            duration_weeks=8,
            days_per_week=3,
            max_session_minutes=60,
            progression_style="linear",
            deload_every_n_microcycles=4,
            goals=[],
            disciplines=[],
            is_active=active,
            scoring_config_version=1,
            seed=1,
            session_count=0,
        )

    await program(owner_id, True).save()
    await program(owner_id, False).save()
    await program(owner_id, False).save()
    await program(new_id(), True).save()
    with pytest.raises(IntegrityError):
        await program(owner_id, True).save()
    assert await Program.filter(owner_id=owner_id, is_active=True).count() == 1


async def test_a_refused_second_activation_is_reported_as_a_conflict(client, user_headers) -> None:
    """The backstop behind the lock: the database's refusal becomes CF_ACTIVE_PROGRAM_CHANGED."""
    await seed_everything()
    inactive = await create_program(client, user_headers, name="Inactive")
    await create_program(client, user_headers, name="Active")
    program = await Program.get(id=inactive["id"])
    with pytest.raises(ActiveProgramConflictError):
        await ProgramRepository().update_guarded(program, is_active=True)
    assert await Program.filter(is_active=True).count() == 1


async def test_deleting_a_program_removes_its_exercises(client, user_headers) -> None:
    await seed_everything()
    old = await create_program(client, user_headers)
    await create_program(client, user_headers, name="Current")
    assert await SessionExercise.filter(session__program_id=old["id"]).exists()
    response = await client.delete(f"/v1/programs/{old['id']}", headers=user_headers)
    assert response.status_code == 204
    assert not await SessionExercise.filter(session__program_id=old["id"]).exists()


async def test_the_generator_sees_the_owners_custom_movements_only(
    client, user_account, other_user_account
) -> None:
    await seed_everything()
    mine = await movements_service.create_movement(
        Principal.for_user(user_account.user),
        MovementCreateRequest(name="My Squat", pattern="squat", primary_muscle="quadriceps"),
    )
    theirs = await movements_service.create_movement(
        Principal.for_user(other_user_account.user),
        MovementCreateRequest(name="Their Squat", pattern="squat", primary_muscle="quadriceps"),
    )
    library = await programs_service.load_library(user_account.user.id)
    names = {option.name for option in library.movements}
    assert "My Squat" in names and "Their Squat" not in names
    assert str(mine.id) in {option.id for option in library.movements}
    assert str(theirs.id) not in {option.id for option in library.movements}
    assert library.circuits and library.config.version == 1
    assert set(library.config.roles) == set(ExerciseRole)


async def test_a_movement_used_by_a_program_cannot_be_deleted(client, user_headers) -> None:
    await seed_everything()
    movement = await client.post(
        "/v1/movements",
        json={"name": "Planned Curl", "pattern": "isolation", "primary_muscle": "biceps"},
        headers=user_headers,
    )
    movement_id = (await movement.get_json())["data"]["id"]
    program = await create_program(client, user_headers)
    session = await ProgramSession.filter(program_id=program["id"]).first()
    await SessionExercise.create(
        session=session,
        movement_id=movement_id,
        role="accessory",
        order=99,
        target_sets=3,
        rep_range_min=8,
        rep_range_max=12,
        rest_seconds=60,
    )
    response = await client.delete(f"/v1/movements/{movement_id}", headers=user_headers)
    assert response.status_code == 409
    assert error_codes(await response.get_json()) == ["BR_MOVEMENT_IN_USE"]
