"""`alloy cache flush [--prefix]` and `alloy cache stats` against the shared cache."""

import getpass

import pytest
import redis

from alloy_api.audit.models import AuditEvent
from tests.cli.test_users_and_2fa_commands import invoke, query
from tests.conftest import TEST_REDIS_URL

needs_redis = pytest.mark.skipif(not TEST_REDIS_URL, reason="the shared cache is Redis")
CACHED_KEYS = {
    "alloy:data:movements:v1:item:a": "{}",
    "alloy:data:movements:v1:list:b@1": "{}",
    "alloy:data:circuits:v1:item:c@0.1": "{}",
    "alloy:data:auth:v1:user:d": "{}",
}
THROTTLE_KEY = "alloy:login:account:someone@example.com"


@pytest.fixture
def filled_redis() -> redis.Redis:
    client = redis.Redis.from_url(TEST_REDIS_URL or "")
    client.mset({**CACHED_KEYS, THROTTLE_KEY: "3"})
    return client


@needs_redis
def test_stats_counts_keys_by_namespace(settings, filled_redis, monkeypatch) -> None:
    monkeypatch.setenv("ALLOY_REDIS_URL", TEST_REDIS_URL or "")
    result = invoke(settings, "cache", "stats")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for expected in ("data:movements 2", "data:circuits 1", "data:auth 1", "login 1"):
        assert f"  {expected}" in lines
    assert not any("keyspace_hits" in line for line in lines)


@needs_redis
def test_flush_by_prefix_then_all_keeps_throttles_and_is_audited(
    settings, filled_redis, monkeypatch
) -> None:
    monkeypatch.setenv("ALLOY_REDIS_URL", TEST_REDIS_URL or "")
    by_prefix = invoke(settings, "cache", "flush", "--prefix", "movements")
    assert by_prefix.exit_code == 0, by_prefix.output
    assert "flushed 2 key(s) of namespaces starting with 'movements'" in by_prefix.output
    assert sorted(key.decode() for key in filled_redis.keys("alloy:data:*")) == [
        "alloy:data:auth:v1:user:d",
        "alloy:data:circuits:v1:item:c@0.1",
    ]
    everything = invoke(settings, "cache", "flush")
    assert "flushed 2 key(s) of every namespace" in everything.output
    assert filled_redis.keys("alloy:data:*") == []
    assert filled_redis.get(THROTTLE_KEY) == b"3"

    async def flush_events() -> list[tuple[str, dict]]:
        events = await AuditEvent.filter(action="cache_flushed").order_by("created_at", "id")
        return [(event.actor, event.details) for event in events]

    actor = f"cli:{getpass.getuser()}"
    assert query(settings, flush_events) == [
        (actor, {"prefix": "movements", "deleted_keys": 2}),
        (actor, {"prefix": "", "deleted_keys": 2}),
    ]


def test_an_in_process_cache_cannot_be_flushed_from_outside(settings, monkeypatch) -> None:
    monkeypatch.delenv("ALLOY_REDIS_URL", raising=False)
    for command in (("cache", "flush"), ("cache", "stats")):
        result = invoke(settings, *command)
        assert result.exit_code == 1
        assert "the cache is in-process" in result.output


def test_an_unreachable_cache_is_a_one_line_failure(settings, monkeypatch) -> None:
    monkeypatch.setenv("ALLOY_REDIS_URL", "redis://127.0.0.1:1/9")
    result = invoke(settings, "cache", "stats")
    assert result.exit_code == 1
    assert "the cache is unavailable" in result.output
