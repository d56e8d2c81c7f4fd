"""The throttle's stores: the in-process one always, the Redis one when the suite has Redis; both
must decide the same way, atomically."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from alloy_api.auth.throttle import AttemptStore, Budget, MemoryAttemptStore, RedisAttemptStore
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


def budgets(pairs: list[tuple[str, int]], guard: dict[int, int] | None = None) -> list[Budget]:
    guards = guard or {}
    return [
        Budget(key, limit, WINDOW_MS, only_while_failing=guards.get(index))
        for index, (key, limit) in enumerate(pairs)
    ]


async def test_parallel_reservations_get_exactly_the_limit(store) -> None:
    account, ip = keys("account", "ip")
    both = budgets([(account, 7), (ip, 100)])
    reservations = await asyncio.gather(*(store.reserve(both) for _ in range(40)))
    assert sum(reservation.granted for reservation in reservations) == 7
    granted = sorted(r.failures_before[0] for r in reservations if r.granted)
    assert granted == list(range(7))


async def test_a_refused_reservation_counts_on_no_key(store) -> None:
    account, ip = keys("account", "ip")
    both = budgets([(account, 2), (ip, 3)])
    for _ in range(2):
        assert (await store.reserve(both)).granted
    refused = await store.reserve(both)
    assert not refused.granted
    assert 0 < refused.retry_after_ms <= WINDOW_MS
    assert (await store.reserve(budgets([(ip, 3)]))).granted
    assert not (await store.reserve(budgets([(ip, 3)]))).granted


async def test_release_gives_one_attempt_back_and_never_goes_below_zero(store) -> None:
    account, ip = keys("account", "ip")
    both = budgets([(account, 1), (ip, 5)])
    await store.reserve(both)
    await store.release([account, ip])
    await store.release([account, ip])
    first = await store.reserve(both)
    assert (first.granted, first.failures_before) == (True, (0, 0))
    assert not (await store.reserve(both)).granted


async def test_forget_clears_the_keys_named_only(store) -> None:
    account, ip = keys("account", "ip")
    both = budgets([(account, 2), (ip, 2)])
    for _ in range(2):
        await store.reserve(both)
    await store.forget([account])
    assert not (await store.reserve(both)).granted
    assert (await store.reserve(budgets([(account, 2)]))).granted


async def test_a_guarded_budget_refuses_only_while_its_guard_has_failures(store) -> None:
    account, failing_ip, clean_ip = keys("account", "failing", "clean")
    from_failing = budgets([(failing_ip, 100), (account, 2)], guard={1: 0})
    for _ in range(2):
        assert (await store.reserve(from_failing)).granted
    refused = await store.reserve(from_failing)
    assert not refused.granted and 0 < refused.retry_after_ms <= WINDOW_MS
    from_clean = budgets([(clean_ip, 100), (account, 2)], guard={1: 0})
    first = await store.reserve(from_clean)
    assert first.granted and first.failures_before == (0, 2)
    assert not (await store.reserve(from_clean)).granted
