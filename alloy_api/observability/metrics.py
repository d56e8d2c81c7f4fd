"""Prometheus metrics: RED per route template, cache, rate limits, database pool, legacy tokens,
readiness.

Granian and uvicorn workers are separate processes. With `PROMETHEUS_MULTIPROC_DIR` set (as
`alloy serve --workers N` does for N > 1), every worker writes its samples to that directory and
any worker's `/metrics` answers the sum over all of them; without it a process reports only itself.
"""

import asyncio
import contextlib
import hmac
import os
import re
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.parser import text_string_to_metric_families
from quart import Quart, Response, request
from quart_schema import hide
from tortoise import connections

from alloy_api.kit.errors import AuthenticationError, ErrorCode
from alloy_api.kit.rate_classes import rate_exempt
from alloy_api.settings import Settings

METRICS_PATH = "/metrics"
METRICS_ENDPOINT = "metrics"
UNMATCHED_ROUTE = "unmatched"
POOL_SAMPLE_SECONDS = 5.0
LATENCY_BUCKETS = (
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
)  # fmt: skip
RULE_PARAMETER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")

REQUEST_DURATION = Histogram(
    "http_server_request_duration_seconds",
    "Time from the first request hook to the response, by method, route template and status",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
CACHE_HITS = Counter("alloy_cache_hits", "Cache reads answered from the cache", ["cache"])
CACHE_MISSES = Counter("alloy_cache_misses", "Cache reads that went to the database", ["cache"])
CACHE_ERRORS = Counter(
    "alloy_cache_errors", "Cache operations that failed and fell back to the database", ["cache"]
)
RATE_LIMIT_REJECTIONS = Counter(
    "alloy_rate_limit_rejections", "Requests answered 429 by the rate limiter", ["policy"]
)
LEGACY_TOKEN_USES = Counter(
    "alloy_legacy_admin_token_uses",
    "Requests that presented the deprecated X-Admin-Token header",
    ["outcome"],
)
LEGACY_TOKEN_OUTCOMES = ("success", "failure")
for _outcome in LEGACY_TOKEN_OUTCOMES:  # exported as 0 from the start: the first use is an increase
    LEGACY_TOKEN_USES.labels(_outcome)
PASSWORD_VERIFICATIONS = Counter(
    "alloy_password_verifications",
    "Argon2id password verifications, for known and unknown accounts alike",
)
REDIS_CIRCUIT_OPEN = Gauge(
    "alloy_redis_circuit_open",
    "1 while this process's Redis circuit breaker is open (Redis calls fail fast), else 0",
    multiprocess_mode="livemax",
)
DB_POOL_CONNECTIONS = Gauge(
    "alloy_db_pool_connections",
    "Database pool connections per state, summed over live processes",
    ["connection", "state"],
    multiprocess_mode="livesum",
)
DB_POOL_MAX_CONNECTIONS = Gauge(
    "alloy_db_pool_max_connections",
    "Database pool size limit per connection, summed over live processes",
    ["connection"],
    multiprocess_mode="livesum",
)
READINESS_CHECK_OK = Gauge(
    "alloy_readiness_check_ok",
    "1 if the check passed at the last /health/ready of every live process, else 0",
    ["check"],
    multiprocess_mode="livemin",
)

_route_templates: dict[str, str] = {}
_duration_series: dict[tuple[str, str, int], Any] = {}


def record_cache_hit(cache: str) -> None:
    CACHE_HITS.labels(cache).inc()


def record_cache_miss(cache: str) -> None:
    CACHE_MISSES.labels(cache).inc()


def record_cache_error(cache: str) -> None:
    CACHE_ERRORS.labels(cache).inc()


def record_rate_limit_rejection(policy: str) -> None:
    RATE_LIMIT_REJECTIONS.labels(policy).inc()


def record_legacy_token_use(outcome: str) -> None:
    LEGACY_TOKEN_USES.labels(outcome).inc()


def record_password_verification() -> None:
    PASSWORD_VERIFICATIONS.inc()


def set_redis_circuit_open(is_open: bool) -> None:
    REDIS_CIRCUIT_OPEN.set(1 if is_open else 0)


def record_readiness(passed_by_check: dict[str, bool]) -> None:
    for check, passed in passed_by_check.items():
        READINESS_CHECK_OK.labels(check).set(1 if passed else 0)


def route_template(rule: str) -> str:
    """`/v1/programs/<uuid:program_id>` as `/v1/programs/{program_id}`."""
    template = _route_templates.get(rule)
    if template is None:
        template = RULE_PARAMETER.sub(r"{\1}", rule)
        _route_templates[rule] = template
    return template


def current_route() -> str:
    rule = request.url_rule
    return route_template(rule.rule) if rule is not None else UNMATCHED_ROUTE


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    _duration_series_for(method, route, status).observe(seconds)


def _duration_series_for(method: str, route: str, status: int) -> Any:
    """The labelled histogram, looked up once per method, route and status."""
    series_key = (method, route, status)
    series = _duration_series.get(series_key)
    if series is None:
        series = REQUEST_DURATION.labels(method, route, str(status))
        _duration_series[series_key] = series
    return series


def _pool_usage() -> Iterator[tuple[str, int, int, int]]:
    """(connection name, connections in use, idle connections, size limit) for each pool."""
    with contextlib.suppress(Exception):
        for client in connections.all():
            pool = getattr(client, "_pool", None)
            if pool is not None and hasattr(pool, "get_size"):
                size, idle = pool.get_size(), pool.get_idle_size()
                yield client.connection_name, size - idle, idle, pool.get_max_size()


def sample_pool_usage() -> None:
    for name, in_use, idle, max_size in _pool_usage():
        DB_POOL_CONNECTIONS.labels(name, "in_use").set(in_use)
        DB_POOL_CONNECTIONS.labels(name, "idle").set(idle)
        DB_POOL_MAX_CONNECTIONS.labels(name).set(max_size)


async def _sample_pool_forever() -> None:
    while True:
        sample_pool_usage()
        await asyncio.sleep(POOL_SAMPLE_SECONDS)


def exposition(settings: Settings) -> bytes:
    return generate_latest(_registry(settings))


def _registry(settings: Settings) -> CollectorRegistry:
    if settings.prometheus_multiproc_dir is None:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(settings.prometheus_multiproc_dir))
    return registry


def cache_counts(exposition_text: str) -> dict[str, dict[str, int]]:
    """Hits, misses and errors per cache namespace in a `/metrics` answer: the serving process's
    own, or with `PROMETHEUS_MULTIPROC_DIR` every worker's of that host."""
    counts: dict[str, dict[str, int]] = {}
    wanted = {f"alloy_cache_{kind}_total": kind for kind in ("hits", "misses", "errors")}
    for family in text_string_to_metric_families(exposition_text):
        for sample in family.samples:
            kind = wanted.get(sample.name)
            if kind is not None:
                namespace = counts.setdefault(
                    sample.labels["cache"], dict.fromkeys(wanted.values(), 0)
                )
                namespace[kind] += int(sample.value)
    return dict(sorted(counts.items()))


def _bearer_token() -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _authorised(settings: Settings) -> bool:
    if not settings.is_production:
        return True
    expected = settings.metrics_token.get_secret_value() if settings.metrics_token else ""
    presented = _bearer_token()
    return bool(expected) and hmac.compare_digest(presented.encode(), expected.encode())


def install_metrics(app: Quart, settings: Settings) -> None:
    """The `/metrics` route (not rate limited: it is operational) and the pool sampler."""

    @hide
    @rate_exempt
    async def metrics() -> Response:
        if not _authorised(settings):
            code = ErrorCode.AUTH_INVALID_TOKEN if _bearer_token() else ErrorCode.AUTH_MISSING_TOKEN
            raise AuthenticationError(
                "/metrics needs the metrics bearer token",
                code=code,
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
        return Response(exposition(settings), HTTPStatus.OK, content_type=CONTENT_TYPE_LATEST)

    app.add_url_rule(METRICS_PATH, METRICS_ENDPOINT, metrics, methods=["GET"])
    sampler: list[asyncio.Task[None]] = []

    @app.before_serving
    async def start_pool_sampler() -> None:
        sampler.append(asyncio.create_task(_sample_pool_forever()))

    @app.after_serving
    async def stop_pool_sampler() -> None:
        for task in sampler:
            task.cancel()
        if settings.prometheus_multiproc_dir is not None:
            multiprocess.mark_process_dead(os.getpid(), str(settings.prometheus_multiproc_dir))
