"""The request pipeline: one declared order, and what that order guarantees.

The idempotency tests show the two orderings the contract names (a revoked token is refused
before a kept key replays; a 429 comes before a key is held); these show the rest.
"""

import os

import pytest
import redis
from quart import Quart

from alloy_api.app import create_app
from alloy_api.auth.totp import code_at_step, current_step
from alloy_api.idempotency.models import IdempotencyKey
from tests.auth.factories import STRONG_PASSWORD
from tests.scale_probes import add_scale_probes

TEST_REDIS_URL = os.environ.get("ALLOY_TEST_REDIS_URL")
DECLARED_ORDER = (
    "request_id",
    "observe",
    "security_headers",
    "cors",
    "compression",
    "body",
    "identity",
    "rate_limit",
    "idempotency",
)


@pytest.fixture
def app(settings_factory) -> Quart:
    return add_scale_probes(create_app(settings_factory(rate_limit_auth="6/hour")))


def test_the_stages_run_in_the_declared_order(app) -> None:
    assert app.pipeline.stage_names == DECLARED_ORDER


def test_no_quart_hook_runs_beside_the_pipeline(app) -> None:
    assert not any(app.before_request_funcs.values())
    assert not any(app.after_request_funcs.values())
    assert not any(app.teardown_request_funcs.values())


@pytest.mark.parametrize(
    ("method", "path", "extra", "status", "code"),
    [
        ("POST", "/v1/widgets", {"data": "x", "headers": {"Content-Type": "text/plain"}}, 415,
         "VAL_UNSUPPORTED_MEDIA_TYPE"),
        ("POST", "/v1/widgets", {"json": {"name": "a"}}, 401, "AUTH_MISSING_TOKEN"),
        ("GET", "/v1/nowhere", {}, 404, "NF_ROUTE"),
    ],
)  # fmt: skip
async def test_an_answer_from_any_stage_passes_the_stages_outside_it(
    client, method, path, extra, status, code
) -> None:
    response = await client.open(path, method=method, **extra)
    body = await response.get_json()
    assert response.status_code == status
    assert [error["code"] for error in body["errors"]] == [code]
    assert response.headers["X-Request-ID"] == body["meta"]["request_id"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


async def test_a_429_carries_the_rate_limit_and_security_headers(client) -> None:
    for _ in range(6):
        await client.post("/v1/sessions", json={"name": "a"})
    refused = await client.post("/v1/sessions", json={"name": "a"})
    assert refused.status_code == 429
    assert refused.headers["RateLimit-Policy"] == '"auth";q=6;w=3600'
    assert refused.headers["X-Frame-Options"] == "DENY"
    assert refused.headers["X-Request-ID"]


async def test_a_role_is_checked_before_the_budget_and_the_key(client, user_account) -> None:
    headers = {**user_account.headers, "Idempotency-Key": "admin-try"}
    response = await client.get("/v1/admin/users", headers=headers)
    assert response.status_code == 403
    assert await IdempotencyKey.all().count() == 0


def secrets_in(body: dict) -> list[str]:
    data = body["data"] or {}
    found = [data.get(name) for name in ("access_token", "refresh_token", "secret")]
    found.extend(data.get("recovery_codes") or [])
    return [value for value in found if value]


async def test_no_token_secret_or_recovery_code_is_kept_anywhere(client, user_account) -> None:
    keyed = {"Idempotency-Key": "same-key"}
    credentials = {"email": user_account.email, "password": STRONG_PASSWORD}
    login = await (await client.post("/v1/auth/login", json=credentials, headers=keyed)).get_json()
    again = await (await client.post("/v1/auth/login", json=credentials, headers=keyed)).get_json()
    assert login["data"]["access_token"] != again["data"]["access_token"]
    tokens = login["data"]
    refreshed = await (
        await client.post(
            "/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}, headers=keyed
        )
    ).get_json()
    bearer = {"Authorization": f"Bearer {refreshed['data']['access_token']}", **keyed}
    enrolment = await (
        await client.post(
            "/v1/auth/2fa/enrolment",
            json={"current_password": credentials["password"]},
            headers=bearer,
        )
    ).get_json()
    code = code_at_step(enrolment["data"]["secret"], current_step())
    verification = await (
        await client.post("/v1/auth/2fa/verification", json={"code": code}, headers=bearer)
    ).get_json()
    bodies = [login, again, refreshed, enrolment, verification]
    for body in bodies:
        assert any("Idempotency-Key is ignored" in warning for warning in body["meta"]["warnings"])
    assert len(verification["data"]["recovery_codes"]) == 10
    assert await IdempotencyKey.all().count() == 0
    if TEST_REDIS_URL:
        kept = redis.Redis.from_url(TEST_REDIS_URL)
        keys = list(kept.scan_iter(match="*", count=500))
        assert all(kept.type(key) == b"string" for key in keys)
        stored = b"".join(key + (kept.get(key) or b"") for key in keys)
        assert b"alloy:rl:auth:" in stored
        for secret in (value for body in bodies for value in secrets_in(body)):
            assert secret.encode() not in stored
