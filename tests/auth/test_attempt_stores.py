"""The throttle's stores: the in-process one always, the Redis one when the suite has Redis; both
must decide the same way, atomically."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from alloy_api.auth.throttle import AttemptStore, MemoryAttemptStore, RedisAttemptStore
from alloy_api.kit.ids import new_id_str
from alloy_api.kit.redis_link import RedisLink, build_client
from tests.conftest import TEST_REDIS_URL

WINDOW_MS = 60_000
STORES = [
    "memory",
    pytest.param("redis", marks=pytest.mark.skipif(not TEST_REDIS_URL, reason="no Redis")),
]


@pytest.fixture(params=STORES)
async def store(request, settings_factory) -> AsyncIterator[AttemptStore]:
    if request.param == "memory":
        yield MemoryAttemptStore()
        return
    settings = settings_factory(redis_url=TEST_REDIS_URL)
    link = RedisLink(build_client(settings), settings)
    try:
        yield RedisAttemptStore(link)
    finally:
        await link.close()


def keys(*names: str) -> list[str]:
    run = new_id_str()
    return [f"alloy:login_failures:test:{run}:{name}" for name in names]


async def test_parallel_reservations_get_exactly_the_limit(store) -> None:
    account, ip = keys("account", "ip")
    reservations = await asyncio.gather(
        *(store.reserve([account, ip], [7, 100], WINDOW_MS) for _ in range(40))
    )
    assert sum(reservation.granted for reservation in reservations) == 7
    assert sorted(r.failures_before for r in reservations if r.granted) == list(range(7))


async def test_a_refused_reservation_counts_on_no_key(store) -> None:
    account, ip = keys("account", "ip")
    for _ in range(2):
        assert (await store.reserve([account, ip], [2, 3], WINDOW_MS)).granted
    refused = await store.reserve([account, ip], [2, 3], WINDOW_MS)
    assert not refused.granted
    assert 0 < refused.retry_after_ms <= WINDOW_MS
    assert (await store.reserve([ip], [3], WINDOW_MS)).granted
    assert not (await store.reserve([ip], [3], WINDOW_MS)).granted


async def test_release_gives_one_attempt_back_and_never_goes_below_zero(store) -> None:
    account, ip = keys("account", "ip")
    await store.reserve([account, ip], [1, 5], WINDOW_MS)
    await store.release([account, ip])
    await store.release([account, ip])
    first = await store.reserve([account, ip], [1, 5], WINDOW_MS)
    assert (first.granted, first.failures_before) == (True, 0)
    assert not (await store.reserve([account, ip], [1, 5], WINDOW_MS)).granted


async def test_forget_clears_one_key_only(store) -> None:
    account, ip = keys("account", "ip")
    for _ in range(2):
        await store.reserve([account, ip], [2, 2], WINDOW_MS)
    await store.forget(account)
    assert not (await store.reserve([account, ip], [2, 2], WINDOW_MS)).granted
    assert (await store.reserve([account], [2], WINDOW_MS)).granted
