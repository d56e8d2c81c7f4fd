"""Domain checks over HTTP: a program starts within a year of today; a workout happened between
the program's start and now, and each logged movement is planned or names what it replaced."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from alloy_api.kit.errors import FieldValidationError
from alloy_api.movements.models import Movement
from alloy_api.programs.models import ProgramSession, TopSet, WorkoutLog
from alloy_api.programs.workout_rules import check_performed_at, performed_at_window
from tests.library_support import error_codes, get_data
from tests.programs.support import PROGRAM_START, first_session, program_body, seeded_program

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def top_set(movement_id: str, **extra: Any) -> dict[str, Any]:
    return {"movement_id": movement_id, "weight_kg": 80, "reps": 6, **extra}


def workout(*top_sets: dict[str, Any], performed_at: datetime | None = None) -> dict[str, Any]:
    moment = performed_at or datetime.now(UTC) - timedelta(hours=1)
    return {
        "performed_at": moment.isoformat(),
        "duration_minutes": 50,
        "perceived_difficulty": 7,
        "enjoyment": 4,
        "top_sets": list(top_sets),
    }


async def planned_session(client, headers) -> tuple[str, dict[str, Any]]:
    """A new program's first session with its exercises; the path its logs are posted to."""
    program = await seeded_program(client, headers)
    session = await first_session(client, program["id"], headers)
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}"
    return f"{path}/workout_logs", await get_data(client, path, headers)


async def unplanned_movement_id(session: dict[str, Any]) -> str:
    planned = {exercise["movement_id"] for exercise in session["exercises"]}
    movement = await Movement.filter(owner_id=None).exclude(id__in=planned).first()
    assert movement is not None
    return str(movement.id)


async def post(client, path: str, body: dict[str, Any], headers) -> tuple[int, dict[str, Any]]:
    response = await client.post(path, json=body, headers=headers)
    return response.status_code, await response.get_json()


async def test_a_program_starting_in_1999_is_refused(client, user_headers) -> None:
    status, body = await post(
        client, "/v1/programs", program_body(start_date="1999-01-04"), user_headers
    )
    assert status == 400
    assert error_codes(body) == ["VAL_START_DATE"]
    assert body["errors"][0]["details"]["reason"] == "date_range"
    next_year = (date.today() + timedelta(days=400)).isoformat()
    status, body = await post(
        client, "/v1/programs", program_body(start_date=next_year), user_headers
    )
    assert (status, error_codes(body)) == (400, ["VAL_START_DATE"])


async def test_a_workout_in_the_future_is_refused_beyond_five_minutes(client, user_headers) -> None:
    path, session = await planned_session(client, user_headers)
    movement_id = session["exercises"][0]["movement_id"]
    in_2030 = datetime(2030, 1, 1, tzinfo=UTC)
    status, body = await post(
        client, path, workout(top_set(movement_id), performed_at=in_2030), user_headers
    )
    assert (status, error_codes(body)) == (400, ["VAL_PERFORMED_AT"])
    assert body["errors"][0]["details"]["reason"] == "in_future"
    assert not await WorkoutLog.exists()
    within_skew = datetime.now(UTC) + timedelta(minutes=2)
    status, body = await post(
        client, path, workout(top_set(movement_id), performed_at=within_skew), user_headers
    )
    assert status == 201, body


async def test_a_workout_before_the_program_starts_is_refused(client, user_headers) -> None:
    path, session = await planned_session(client, user_headers)
    movement_id = session["exercises"][0]["movement_id"]
    day_before = datetime.combine(PROGRAM_START, datetime.min.time(), tzinfo=UTC) - timedelta(
        days=1
    )
    status, body = await post(
        client, path, workout(top_set(movement_id), performed_at=day_before), user_headers
    )
    assert (status, error_codes(body)) == (400, ["VAL_PERFORMED_AT"])
    details = body["errors"][0]["details"]
    assert details["reason"] == "before_program_start"
    assert (await ProgramSession.get(id=session["id"])).status == "planned"


async def test_an_unplanned_movement_needs_the_exercise_it_replaced(client, user_headers) -> None:
    path, session = await planned_session(client, user_headers)
    planned = session["exercises"][0]
    swapped_in = await unplanned_movement_id(session)
    status, body = await post(
        client, path, workout(top_set(planned["movement_id"]), top_set(swapped_in)), user_headers
    )
    assert (status, error_codes(body)) == (400, ["VAL_UNPLANNED_MOVEMENT"])
    assert body["errors"][0]["details"] == {
        "field": "top_sets.1.movement_id",
        "index": 1,
        "actual": swapped_in,
    }
    assert not await WorkoutLog.exists()

    substitution = top_set(swapped_in, substitutes_exercise_id=planned["id"])
    status, body = await post(client, path, workout(substitution), user_headers)
    assert status == 201, body
    assert body["data"]["top_sets"][0]["substitutes_exercise_id"] == planned["id"]
    stored = await TopSet.get(workout_log_id=body["data"]["id"])
    assert str(stored.substitutes_exercise_id) == planned["id"]
    listed = await get_data(client, "/v1/workout_logs", user_headers)
    assert listed["items"][0]["top_sets"][0]["substitutes_exercise_id"] == planned["id"]


async def test_a_planned_movement_logs_without_a_substitution(client, user_headers) -> None:
    path, session = await planned_session(client, user_headers)
    status, body = await post(
        client, path, workout(top_set(session["exercises"][0]["movement_id"])), user_headers
    )
    assert status == 201, body
    assert body["data"]["top_sets"][0]["substitutes_exercise_id"] is None


@pytest.mark.parametrize("reason", ["not_in_session", "same_movement"])
async def test_a_substitution_must_replace_another_exercise_of_the_session(
    client, user_headers, reason: str
) -> None:
    path, session = await planned_session(client, user_headers)
    planned = session["exercises"][0]
    if reason == "same_movement":
        logged = top_set(planned["movement_id"], substitutes_exercise_id=planned["id"])
    else:
        other_exercise = "01936f1e-0000-7000-8000-000000000000"
        logged = top_set(
            await unplanned_movement_id(session), substitutes_exercise_id=other_exercise
        )
    status, body = await post(client, path, workout(logged), user_headers)
    assert (status, error_codes(body)) == (400, ["VAL_TOP_SETS_SUBSTITUTES_EXERCISE_ID"])
    assert body["errors"][0]["details"]["reason"] == reason
    assert not await WorkoutLog.exists()


def test_the_performed_at_window_runs_from_the_start_dates_first_moment_anywhere_to_now() -> None:
    earliest, latest = performed_at_window(date(2026, 11, 30), NOW)
    assert earliest == datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    assert latest == NOW + timedelta(minutes=5)
    check_performed_at(earliest, date(2026, 11, 30), NOW)
    check_performed_at(latest, date(2026, 11, 30), NOW)
    for moment, reason in (
        (earliest - timedelta(seconds=1), "before_program_start"),
        (latest + timedelta(seconds=1), "in_future"),
    ):
        with pytest.raises(FieldValidationError) as refused:
            check_performed_at(moment, date(2026, 11, 30), NOW)
        assert refused.value.items()[0].details["reason"] == reason
