"""CORS: pages of the allowed origins may call Alloy; others, and every origin by default, not."""

import pytest
from quart import Quart

from alloy_api.app import create_app
from tests.library_support import error_codes

ALLOWED = "https://app.example.com"
OTHER = "https://evil.example.net"


@pytest.fixture
def app(settings_factory) -> Quart:
    return create_app(settings_factory(cors_origins=[ALLOWED, "http://localhost:3000"]))


def preflight(origin: str, method: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization, idempotency-key",
    }


async def test_a_preflight_from_an_allowed_origin_names_the_paths_methods(client) -> None:
    response = await client.options("/v1/movements/00000000-0000-7000-8000-000000000000",
                                    headers=preflight(ALLOWED, "PATCH"))  # fmt: skip
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    methods = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "PATCH", "DELETE"}
    allowed_headers = response.headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed_headers and "idempotency-key" in allowed_headers
    assert "X-Request-ID" in response.headers, "the preflight went through the pipeline's head"


async def test_a_preflight_from_another_origin_or_for_another_method_is_refused(client) -> None:
    foreign = await client.options("/v1/movements", headers=preflight(OTHER, "POST"))
    assert foreign.status_code == 405
    assert "Access-Control-Allow-Origin" not in foreign.headers
    wrong_method = await client.options("/v1/movements", headers=preflight(ALLOWED, "PUT"))
    assert wrong_method.status_code == 405


async def test_every_answer_to_an_allowed_origin_is_readable_even_a_refusal(
    client, user_headers
) -> None:
    refused = await client.get("/v1/movements", headers={"Origin": ALLOWED})
    assert refused.status_code == 401
    assert error_codes(await refused.get_json()) == ["AUTH_MISSING_TOKEN"]
    assert refused.headers["Access-Control-Allow-Origin"] == ALLOWED
    served = await client.get("/v1/movements", headers={**user_headers, "Origin": ALLOWED})
    assert served.status_code == 200
    assert served.headers["Access-Control-Allow-Origin"] == ALLOWED
    listed = served.headers["Access-Control-Expose-Headers"].split(",")
    exposed = {header.strip().lower() for header in listed}
    assert {"ratelimit", "ratelimit-policy", "x-request-id", "etag", "location"} <= exposed
    assert "Origin" in served.headers["Vary"]
    foreign = await client.get("/v1/movements", headers={**user_headers, "Origin": OTHER})
    assert "Access-Control-Allow-Origin" not in foreign.headers


async def test_no_origin_is_allowed_by_default(settings_factory) -> None:
    app = create_app(settings_factory())
    async with app.test_app() as running:
        response = await running.test_client().options(
            "/v1/movements", headers=preflight(ALLOWED, "GET")
        )
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response.headers
