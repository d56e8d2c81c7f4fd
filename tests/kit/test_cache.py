"""Cache-aside reads: hits after the first read, leases against stale fills, generations, and
reads that go to the database when Redis is down."""

import asyncio
from typing import Any

import pytest
import redis
from prometheus_client import REGISTRY
from quart import Quart

from alloy_api.app import create_app
from alloy_api.db.transactions import run_in_transaction
from alloy_api.kit.cache import CacheKey, Lifetime, NearCache, cached, invalidate
from alloy_api.movements.models import Movement
from tests.auth.factories import make_account
from tests.conftest import TEST_REDIS_URL
from tests.library_support import get_data, seed_everything

CLOSED_PORT_REDIS_URL = "redis://127.0.0.1:1/9"


def metric(name: str, namespace: str) -> float:
    return REGISTRY.get_sample_value(f"alloy_cache_{name}_total", {"cache": namespace}) or 0.0


class CountingLoader:
    def __init__(self, value: Any) -> None:
        self.value = value
        self.calls = 0

    async def __call__(self) -> Any:
        self.calls += 1
        return self.value


async def test_the_second_read_is_a_hit_and_loads_nothing(running_app) -> None:
    key = CacheKey("test_hits", "item:1")
    load = CountingLoader({"name": "Back Squat", "reps": [5, 5, 5]})
    hits_before, misses_before = metric("hits", "test_hits"), metric("misses", "test_hits")
    async with running_app.app.app_context():
        first = await cached(key, load)
        second = await cached(key, load)
    assert first == second == {"name": "Back Squat", "reps": [5, 5, 5]}
    assert load.calls == 1
    assert metric("misses", "test_hits") == misses_before + 1
    assert metric("hits", "test_hits") == hits_before + 1


async def test_a_cached_value_is_a_copy_not_shared_between_reads(running_app) -> None:
    key = CacheKey("test_copies", "item:1")
    async with running_app.app.app_context():
        first = await cached(key, CountingLoader({"tags": ["a"]}))
        first["tags"].append("mutated")
        assert await cached(key, CountingLoader(None)) == {"tags": ["a"]}


async def test_an_invalidation_during_a_load_keeps_the_loaded_value_out(running_app) -> None:
    key = CacheKey("test_leases", "item:1")
    fresh = CountingLoader({"version": 2})

    async def load_raced_by_a_write() -> dict[str, int]:
        await invalidate(key)
        return {"version": 1}

    async with running_app.app.app_context():
        assert await cached(key, load_raced_by_a_write) == {"version": 1}
        assert await cached(key, fresh) == {"version": 2}
        assert await cached(key, fresh) == {"version": 2}
    assert fresh.calls == 1


async def test_a_generation_move_retires_every_key_that_includes_it(running_app) -> None:
    pages = [CacheKey("test_gen", f"list:{n}", Lifetime.LIST, ("test_gen",)) for n in range(3)]
    async with running_app.app.app_context():
        for page in pages:
            await cached(page, CountingLoader({"old": True}))
        await invalidate(namespaces=("test_gen",))
        assert [await cached(page, CountingLoader({"old": False})) for page in pages] == [
            {"old": False}
        ] * 3


async def test_invalidations_wait_for_the_commit_and_are_dropped_on_rollback(
    running_app,
) -> None:
    key = CacheKey("test_commit", "item:1")

    async def invalidate_then_fail() -> None:
        await invalidate(key)
        raise RuntimeError("rolled back")

    async def invalidate_then_read() -> dict[str, int]:
        await invalidate(key)
        return await cached(key, CountingLoader({"v": 2}))

    async with running_app.app.app_context():
        await cached(key, CountingLoader({"v": 1}))
        with pytest.raises(RuntimeError):
            await run_in_transaction(invalidate_then_fail)
        assert await cached(key, CountingLoader({"v": 2})) == {"v": 1}
        assert await run_in_transaction(invalidate_then_read) == {"v": 1}
        assert await cached(key, CountingLoader({"v": 3})) == {"v": 3}


async def test_nothing_is_cached_when_caching_is_off(settings_factory) -> None:
    app = create_app(settings_factory(cache_enabled=False))
    key = CacheKey("test_off", "item:1")
    load = CountingLoader({"v": 1})
    async with app.app_context():
        await cached(key, load)
        await cached(key, load)
    assert load.calls == 2


async def test_reads_answer_200_from_the_database_when_redis_is_down(settings_factory) -> None:
    settings = settings_factory(redis_url=CLOSED_PORT_REDIS_URL)
    app = create_app(settings)
    errors_before = metric("errors", "movements")
    async with app.test_app() as running:
        client = running.test_client()
        await seed_everything()
        account = await make_account(settings)
        movement = await Movement.filter(owner_id=None).order_by("name").first()
        assert movement is not None
        for _ in range(2):
            data = await get_data(client, f"/v1/movements/{movement.id}", account.headers)
            assert data["name"] == movement.name
        page = await get_data(client, "/v1/movements?limit=5", account.headers)
        assert len(page["items"]) == 5
        assert (await client.get("/v1/circuits", headers=account.headers)).status_code == 200
    assert metric("errors", "movements") >= errors_before + 3
    assert metric("errors", "auth") > 0


def test_a_near_cache_is_used_only_while_subscribed_and_never_refilled_with_stale_reads() -> None:
    near = NearCache(ttl_seconds=60)
    near.put("k", b"1", near.epoch)
    assert near.get("k") is None
    near.reset(subscribed=True)
    epoch_before_a_write = near.epoch
    near.drop(["k"])
    near.put("k", b"stale", epoch_before_a_write)
    assert near.get("k") is None
    near.put("k", b"fresh", near.epoch)
    assert near.get("k") == b"fresh"
    near.reset(subscribed=False)
    assert near.get("k") is None


async def subscribed(app: Quart) -> NearCache:
    near = app.extensions["alloy"].cache.near
    for _ in range(100):
        if near.subscribed:
            return near
        await asyncio.sleep(0.02)
    raise AssertionError("the near cache never subscribed")


@pytest.mark.skipif(not TEST_REDIS_URL, reason="the near cache sits in front of Redis")
async def test_a_movement_is_kept_near_until_a_write_drops_it(
    app, client, user_headers, admin_headers
) -> None:
    await subscribed(app)
    await seed_everything()
    movement = await Movement.filter(owner_id=None).order_by("name").first()
    assert movement is not None
    path = f"/v1/movements/{movement.id}"
    await get_data(client, path, user_headers)
    await get_data(client, path, user_headers)
    redis.Redis.from_url(TEST_REDIS_URL or "").delete(
        f"alloy:data:movements:v1:e0:item:{movement.id}"
    )
    misses_before = metric("misses", "movements")
    assert (await get_data(client, path, user_headers))["name"] == movement.name
    assert metric("misses", "movements") == misses_before
    patched = await client.patch(path, json={"description": "near"}, headers=admin_headers)
    assert patched.status_code == 200
    assert (await get_data(client, path, user_headers))["description"] == "near"
