"""`alloy cache flush [--prefix]` on the shared cache; `alloy cache stats` from a real server."""

import asyncio
import getpass

import httpx
import pytest
import redis

from alloy_api.audit.models import AuditEvent
from tests.auth.factories import STRONG_PASSWORD
from tests.cli.support import invoke, json_output, query
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
    result = invoke(settings, "cache", "flush")
    assert result.exit_code == 1
    assert "the cache is in-process" in result.output


def test_an_unreachable_cache_is_a_one_line_failure(settings, monkeypatch) -> None:
    monkeypatch.setenv("ALLOY_REDIS_URL", "redis://127.0.0.1:1/9")
    result = invoke(settings, "cache", "stats")
    assert result.exit_code == 1
    assert "the cache is unavailable" in result.output


def test_stats_without_a_server_to_ask_fail_in_one_line(settings, monkeypatch) -> None:
    monkeypatch.delenv("ALLOY_REDIS_URL", raising=False)
    result = invoke(settings, "cache", "stats", "--server", "http://127.0.0.1:1")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no cache counts: http://127.0.0.1:1/metrics did not")
    assert invoke(settings, "cache", "stats", "--server", "file:///etc/passwd").exit_code == 2


async def sign_in(client: httpx.AsyncClient) -> None:
    credentials = {"email": "reader@example.com", "password": STRONG_PASSWORD}
    registered = await client.post("/v1/auth/register", json={**credentials, "name": "Reader"})
    assert registered.status_code == 201, registered.text
    tokens = (await client.post("/v1/auth/login", json=credentials)).json()["data"]
    client.headers["Authorization"] = f"Bearer {tokens['access_token']}"


async def test_stats_count_the_servers_own_reads_per_namespace(
    settings, other_process, monkeypatch
) -> None:
    monkeypatch.delenv("ALLOY_REDIS_URL", raising=False)
    async with httpx.AsyncClient(base_url=other_process, timeout=10) as client:
        await sign_in(client)
        for _ in range(3):
            assert (await client.get("/v1/movements?limit=5")).status_code == 200
    environment = {"ALLOY_REDIS_URL": TEST_REDIS_URL} if TEST_REDIS_URL else {}
    result = await asyncio.to_thread(
        invoke, settings, "cache", "stats", "--server", other_process, "--json", **environment
    )
    document = json_output(result)
    movements = document["counts"]["movements"]
    assert movements["misses"] >= 1
    assert movements["hits"] >= 2
    assert movements["hit_ratio"] == round(
        movements["hits"] / (movements["hits"] + movements["misses"]), 4
    )
    assert document["server"] == other_process
    if TEST_REDIS_URL:
        assert document["cache"] == "redis"
        assert document["keys"]["data:movements"] >= 1
    else:
        assert (document["cache"], document["keys"]) == ("in-process", None)
    text = await asyncio.to_thread(
        invoke, settings, "cache", "stats", "--server", other_process, **environment
    )
    row = next(line for line in text.stdout.splitlines() if "│ movements" in line)
    assert f"│ {movements['hits']}" in row.replace("  ", " ")
    assert "keyspace_hits" not in text.stdout
