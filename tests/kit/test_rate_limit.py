"""Rate limits: policy classes, the 429 envelope and headers, atomic stores, and full coverage."""

import asyncio
import os
import re

import pytest
from quart import Quart

from alloy_api.app import create_app
from alloy_api.kit.rate_classes import RateClass
from alloy_api.kit.ratelimit import MemoryRateStore, RedisRateStore, gcra_step
from alloy_api.kit.redis_link import RedisLink, build_client
from alloy_api.observability.metrics import RATE_LIMIT_REJECTIONS
from tests.scale_probes import add_scale_probes

TEST_REDIS_URL = os.environ.get("ALLOY_TEST_REDIS_URL")
VALID_WIDGET = {"name": "plate"}
RATE_LIMIT_HEADER = re.compile(r'"(?P<name>[a-z]+)";r=(?P<remaining>\d+);t=(?P<reset>\d+)')
EXPLICITLY_EXEMPT = {
    "health.get_liveness",
    "health.get_readiness",
    "metrics",
    "openapi",
    "docs.page",
    "docs.asset",
    "static",
    "widgets.get_exempt_widget",
}


@pytest.fixture
def app(settings_factory) -> Quart:
    # Hour-long windows: a slow machine must not refill a budget in the middle of a test.
    settings = settings_factory(rate_limit_generate="10/hour", rate_limit_auth="3/hour")
    return add_scale_probes(create_app(settings))


def limiter(app: Quart):
    return app.extensions["alloy"].rate_limiter


async def test_limited_responses_carry_the_ietf_headers(client) -> None:
    first = await client.get("/v1/widgets/01")
    second = await client.get("/v1/widgets/01")
    assert first.headers["RateLimit-Policy"] == '"read";q=600;w=60'
    assert RATE_LIMIT_HEADER.fullmatch(first.headers["RateLimit"])["remaining"] == "599"
    assert RATE_LIMIT_HEADER.fullmatch(second.headers["RateLimit"])["remaining"] == "598"
    assert int(RATE_LIMIT_HEADER.fullmatch(second.headers["RateLimit"])["reset"]) >= 1


async def test_the_request_over_the_limit_gets_the_429_envelope(client) -> None:
    rejections_before = RATE_LIMIT_REJECTIONS.labels("auth")._value.get()
    statuses = [
        (await client.post("/v1/sessions", json=VALID_WIDGET)).status_code for _ in range(3)
    ]
    rejected = await client.post("/v1/sessions", json=VALID_WIDGET)
    body = await rejected.get_json()
    assert statuses == [201, 201, 201]
    assert rejected.status_code == 429
    assert body["data"] is None
    [error] = body["errors"]
    assert error["code"] == "RATE_LIMIT_EXCEEDED"
    assert error["details"]["policy"] == "auth"
    assert 1100 <= error["details"]["retry_after"] <= 1200
    assert rejected.headers.getlist("Retry-After") == [str(error["details"]["retry_after"])]
    assert rejected.headers["RateLimit-Policy"] == '"auth";q=3;w=3600'
    assert RATE_LIMIT_HEADER.fullmatch(rejected.headers["RateLimit"])["remaining"] == "0"
    assert RATE_LIMIT_REJECTIONS.labels("auth")._value.get() == rejections_before + 1


async def test_a_hundred_concurrent_requests_let_exactly_the_limit_through(
    client, user_account
) -> None:
    responses = await asyncio.gather(
        *(
            client.post("/v1/generations", json=VALID_WIDGET, headers=user_account.headers)
            for _ in range(100)
        )
    )
    statuses = [response.status_code for response in responses]
    assert statuses.count(201) == 10
    assert statuses.count(429) == 90


async def test_users_have_their_own_budget(client, user_account, other_user_account) -> None:
    async def generations_for(headers: dict[str, str]) -> list[int]:
        return [
            (await client.post("/v1/generations", json=VALID_WIDGET, headers=headers)).status_code
            for _ in range(11)
        ]

    assert await generations_for(user_account.headers) == [201] * 10 + [429]
    assert await generations_for(other_user_account.headers) == [201] * 10 + [429]


async def test_anonymous_clients_share_the_address_even_with_a_token(client, user_account) -> None:
    """A public route ignores the token: its budget is the address's."""
    statuses = [
        (await client.post("/v1/sessions", json=VALID_WIDGET, headers=headers)).status_code
        for headers in ({}, user_account.headers, {}, user_account.headers)
    ]
    assert statuses == [201, 201, 201, 429]


async def test_rejected_tokens_are_charged_to_the_address_and_meet_the_limit(client) -> None:
    bad = {"Authorization": "Bearer not-a-token"}
    statuses = [
        (await client.post("/v1/generations", json=VALID_WIDGET, headers=bad)).status_code
        for _ in range(11)
    ]
    assert statuses == [401] * 10 + [429]


async def test_exempt_routes_are_never_limited(client) -> None:
    for _ in range(5):
        live = await client.get("/health/live")
        exempt = await client.get("/v1/widgets/exempt")
    for response in (live, exempt):
        assert response.status_code == 200
        assert "RateLimit" not in response.headers
        assert "RateLimit-Policy" not in response.headers


async def test_every_route_is_limited_or_explicitly_exempt(app) -> None:
    rate_limiter = limiter(app)
    assert "rate_limit" in app.pipeline.stage_names
    exempt, classes = set(), {}
    for rule in app.url_map.iter_rules():
        for method in rule.methods - {"OPTIONS"}:
            rate_class = rate_limiter.policy_class(app, rule.endpoint, method)
            if rate_class is None:
                exempt.add(rule.endpoint)
            else:
                classes[(method, rule.rule)] = rate_class
    assert exempt == EXPLICITLY_EXEMPT
    assert classes[("POST", "/v1/generations")] is RateClass.GENERATE
    assert classes[("POST", "/v1/sessions")] is RateClass.AUTH
    assert classes[("POST", "/v1/widgets")] is RateClass.WRITE
    assert classes[("GET", "/v1/widgets/<widget_id>")] is RateClass.READ


async def test_the_real_app_exempts_only_operational_routes(settings) -> None:
    app = create_app(settings)
    rate_limiter = limiter(app)
    exempt = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"OPTIONS"}
        if rate_limiter.policy_class(app, rule.endpoint, method) is None
    }
    assert exempt <= EXPLICITLY_EXEMPT - {"widgets.get_exempt_widget"}


async def test_limits_can_be_switched_off(settings_factory) -> None:
    app = add_scale_probes(create_app(settings_factory(rate_limit_enabled=False)))
    async with app.test_app() as test_app:
        response = await test_app.test_client().get("/v1/widgets/01")
    assert response.status_code == 200
    assert "RateLimit" not in response.headers


async def test_an_unreachable_store_lets_reads_through_and_limits_the_rest_in_process(
    settings_factory,
) -> None:
    settings = settings_factory(
        redis_url="redis://127.0.0.1:1/0", redis_timeout_seconds=0.2, rate_limit_auth="3/hour"
    )
    app = add_scale_probes(create_app(settings))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        read = await client.get("/v1/widgets/01")
        writes = [
            (await client.post("/v1/sessions", json=VALID_WIDGET)).status_code for _ in range(4)
        ]
    assert read.status_code == 200
    assert "RateLimit" not in read.headers
    assert writes == [201, 201, 201, 429]


def test_gcra_allows_a_burst_of_the_limit_then_one_per_emission_interval() -> None:
    tat = None
    decisions = []
    for _ in range(11):
        decision, tat = gcra_step(tat, 1_000_000.0, 10, 60_000)
        decisions.append(decision)
    assert [decision.allowed for decision in decisions] == [True] * 10 + [False]
    assert [decision.remaining for decision in decisions[:10]] == list(range(9, -1, -1))
    assert decisions[-1].retry_after_ms == 6000
    later, _ = gcra_step(tat, 1_000_000.0 + 6000, 10, 60_000)
    assert later.allowed


async def test_the_in_process_store_is_atomic_under_concurrency() -> None:
    store = MemoryRateStore()
    decisions = await asyncio.gather(*(store.acquire("k", 10, 60_000) for _ in range(100)))
    assert sum(decision.allowed for decision in decisions) == 10


async def test_the_in_process_store_forgets_expired_keys() -> None:
    store = MemoryRateStore()
    for number in range(1023):
        await store.acquire(f"short-{number}", 1, 1)
    await asyncio.sleep(0.01)
    await store.acquire("long", 1, 60_000)
    assert len(store) == 1


@pytest.mark.skipif(TEST_REDIS_URL is None, reason="needs ALLOY_TEST_REDIS_URL")
async def test_the_redis_store_is_atomic_and_its_keys_expire(settings) -> None:
    link = RedisLink(build_client(settings), settings)
    try:
        store = RedisRateStore(link)
        trips = await asyncio.gather(
            *(store.acquire("alloy:rl:test", 10, 60_000) for _ in range(100))
        )
        time_to_live_ms = await link.client.pttl("alloy:rl:test")
    finally:
        await link.close()
    assert sum(trip.decision.allowed for trip in trips) == 10
    assert 0 < time_to_live_ms <= 60_000
