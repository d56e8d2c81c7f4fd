"""Every failure answers the error envelope with the exact status and code."""

import json
import re

import pytest
from quart import Quart

from alloy_api.app import create_app
from alloy_api.settings import Settings
from tests.probes import INTERNAL_DETAIL, add_probes

TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
VALID_PROBE = {
    "name": "back squat",
    "duration_weeks": 8,
    "kind": "squat",
    "starts_at": "2026-11-26T03:20:11.5+01:00",
}


@pytest.fixture
def app(settings: Settings) -> Quart:
    return add_probes(create_app(settings))


def assert_error_envelope(body: dict, *codes: str) -> list[dict]:
    assert body["data"] is None
    assert TIMESTAMP.fullmatch(body["meta"]["timestamp"])
    assert body["meta"]["request_id"]
    assert [error["code"] for error in body["errors"]] == list(codes)
    for error in body["errors"]:
        assert error["message"]
        assert isinstance(error["details"], dict)
    return body["errors"]


async def test_success_uses_the_envelope_and_normalises_time_to_utc(client) -> None:
    response = await client.post("/v1/probes", json=VALID_PROBE)
    body = await response.get_json()
    assert response.status_code == 201
    assert body["errors"] == []
    assert body["data"]["starts_at"] == "2026-11-26T02:20:11.500Z"
    assert body["meta"]["warnings"] == ["probes are for tests"]


async def test_unknown_route_is_nf_route(client) -> None:
    response = await client.get("/v1/nope")
    assert response.status_code == 404
    assert_error_envelope(await response.get_json(), "NF_ROUTE")


async def test_wrong_method_is_405_with_allow(client) -> None:
    response = await client.delete("/v1/probes")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    errors = assert_error_envelope(await response.get_json(), "VAL_METHOD_NOT_ALLOWED")
    assert errors[0]["details"]["allowed"] == ["POST"]


async def test_malformed_json_is_val_malformed_json(client) -> None:
    response = await client.post(
        "/v1/probes", data='{"name": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_MALFORMED_JSON")


async def test_other_media_type_is_415(client) -> None:
    response = await client.post(
        "/v1/probes", data="name=x", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 415
    errors = assert_error_envelope(await response.get_json(), "VAL_UNSUPPORTED_MEDIA_TYPE")
    assert errors[0]["details"]["actual"] == "application/x-www-form-urlencoded"


async def test_body_over_the_limit_is_413(settings_factory) -> None:
    app = add_probes(create_app(settings_factory(max_body_bytes=1024)))
    async with app.test_app() as test_app:
        response = await test_app.test_client().post(
            "/v1/probes",
            data=json.dumps({"name": "x" * 2000}),
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 413
    assert_error_envelope(await response.get_json(), "VAL_BODY_TOO_LARGE")


async def test_each_invalid_field_is_its_own_item_with_its_constraint(client) -> None:
    probe = {**VALID_PROBE, "duration_weeks": 7, "kind": "curl", "name": "ab"}
    response = await client.post("/v1/probes", json=probe)
    assert response.status_code == 400
    errors = assert_error_envelope(
        await response.get_json(), "VAL_NAME", "VAL_DURATION_WEEKS", "VAL_KIND"
    )
    by_code = {error["code"]: error["details"] for error in errors}
    assert by_code["VAL_DURATION_WEEKS"] == {
        "field": "duration_weeks",
        "reason": "greater_than_equal",
        "min": 8,
        "actual": 7,
    }
    assert by_code["VAL_KIND"]["allowed"] == ["squat", "hinge"]
    assert by_code["VAL_KIND"]["actual"] == "curl"
    assert by_code["VAL_NAME"]["min_length"] == 3


async def test_missing_field_and_naive_datetime_are_rejected(client) -> None:
    probe = {key: value for key, value in VALID_PROBE.items() if key != "name"}
    probe["starts_at"] = "2026-11-26T03:20:11"
    response = await client.post("/v1/probes", json=probe)
    errors = assert_error_envelope(await response.get_json(), "VAL_NAME", "VAL_STARTS_AT")
    assert errors[0]["details"] == {"field": "name", "reason": "missing"}
    assert errors[1]["details"]["reason"] == "timezone_aware"


async def test_a_body_that_is_not_an_object_is_val_body(client) -> None:
    response = await client.post("/v1/probes", json=[1, 2])
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_BODY")


async def test_secret_fields_are_never_echoed(client) -> None:
    response = await client.post("/v1/probes", json={**VALID_PROBE, "password": "short-secret"})
    errors = assert_error_envelope(await response.get_json(), "VAL_PASSWORD")
    assert "actual" not in errors[0]["details"]
    assert "short-secret" not in json.dumps(errors)


async def test_domain_error_keeps_its_code_and_details(client) -> None:
    response = await client.get("/v1/probes/missing")
    assert response.status_code == 404
    errors = assert_error_envelope(await response.get_json(), "NF_ROUTE")
    assert errors[0]["details"] == {"probe": True}


async def test_unhandled_error_is_500_without_internals(client, capsys) -> None:
    response = await client.get("/v1/probes/failure")
    assert response.status_code == 500
    raw_body = (await response.get_data()).decode()
    assert INTERNAL_DETAIL not in raw_body
    assert "Traceback" not in raw_body
    assert_error_envelope(json.loads(raw_body), "SYS_INTERNAL")
    logged = capsys.readouterr().err
    assert "RuntimeError" in logged
    assert "Traceback" in logged


async def test_database_down_is_503(settings_factory) -> None:
    closed_port = settings_factory(database_url="postgres://alloy@127.0.0.1:1/alloy")
    app = add_probes(create_app(closed_port))
    async with app.test_app() as test_app:
        response = await test_app.test_client().get("/v1/probes/database")
    assert response.status_code == 503
    assert_error_envelope(await response.get_json(), "SYS_DATABASE_UNAVAILABLE")
