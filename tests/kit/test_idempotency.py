"""`Idempotency-Key` on POST: replays, conflicts, concurrent duplicates, what is kept, how long."""

import asyncio
import os

import pytest
import redis.asyncio
from quart import Quart

from alloy_api.app import create_app
from alloy_api.kit.idempotency import MemoryIdempotencyStore
from tests.scale_probes import PROBE_USER_HEADER, Executions, add_scale_probes

TEST_REDIS_URL = os.environ.get("ALLOY_TEST_REDIS_URL")
DAY_MS = 24 * 3600 * 1000


@pytest.fixture
def app(settings) -> Quart:
    return add_scale_probes(create_app(settings))


def keyed(key: str, user: str | None = None) -> dict[str, str]:
    headers = {"Idempotency-Key": key}
    if user:
        headers[PROBE_USER_HEADER] = user
    return headers


async def test_the_same_key_and_body_replay_the_first_response(client) -> None:
    executions_before = Executions.count
    first = await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k-1"))
    again = await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k-1"))
    assert first.status_code == again.status_code == 201
    assert await again.get_data() == await first.get_data()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert Executions.count == executions_before + 1


async def test_another_body_with_the_same_key_is_a_conflict(client) -> None:
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k-2"))
    reused = await client.post("/v1/widgets", json={"name": "bar"}, headers=keyed("k-2"))
    body = await reused.get_json()
    assert reused.status_code == 409
    assert body["errors"][0]["code"] == "CF_IDEMPOTENCY_KEY_REUSED"
    assert body["errors"][0]["details"] == {"idempotency_key": "k-2"}


async def test_another_path_with_the_same_key_is_a_conflict(client) -> None:
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k-3"))
    reused = await client.post("/v1/generations", json={"name": "plate"}, headers=keyed("k-3"))
    assert (await reused.get_json())["errors"][0]["code"] == "CF_IDEMPOTENCY_KEY_REUSED"


async def test_concurrent_duplicates_do_not_both_run(client) -> None:
    executions_before = Executions.count
    slow = {"name": "plate", "delay_ms": 300}
    first, second = await asyncio.gather(
        client.post("/v1/widgets", json=slow, headers=keyed("k-4")),
        client.post("/v1/widgets", json=slow, headers=keyed("k-4")),
    )
    statuses = sorted([first.status_code, second.status_code])
    in_progress = first if first.status_code == 409 else second
    assert statuses == [201, 409]
    assert (await in_progress.get_json())["errors"][0]["code"] == "CF_IDEMPOTENCY_KEY_IN_PROGRESS"
    assert in_progress.headers["Retry-After"] == "1"
    assert Executions.count == executions_before + 1
    retried = await client.post("/v1/widgets", json=slow, headers=keyed("k-4"))
    assert retried.status_code == 201
    assert retried.headers["Idempotent-Replayed"] == "true"


async def test_client_errors_are_kept_and_replayed(client) -> None:
    first = await client.post("/v1/widgets", json={"name": ""}, headers=keyed("k-5"))
    again = await client.post("/v1/widgets", json={"name": ""}, headers=keyed("k-5"))
    assert first.status_code == again.status_code == 400
    assert again.headers["Idempotent-Replayed"] == "true"
    assert await again.get_data() == await first.get_data()


async def test_server_errors_are_not_kept_so_a_retry_runs_again(client) -> None:
    executions_before = Executions.count
    failing = {"name": "plate", "outcome": 500}
    first = await client.post("/v1/widgets", json=failing, headers=keyed("k-6"))
    again = await client.post("/v1/widgets", json=failing, headers=keyed("k-6"))
    assert first.status_code == again.status_code == 500
    assert "Idempotent-Replayed" not in again.headers
    assert Executions.count == executions_before + 2


async def test_keys_are_scoped_by_user(client) -> None:
    ada = await client.post("/v1/widgets", json={"name": "a"}, headers=keyed("same", "ada"))
    grace = await client.post("/v1/widgets", json={"name": "g"}, headers=keyed("same", "grace"))
    assert ada.status_code == grace.status_code == 201
    assert (await ada.get_json())["data"]["name"] == "a"
    assert (await grace.get_json())["data"]["name"] == "g"


async def test_requests_without_a_key_run_every_time(client) -> None:
    executions_before = Executions.count
    for _ in range(2):
        response = await client.post("/v1/widgets", json={"name": "plate"})
        assert response.status_code == 201
    assert Executions.count == executions_before + 2


@pytest.mark.parametrize("bad_key", ["", "has space", "x" * 256, "é"])
async def test_a_malformed_key_is_rejected(client, bad_key) -> None:
    response = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers={"Idempotency-Key": bad_key}
    )
    body = await response.get_json()
    assert response.status_code == 400
    assert body["errors"][0]["code"] == "VAL_IDEMPOTENCY_KEY"


async def test_the_in_process_store_lets_a_lock_and_a_record_expire() -> None:
    store = MemoryIdempotencyStore()
    assert await store.claim("k", b"pending", 1) is None
    await asyncio.sleep(0.01)
    assert await store.claim("k", b"pending-2", 60_000) is None
    assert await store.claim("k", b"pending-3", 60_000) == b"pending-2"
    await store.replace("k", b"pending-2", b"done", 1)
    await asyncio.sleep(0.01)
    assert await store.claim("k", b"pending-4", 60_000) is None


@pytest.mark.skipif(TEST_REDIS_URL is None, reason="needs ALLOY_TEST_REDIS_URL")
async def test_redis_records_live_a_day(client) -> None:
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k-7"))
    connection = redis.asyncio.Redis.from_url(TEST_REDIS_URL)
    try:
        [key] = await connection.keys("alloy:idem:*")
        time_to_live_ms = await connection.pttl(key)
    finally:
        await connection.aclose()
    assert DAY_MS - 60_000 < time_to_live_ms <= DAY_MS
