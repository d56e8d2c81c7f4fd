"""Sessions, their exercises and workout logs over HTTP."""

import pytest

from alloy_api.programs.models import ProgramSession, WorkoutLog
from alloy_api.programs.service import epley_one_rep_max
from tests.library_support import error_codes, get_data
from tests.programs.support import (
    create_program,
    first_session,
    program_day,
    seeded_program,
    walk,
)

UNKNOWN_ID = "01936f1e-0000-7000-8000-000000000000"


def workout_body(movement_id: str, **overrides) -> dict:
    body = {
        "performed_at": f"{program_day(0)}T18:30:00+01:00",
        "duration_minutes": 55,
        "perceived_difficulty": 7,
        "enjoyment": 4,
        "notes": "felt strong",
        "top_sets": [{"movement_id": movement_id, "weight_kg": 100, "reps": 5, "rpe": 8}],
    }
    body.update(overrides)
    return body


async def session_detail(client, program_id: str, session_id: str, headers) -> dict:
    return await get_data(client, f"/v1/programs/{program_id}/sessions/{session_id}", headers)


async def test_sessions_are_listed_by_date_with_filters(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    path = f"/v1/programs/{program['id']}/sessions"
    every = await walk(client, f"{path}?limit=7", user_headers)
    assert len(every) == program["session_count"] == 24
    assert [item["date"] for item in every] == sorted(item["date"] for item in every)
    first_week = await walk(
        client, f"{path}?date_from={program_day(0)}&date_to={program_day(6)}", user_headers
    )
    assert [item["date"] for item in first_week] == [
        item["date"] for item in every if item["date"] <= program_day(6)
    ]
    assert len(first_week) == 3
    page = await get_data(client, f"{path}?date_from={program_day(0)}&status=planned", user_headers)
    assert page["filters_applied"] == {"date_from": program_day(0), "status": "planned"}
    completed = await get_data(client, f"{path}?status=completed", user_headers)
    assert completed["items"] == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("status=done", "VAL_STATUS"),
        ("date_from=yesterday", "VAL_DATE_FROM"),
        ("date_from=2026-12-10&date_to=2026-12-01", "VAL_DATE_TO"),
        ("limit=0", "VAL_LIMIT"),
        ("sort=estimated_minutes", "VAL_SORT"),
    ],
)
async def test_bad_session_queries_are_refused(client, user_headers, query: str, code: str) -> None:
    program = await seeded_program(client, user_headers)
    response = await client.get(
        f"/v1/programs/{program['id']}/sessions?{query}", headers=user_headers
    )
    assert response.status_code == 400
    assert error_codes(await response.get_json()) == [code]


async def test_a_session_detail_lists_its_exercises_with_their_movement(
    client, user_headers
) -> None:
    program = await seeded_program(client, user_headers)
    listed = await first_session(client, program["id"], user_headers)
    detail = await session_detail(client, program["id"], listed["id"], user_headers)
    assert {key: detail[key] for key in listed} == listed
    assert detail["exercises"], "a session has exercises"
    assert [exercise["order"] for exercise in detail["exercises"]] == sorted(
        exercise["order"] for exercise in detail["exercises"]
    )
    for exercise in detail["exercises"]:
        assert exercise["movement"]["id"] == exercise["movement_id"]
        assert set(exercise["movement"]) == {"id", "name", "pattern"}
        assert exercise["rep_range_min"] <= exercise["rep_range_max"]
    assert detail["status"] == "planned" and detail["program_id"] == program["id"]


async def test_a_session_of_another_program_is_not_found(client, user_headers) -> None:
    first = await seeded_program(client, user_headers)
    second = await create_program(client, user_headers, name="Other")
    session = await first_session(client, first["id"], user_headers)
    response = await client.get(
        f"/v1/programs/{second['id']}/sessions/{session['id']}", headers=user_headers
    )
    assert response.status_code == 404
    assert error_codes(await response.get_json()) == ["NF_SESSION"]


async def test_patching_a_session_moves_it_and_notes_it(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}"
    response = await client.patch(
        path, json={"date": program_day(1), "notes": "moved a day"}, headers=user_headers
    )
    body = await response.get_json()
    assert response.status_code == 200, body
    assert body["data"]["date"] == program_day(1) and body["data"]["notes"] == "moved a day"
    assert body["data"]["exercises"]
    response = await client.patch(path, json={"notes": None}, headers=user_headers)
    assert (await response.get_json())["data"]["notes"] is None
    assert (await ProgramSession.get(id=session["id"])).date.isoformat() == program_day(1)


async def test_a_completed_session_cannot_change(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}"
    done = await client.patch(path, json={"status": "completed"}, headers=user_headers)
    assert (await done.get_json())["data"]["status"] == "completed"
    for change in ({"notes": "later"}, {"status": "planned"}, {"date": program_day(2)}):
        response = await client.patch(path, json=change, headers=user_headers)
        body = await response.get_json()
        assert response.status_code == 409, change
        assert error_codes(body) == ["BR_SESSION_COMPLETE"]
    assert (await ProgramSession.get(id=session["id"])).notes is None


async def test_logging_a_workout_completes_the_session(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    detail = await session_detail(client, program["id"], session["id"], user_headers)
    movement_id = detail["exercises"][0]["movement_id"]
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}/workout_logs"
    response = await client.post(
        path,
        json=workout_body(
            movement_id,
            top_sets=[
                {"movement_id": movement_id, "weight_kg": 100, "reps": 5, "rpe": 8},
                {"movement_id": movement_id, "weight_kg": 120, "reps": 1, "rir": 0},
            ],
        ),
        headers=user_headers,
    )
    body = await response.get_json()
    assert response.status_code == 201, body
    log = body["data"]
    assert log["session_id"] == session["id"] and log["program_id"] == program["id"]
    assert log["performed_at"] == f"{program_day(0)}T17:30:00.000Z"
    assert [top_set["estimated_1rm_kg"] for top_set in log["top_sets"]] == [116.67, 120.0]
    after = await session_detail(client, program["id"], session["id"], user_headers)
    assert after["status"] == "completed"
    again = await client.post(path, json=workout_body(movement_id), headers=user_headers)
    assert again.status_code == 409
    assert error_codes(await again.get_json()) == ["BR_SESSION_COMPLETE"]
    assert await WorkoutLog.filter(session_id=session["id"]).count() == 1


def test_epley_estimates_the_one_rep_max() -> None:
    assert epley_one_rep_max(100, 10) == 133.33
    assert epley_one_rep_max(140, 1) == 140
    assert epley_one_rep_max(60.5, 3) == 66.55


async def test_a_workout_with_an_unknown_movement_changes_nothing(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}/workout_logs"
    response = await client.post(path, json=workout_body(UNKNOWN_ID), headers=user_headers)
    body = await response.get_json()
    assert response.status_code == 400
    assert error_codes(body) == ["VAL_TOP_SETS_MOVEMENT_ID"]
    assert (await ProgramSession.get(id=session["id"])).status == "planned"
    assert not await WorkoutLog.exists()


@pytest.mark.parametrize(
    ("override", "code"),
    [
        ({"perceived_difficulty": 11}, "VAL_PERCEIVED_DIFFICULTY"),
        ({"enjoyment": 0}, "VAL_ENJOYMENT"),
        ({"performed_at": f"{program_day(0)}T18:30:00"}, "VAL_PERFORMED_AT"),
    ],
)
async def test_bad_workout_logs_name_the_field(client, user_headers, override, code) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    path = f"/v1/programs/{program['id']}/sessions/{session['id']}/workout_logs"
    response = await client.post(
        path, json=workout_body(UNKNOWN_ID, **override), headers=user_headers
    )
    assert response.status_code == 400
    assert error_codes(await response.get_json()) == [code]


async def test_workout_logs_are_listed_for_their_owner_only(
    client, user_headers, other_user_headers
) -> None:
    program = await seeded_program(client, user_headers)
    sessions = await walk(client, f"/v1/programs/{program['id']}/sessions", user_headers)
    for session in sessions[:3]:
        detail = await session_detail(client, program["id"], session["id"], user_headers)
        response = await client.post(
            f"/v1/programs/{program['id']}/sessions/{session['id']}/workout_logs",
            json=workout_body(detail["exercises"][0]["movement_id"]),
            headers=user_headers,
        )
        assert response.status_code == 201
    logs = await walk(client, "/v1/workout_logs?limit=2&sort=created_at", user_headers)
    assert [log["session_id"] for log in logs] == [session["id"] for session in sessions[:3]]
    by_program = await get_data(
        client, f"/v1/workout_logs?program_id={program['id']}", user_headers
    )
    assert len(by_program["items"]) == 3
    theirs = await get_data(client, "/v1/workout_logs", other_user_headers)
    assert theirs["items"] == []


SESSION_ROUTES = [
    ("GET", "/v1/programs/{program_id}/sessions/{session_id}", None),
    ("PATCH", "/v1/programs/{program_id}/sessions/{session_id}", {"notes": "mine"}),
    (
        "POST",
        "/v1/programs/{program_id}/sessions/{session_id}/workout_logs",
        workout_body(UNKNOWN_ID, top_sets=[]),
    ),
]


@pytest.mark.parametrize(("method", "template", "body"), SESSION_ROUTES)
async def test_session_routes_answer_only_the_owner(
    client, user_headers, other_user_headers, method, template, body
) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    path = template.format(program_id=program["id"], session_id=session["id"])
    anonymous = await client.open(path, method=method, json=body)
    assert anonymous.status_code == 401
    stranger = await client.open(path, method=method, json=body, headers=other_user_headers)
    assert stranger.status_code == 404
    assert error_codes(await stranger.get_json()) == ["NF_PROGRAM"]
    unknown_session = template.format(program_id=program["id"], session_id=UNKNOWN_ID)
    missing = await client.open(unknown_session, method=method, json=body, headers=user_headers)
    assert missing.status_code == 404
    assert error_codes(await missing.get_json()) == ["NF_SESSION"]
    malformed = template.format(program_id=program["id"], session_id="nope")
    refused = await client.open(malformed, method=method, json=body, headers=user_headers)
    assert refused.status_code == 400
    assert error_codes(await refused.get_json()) == ["VAL_SESSION_ID"]
    stored = await ProgramSession.get(id=session["id"])
    assert stored.status == "planned" and stored.notes is None
