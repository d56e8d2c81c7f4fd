"""The library is read from the cache until a write through a service replaces it.

Each test changes rows behind the cache's back (straight in the database) to show the cached
value is served, then writes through the API or the CLI and sees the new value at once.
"""

import asyncio

import httpx
import pytest

from alloy_api.circuits.models import Circuit
from alloy_api.movements.models import Movement
from alloy_api.scoring.models import ScoringConfigVersion
from tests.circuits.test_circuits import circuit_body, system_movement_ids
from tests.conftest import TEST_DATABASE_URL, TEST_REDIS_URL
from tests.library_support import get_data, seed_everything
from tests.scoring.test_scoring_config import PATH as SCORING_PATH
from tests.scoring.test_scoring_config import config_body
from tests.test_migrations import alloy

PUBSUB_POLLS = 20
PUBSUB_POLL_SECONDS = 0.05
NEAR_TTL_SECONDS = 5
"""The default near-cache lifetime: the write must be seen well before the copy would expire."""


async def first_system_movement() -> Movement:
    movement = await Movement.filter(owner_id=None).order_by("name").first()
    assert movement is not None
    return movement


async def test_a_movement_is_served_from_the_cache_until_a_patch(
    client, user_headers, admin_headers
) -> None:
    await seed_everything()
    movement = await first_system_movement()
    path = f"/v1/movements/{movement.id}"
    original = await get_data(client, path, user_headers)
    await Movement.filter(id=movement.id).update(description="changed behind the cache")
    assert (await get_data(client, path, user_headers))["description"] == original["description"]
    patched = await client.patch(path, json={"description": "tuned"}, headers=admin_headers)
    assert patched.status_code == 200
    assert (await get_data(client, path, user_headers))["description"] == "tuned"


async def test_a_deleted_movement_is_gone_from_its_read_and_the_list(client, user_headers) -> None:
    created = await client.post(
        "/v1/movements",
        json={"name": "Cached Curl", "pattern": "isolation", "primary_muscle": "biceps"},
        headers=user_headers,
    )
    movement_id = (await created.get_json())["data"]["id"]
    path = f"/v1/movements/{movement_id}"
    await get_data(client, path, user_headers)
    listed = await get_data(client, "/v1/movements?q=cached", user_headers)
    assert [item["id"] for item in listed["items"]] == [movement_id]
    assert (await client.delete(path, headers=user_headers)).status_code == 204
    await get_data(client, path, user_headers, status=404)
    assert (await get_data(client, "/v1/movements?q=cached", user_headers))["items"] == []


async def test_a_cached_custom_movement_stays_invisible_to_others(
    client, user_headers, other_user_headers
) -> None:
    created = await client.post(
        "/v1/movements",
        json={"name": "Private Press", "pattern": "horizontal_push", "primary_muscle": "chest"},
        headers=user_headers,
    )
    path = f"/v1/movements/{(await created.get_json())['data']['id']}"
    await get_data(client, path, user_headers)
    await get_data(client, path, other_user_headers, status=404)


async def test_list_pages_are_cached_until_a_movement_is_created(
    client, user_headers, admin_headers
) -> None:
    await seed_everything()
    path = "/v1/movements?limit=3&sort=-created_at"
    names = [item["name"] for item in (await get_data(client, path, user_headers))["items"]]
    await Movement.filter(name=names[0]).update(name=f"{names[0]} (renamed behind)")
    assert [item["name"] for item in (await get_data(client, path, user_headers))["items"]] == names
    created = await client.post(
        "/v1/movements",
        json={"name": "AAA First", "pattern": "squat", "primary_muscle": "quadriceps"},
        headers=user_headers,
    )
    assert created.status_code == 201
    fresh = [item["name"] for item in (await get_data(client, path, user_headers))["items"]]
    assert fresh[0] == "AAA First"


async def test_circuits_are_cached_until_a_circuit_or_movement_write(
    client, user_headers, admin_headers
) -> None:
    await seed_everything()
    ids = await system_movement_ids("Back Squat", "Push-Up")
    created = await client.post(
        "/v1/circuits", json=circuit_body("Cached", ids), headers=admin_headers
    )
    circuit_path = f"/v1/circuits/{(await created.get_json())['data']['id']}"
    await get_data(client, circuit_path, user_headers)
    list_path = "/v1/circuits?limit=50"
    await get_data(client, list_path, user_headers)
    await Circuit.filter(name="Cached").update(description="changed behind the cache")
    assert (await get_data(client, circuit_path, user_headers))["description"] == "test circuit"

    patched = await client.patch(circuit_path, json={"difficulty_tier": 4}, headers=admin_headers)
    assert patched.status_code == 200
    assert (await get_data(client, circuit_path, user_headers))["difficulty_tier"] == 4
    listed = (await get_data(client, list_path, user_headers))["items"]
    assert [item["difficulty_tier"] for item in listed if item["name"] == "Cached"] == [4]

    renamed = await client.patch(
        f"/v1/movements/{ids[0]}", json={"name": "Barbell Back Squat"}, headers=admin_headers
    )
    assert renamed.status_code == 200
    items = (await get_data(client, circuit_path, user_headers))["items"]
    assert items[0]["movement_name"] == "Barbell Back Squat"

    assert (await client.delete(circuit_path, headers=admin_headers)).status_code == 204
    await get_data(client, circuit_path, user_headers, status=404)
    listed = (await get_data(client, list_path, user_headers))["items"]
    assert "Cached" not in {item["name"] for item in listed}


async def test_the_active_scoring_config_is_cached_until_a_put(client, admin_headers) -> None:
    await seed_everything()
    first = await get_data(client, SCORING_PATH, admin_headers)
    await ScoringConfigVersion.filter(id=first["id"]).update(author="changed behind the cache")
    assert (await get_data(client, SCORING_PATH, admin_headers))["author"] == first["author"]
    put = await client.put(SCORING_PATH, json=config_body(4.5), headers=admin_headers)
    assert put.status_code == 200
    active = await get_data(client, SCORING_PATH, admin_headers)
    assert active["version"] == first["version"] + 1
    assert active["weights"]["pattern_alignment"] == 4.5


@pytest.mark.skipif(
    not TEST_REDIS_URL, reason="an in-process cache is not shared with the CLI's process"
)
async def test_alloy_seed_from_the_cli_invalidates_the_served_lists(client, user_headers) -> None:
    empty = await get_data(client, "/v1/movements?limit=5", user_headers)
    assert empty["items"] == []
    environment = {"ALLOY_DATA_DIR": str(client.app.extensions["alloy"].settings.data_dir)}
    environment["ALLOY_REDIS_URL"] = TEST_REDIS_URL or ""
    if TEST_DATABASE_URL:
        environment["ALLOY_DATABASE_URL"] = TEST_DATABASE_URL
    seeded = await asyncio.to_thread(alloy, "seed", environment=environment)
    assert seeded.returncode == 0, seeded.stderr
    assert len((await get_data(client, "/v1/movements?limit=5", user_headers))["items"]) == 5
    assert (await get_data(client, "/v1/circuits?limit=5", user_headers))["items"]
    await get_data(client, SCORING_PATH, user_headers, status=403)


@pytest.mark.skipif(
    not (TEST_REDIS_URL and TEST_DATABASE_URL),
    reason="processes share the cache only through Redis (and a database server)",
)
async def test_a_write_in_one_process_drops_the_near_copy_in_another(
    client, user_account, admin_headers, other_process
) -> None:
    await seed_everything()
    movement = await first_system_movement()
    path = f"/v1/movements/{movement.id}"
    async with httpx.AsyncClient(base_url=other_process, timeout=5) as reader:
        for _ in range(3):
            assert (await reader.get(path, headers=user_account.headers)).status_code == 200
        patched = await client.patch(path, json={"description": "seen"}, headers=admin_headers)
        assert patched.status_code == 200
        descriptions = []
        for _ in range(PUBSUB_POLLS):
            served = await reader.get(path, headers=user_account.headers)
            descriptions.append(served.json()["data"]["description"])
            if descriptions[-1] == "seen":
                break
            await asyncio.sleep(PUBSUB_POLL_SECONDS)
    assert descriptions[-1] == "seen", descriptions
    assert len(descriptions) * PUBSUB_POLL_SECONDS < NEAR_TTL_SECONDS
