"""Programs over HTTP: generation, the active program, reading, renaming and deleting."""

import pytest

from alloy_api.programs.models import Microcycle, Program, ProgramSession, SessionExercise
from tests.library_support import error_codes, get_data, seed_everything
from tests.programs.support import (
    create_program,
    program_body,
    program_day,
    seeded_program,
    walk,
)

UNKNOWN_ID = "01936f1e-0000-7000-8000-000000000000"


async def test_creating_a_program_stores_it_whole_and_makes_it_active(client, user_headers) -> None:
    program = await seeded_program(client, user_headers, duration_weeks=12, days_per_week=6)
    assert program["is_active"] is True
    assert program["seed"] == 42 and program["scoring_config_version"] == 1
    assert [cycle["sequence"] for cycle in program["microcycles"]] == list(range(1, 13))
    assert [cycle["is_deload"] for cycle in program["microcycles"]][3] is True
    assert program["session_count"] == 72
    assert await ProgramSession.filter(program_id=program["id"]).count() == 72
    assert await SessionExercise.filter(session__program_id=program["id"]).count() > 72
    assert program["goals"] == program_body()["goals"]
    assert program["created_at"].endswith("Z")


async def test_the_same_inputs_and_seed_give_the_same_program(client, user_headers) -> None:
    first = await seeded_program(client, user_headers)
    second = await create_program(client, user_headers)

    async def plan_of(program_id: str) -> list[tuple]:
        rows = await SessionExercise.filter(session__program_id=program_id).values_list(
            "session__date", "session__session_type", "movement_id", "role", "order", "target_sets"
        )
        return sorted(rows)

    assert await plan_of(first["id"]) == await plan_of(second["id"])


async def test_without_a_seed_the_program_records_the_one_it_drew(client, user_headers) -> None:
    await seed_everything()
    body = program_body()
    del body["seed"]
    response = await client.post("/v1/programs", json=body, headers=user_headers)
    assert response.status_code == 201
    assert isinstance((await response.get_json())["data"]["seed"], int)


async def test_a_new_program_deactivates_the_owners_others_only(
    client, user_headers, other_user_headers
) -> None:
    first = await seeded_program(client, user_headers)
    strangers = await create_program(client, other_user_headers)
    second = await create_program(client, user_headers, name="Second")
    assert not (await Program.get(id=first["id"])).is_active
    assert (await Program.get(id=second["id"])).is_active
    assert (await Program.get(id=strangers["id"])).is_active


async def test_invalid_requests_name_the_field(client, user_headers) -> None:
    await seed_everything()
    response = await client.post(
        "/v1/programs", json=program_body(duration_weeks=6), headers=user_headers
    )
    assert response.status_code == 400
    assert error_codes(await response.get_json()) == ["VAL_DURATION_WEEKS"]
    assert not await Program.exists()


async def test_without_a_scoring_config_nothing_is_generated(client, user_headers) -> None:
    response = await client.post("/v1/programs", json=program_body(), headers=user_headers)
    assert response.status_code == 404
    assert error_codes(await response.get_json()) == ["NF_SCORING_CONFIG"]


async def test_listing_shows_only_the_owners_programs_with_the_active_filter(
    client, user_headers, other_user_headers
) -> None:
    await seeded_program(client, user_headers, name="One")
    await create_program(client, user_headers, name="Two")
    await create_program(client, user_headers, name="Three")
    await create_program(client, other_user_headers, name="Not mine")
    everything = await walk(client, "/v1/programs?limit=1", user_headers)
    assert [item["name"] for item in everything] == ["Three", "Two", "One"]
    active = await get_data(client, "/v1/programs?is_active=true", user_headers)
    assert [item["name"] for item in active["items"]] == ["Three"]
    assert active["filters_applied"] == {"is_active": True}
    inactive = await get_data(client, "/v1/programs?is_active=false&sort=name", user_headers)
    assert [item["name"] for item in inactive["items"]] == ["One", "Two"]
    assert inactive["items"][0]["microcycles"] is None


async def test_reading_a_program_includes_its_microcycles(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    read = await get_data(client, f"/v1/programs/{program['id']}", user_headers)
    assert read["microcycles"] == program["microcycles"]
    assert read["session_count"] == program["session_count"] == 24


async def test_patch_renames_and_activation_moves_the_active_flag(client, user_headers) -> None:
    first = await seeded_program(client, user_headers, name="First")
    second = await create_program(client, user_headers, name="Second")
    response = await client.patch(
        f"/v1/programs/{first['id']}",
        json={"is_active": True, "name": "First again"},
        headers=user_headers,
    )
    body = await response.get_json()
    assert response.status_code == 200, body
    assert body["data"]["is_active"] and body["data"]["name"] == "First again"
    assert not (await Program.get(id=second["id"])).is_active
    response = await client.patch(
        f"/v1/programs/{first['id']}", json={"is_active": False}, headers=user_headers
    )
    assert (await response.get_json())["data"]["is_active"] is False
    assert not await Program.filter(is_active=True).exists()


async def test_patch_refuses_a_blank_name(client, user_headers) -> None:
    program = await seeded_program(client, user_headers)
    response = await client.patch(
        f"/v1/programs/{program['id']}", json={"name": "  "}, headers=user_headers
    )
    assert response.status_code == 400
    assert error_codes(await response.get_json()) == ["VAL_NAME"]


async def test_deleting_the_active_program_is_refused(client, user_headers) -> None:
    active = await seeded_program(client, user_headers)
    response = await client.delete(f"/v1/programs/{active['id']}", headers=user_headers)
    body = await response.get_json()
    assert response.status_code == 409
    assert error_codes(body) == ["BR_PROGRAM_ACTIVE"]
    assert body["errors"][0]["details"] == {"program_id": active["id"], "is_active": True}
    assert await Program.exists(id=active["id"])


async def test_deleting_an_inactive_program_removes_all_of_it(client, user_headers) -> None:
    old = await seeded_program(client, user_headers)
    await create_program(client, user_headers, name="Newer")
    response = await client.delete(f"/v1/programs/{old['id']}", headers=user_headers)
    assert response.status_code == 204
    assert not await Program.exists(id=old["id"])
    assert not await Microcycle.exists(program_id=old["id"])
    assert not await ProgramSession.exists(program_id=old["id"])
    again = await client.get(f"/v1/programs/{old['id']}", headers=user_headers)
    assert again.status_code == 404


async def test_microcycles_are_listed_in_sequence(client, user_headers) -> None:
    program = await seeded_program(client, user_headers, deload_every_n_microcycles=3)
    cycles = await walk(client, f"/v1/programs/{program['id']}/microcycles?limit=5", user_headers)
    assert [cycle["sequence"] for cycle in cycles] == list(range(1, 9))
    assert [cycle["is_deload"] for cycle in cycles] == [
        False,
        False,
        True,
        False,
        False,
        True,
        False,
        False,
    ]
    assert {cycle["status"] for cycle in cycles} == {"planned"}
    assert cycles[1]["start_date"] == program_day(7)


PROGRAM_ROUTES = [
    ("GET", "/v1/programs/{program_id}"),
    ("PATCH", "/v1/programs/{program_id}"),
    ("DELETE", "/v1/programs/{program_id}"),
    ("GET", "/v1/programs/{program_id}/microcycles"),
    ("GET", "/v1/programs/{program_id}/sessions"),
]


@pytest.mark.parametrize(("method", "template"), PROGRAM_ROUTES)
async def test_program_routes_answer_only_the_owner(
    client, user_headers, other_user_headers, method: str, template: str
) -> None:
    program = await seeded_program(client, user_headers)
    path = template.format(program_id=program["id"])
    body = {"name": "Taken"} if method == "PATCH" else None
    anonymous = await client.open(path, method=method, json=body)
    assert anonymous.status_code == 401
    assert error_codes(await anonymous.get_json()) == ["AUTH_MISSING_TOKEN"]
    stranger = await client.open(path, method=method, json=body, headers=other_user_headers)
    assert stranger.status_code == 404
    assert error_codes(await stranger.get_json()) == ["NF_PROGRAM"]
    unknown = await client.open(
        template.format(program_id=UNKNOWN_ID), method=method, json=body, headers=user_headers
    )
    assert unknown.status_code == 404
    malformed = await client.open(
        template.format(program_id="not-an-id"), method=method, json=body, headers=user_headers
    )
    assert malformed.status_code == 400
    assert error_codes(await malformed.get_json()) == ["VAL_PROGRAM_ID"]
    assert (await Program.get(id=program["id"])).name == "Spring Strength"


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/programs"), ("POST", "/v1/programs"), ("GET", "/v1/workout_logs")],
)
async def test_collections_need_a_signed_in_user(client, method: str, path: str) -> None:
    body = program_body() if method == "POST" else None
    response = await client.open(path, method=method, json=body)
    assert response.status_code == 401
    assert error_codes(await response.get_json()) == ["AUTH_MISSING_TOKEN"]


async def test_a_program_read_carries_an_etag_and_answers_304_when_unchanged(
    client, user_headers
) -> None:
    program = await seeded_program(client, user_headers)
    path = f"/v1/programs/{program['id']}"
    first = await client.get(path, headers=user_headers)
    etag = first.headers["ETag"]
    unchanged = await client.get(path, headers={**user_headers, "If-None-Match": etag})
    assert unchanged.status_code == 304
    await client.patch(path, json={"name": "Renamed"}, headers=user_headers)
    changed = await client.get(path, headers={**user_headers, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
