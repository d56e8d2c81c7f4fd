"""`/metrics`: RED per route template, the kit's counters, the production token, many workers."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from quart import Quart

from alloy_api.app import create_app
from alloy_api.observability.metrics import (
    record_cache_error,
    record_cache_hit,
    record_cache_miss,
    record_legacy_token_use,
    route_template,
    sample_pool_usage,
)
from alloy_api.settings import Environment, Settings
from tests.kit.test_rate_limit_processes import free_port, wait_until_live
from tests.scale_probes import add_scale_probes

METRICS_TOKEN = "m" * 40
PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(settings) -> Quart:
    return add_scale_probes(create_app(settings))


def samples(text: str) -> dict[tuple[str, frozenset], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def request_count(text: str, method: str, route: str, status: str) -> float:
    labels = frozenset({"method": method, "route": route, "status": status}.items())
    return samples(text).get(("http_server_request_duration_seconds_count", labels), 0.0)


async def scrape(client) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    return (await response.get_data()).decode()


def test_rules_become_route_templates() -> None:
    assert route_template("/v1/programs/<uuid:program_id>") == "/v1/programs/{program_id}"
    assert (
        route_template("/v1/programs/<program_id>/sessions/<session_id>")
        == "/v1/programs/{program_id}/sessions/{session_id}"
    )


async def test_requests_are_counted_by_method_route_template_and_status(client) -> None:
    before = await scrape(client)
    await client.get("/v1/widgets/01")
    await client.get("/v1/widgets/nope")
    await client.get("/v1/not/a/route/12345")
    after = await scrape(client)
    for method, route, status in [
        ("GET", "/v1/widgets/{widget_id}", "200"),
        ("GET", "/v1/widgets/{widget_id}", "404"),
        ("GET", "unmatched", "404"),
    ]:
        assert request_count(after, method, route, status) == (
            request_count(before, method, route, status) + 1
        )
    assert "/v1/not/a/route/12345" not in after


async def test_the_kit_counters_are_exposed(client) -> None:
    before = samples(await scrape(client))
    record_cache_hit("movements")
    record_cache_miss("movements")
    record_cache_error("movements")
    record_legacy_token_use("success")
    after = samples(await scrape(client))
    movements = frozenset({"cache": "movements"}.items())
    for name in ("alloy_cache_hits_total", "alloy_cache_misses_total", "alloy_cache_errors_total"):
        assert after[(name, movements)] == before.get((name, movements), 0) + 1
    legacy = ("alloy_legacy_admin_token_uses_total", frozenset({"outcome": "success"}.items()))
    assert after[legacy] == before.get(legacy, 0) + 1


async def test_metrics_is_not_rate_limited_nor_in_the_openapi_document(client) -> None:
    response = await client.get("/metrics")
    document = await (await client.get("/openapi.json")).get_json()
    assert "RateLimit" not in response.headers
    assert "/metrics" not in document["paths"]


def production_over_the_test_database(settings: Settings) -> Settings:
    """The test settings as production sees them, on the test database even when it is SQLite
    (which production itself refuses)."""
    return settings.model_copy(update={"environment": Environment.PRODUCTION})


@pytest.mark.parametrize(
    ("authorization", "status", "code"),
    [
        (None, 401, "AUTH_MISSING_TOKEN"),
        ("Bearer wrong-token", 401, "AUTH_INVALID_TOKEN"),
        ("Basic " + METRICS_TOKEN, 401, "AUTH_MISSING_TOKEN"),
        (f"Bearer {METRICS_TOKEN}", 200, None),
    ],
)
async def test_production_needs_the_metrics_token(
    settings_factory, authorization, status, code
) -> None:
    production = production_over_the_test_database(settings_factory(metrics_token=METRICS_TOKEN))
    async with create_app(production).test_app() as test_app:
        headers = {"Authorization": authorization} if authorization else {}
        response = await test_app.test_client().get("/metrics", headers=headers)
    assert response.status_code == status
    if code:
        assert (await response.get_json())["errors"][0]["code"] == code
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


async def test_production_without_a_metrics_token_keeps_metrics_closed(settings_factory) -> None:
    production = production_over_the_test_database(settings_factory())
    async with create_app(production).test_app() as test_app:
        client = test_app.test_client()
        response = await client.get("/metrics", headers={"Authorization": "Bearer "})
    assert response.status_code == 401


def test_two_workers_report_one_sum(settings, tmp_path, private_redis) -> None:
    port = free_port()
    environment = {
        **os.environ,
        "ALLOY_DATA_DIR": str(settings.data_dir),
        "ALLOY_LOG_LEVEL": "WARNING",
        "ALLOY_REDIS_URL": private_redis.url,
    }
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
    if settings.database_url:
        environment["ALLOY_DATABASE_URL"] = settings.database_url
    server = subprocess.Popen(
        [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port), "--workers", "2"],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(base_url, server)
        time.sleep(1)
        with httpx.Client(base_url=base_url) as http:
            before = request_count(http.get("/metrics").text, "GET", "/health/ready", "200")
            for _ in range(40):
                with httpx.Client(base_url=base_url) as fresh_connection:
                    assert fresh_connection.get("/health/ready").status_code == 200
            after = request_count(http.get("/metrics").text, "GET", "/health/ready", "200")
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert after - before == 40
    assert list((settings.data_dir / "metrics").glob("*.db"))


@pytest.mark.skipif(
    not os.environ.get("ALLOY_TEST_DATABASE_URL"), reason="SQLite has no connection pool"
)
async def test_the_database_pool_is_sampled(client, settings) -> None:
    await client.get("/health/ready")
    sample_pool_usage()
    exposed = samples(await scrape(client))
    in_use = (
        "alloy_db_pool_connections",
        frozenset({"connection": "default", "state": "in_use"}.items()),
    )
    idle = (
        "alloy_db_pool_connections",
        frozenset({"connection": "default", "state": "idle"}.items()),
    )
    assert exposed[in_use] >= 0
    assert exposed[in_use] + exposed[idle] >= 1
    limit = ("alloy_db_pool_max_connections", frozenset({"connection": "default"}.items()))
    assert exposed[limit] == settings.database_pool_max_size


async def test_readiness_sets_a_gauge_per_check(client) -> None:
    await client.get("/health/ready")
    exposed = samples(await scrape(client))
    for check in ("database", "migrations", "cache"):
        assert exposed[("alloy_readiness_check_ok", frozenset({"check": check}.items()))] == 1


async def test_a_failing_readiness_check_sets_its_gauge_to_zero(settings_factory) -> None:
    unreachable = create_app(settings_factory(database_url="postgres://alloy@127.0.0.1:1/alloy"))
    async with unreachable.test_app() as test_app:
        response = await test_app.test_client().get("/health/ready")
        assert response.status_code == 503
        exposed = samples(await scrape(test_app.test_client()))
    database = ("alloy_readiness_check_ok", frozenset({"check": "database"}.items()))
    assert exposed[database] == 0
