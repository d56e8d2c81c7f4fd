"""Every 201 names the resource it created in `Location`, and that URL reads it back."""

from tests.auth.factories import STRONG_PASSWORD
from tests.circuits.test_circuits import circuit_body, system_movement_ids
from tests.library_support import error_codes, seed_everything
from tests.programs.support import first_session, program_body, seeded_program
from tests.programs.test_session_routes import session_detail, workout_body


async def assert_located(client, response, headers, prefix: str) -> None:
    created = (await response.get_json())["data"]
    assert response.status_code == 201, created
    location = response.headers["Location"]
    assert location == f"{prefix}/{created['id']}"
    read_back = await client.get(location, headers=headers)
    assert read_back.status_code == 200
    assert (await read_back.get_json())["data"]["id"] == created["id"]


async def test_a_created_movement_is_located(client, user_headers) -> None:
    body = {"name": "Cossack Squat", "pattern": "lunge", "primary_muscle": "adductors"}
    response = await client.post("/v1/movements", json=body, headers=user_headers)
    await assert_located(client, response, user_headers, "/v1/movements")


async def test_a_created_circuit_is_located(client, admin_headers) -> None:
    await seed_everything()
    ids = await system_movement_ids("Burpee", "Air Squat")
    response = await client.post(
        "/v1/circuits", json=circuit_body("Located", ids), headers=admin_headers
    )
    await assert_located(client, response, admin_headers, "/v1/circuits")


async def test_a_generated_program_is_located_and_its_replay_too(client, user_headers) -> None:
    await seed_everything()
    headers = {**user_headers, "Idempotency-Key": "located-program-1"}
    first = await client.post("/v1/programs", json=program_body(), headers=headers)
    await assert_located(client, first, user_headers, "/v1/programs")
    replay = await client.post("/v1/programs", json=program_body(), headers=headers)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.headers["Location"] == first.headers["Location"]


async def test_a_logged_workout_is_located_and_only_its_owner_reads_it(
    client, user_headers, other_user_headers
) -> None:
    program = await seeded_program(client, user_headers)
    session = await first_session(client, program["id"], user_headers)
    detail = await session_detail(client, program["id"], session["id"], user_headers)
    movement_id = detail["exercises"][0]["movement_id"]
    response = await client.post(
        f"/v1/programs/{program['id']}/sessions/{session['id']}/workout_logs",
        json=workout_body(movement_id),
        headers=user_headers,
    )
    await assert_located(client, response, user_headers, "/v1/workout_logs")
    stranger = await client.get(response.headers["Location"], headers=other_user_headers)
    assert stranger.status_code == 404
    assert error_codes(await stranger.get_json()) == ["NF_WORKOUT_LOG"]
    malformed = await client.get("/v1/workout_logs/not-an-id", headers=user_headers)
    assert malformed.status_code == 400
    assert error_codes(await malformed.get_json()) == ["VAL_WORKOUT_LOG_ID"]


async def test_a_registered_account_is_located_at_me(client) -> None:
    body = {"email": "located@example.com", "password": STRONG_PASSWORD, "name": "Located"}
    response = await client.post("/v1/auth/register", json=body)
    assert response.status_code == 201, await response.get_json()
    assert response.headers["Location"] == "/v1/users/me"
