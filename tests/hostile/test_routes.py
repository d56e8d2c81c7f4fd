"""Hostile paths and methods: a literal segment is never taken for an id, `//` is not
redirected, and a bodiless answer carries no Content-Type."""

import pytest

from tests.kit.test_error_envelope import assert_error_envelope


async def raw_head(client, method: str, path: str, headers: dict) -> tuple[int, dict]:
    """The status and headers as the app sent them (the test client's Response would add a
    default Content-Type of its own)."""
    async with client.request(path, method=method, headers=headers) as connection:
        await connection.send_complete()
    return connection.status_code, connection.headers


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("OPTIONS", "/v1/movements/query"),
        ("GET", "/v1/movements/query"),
        ("DELETE", "/v1/movements/query"),
        ("PATCH", "/v1/circuits/query"),
        ("GET", "/v1/circuits/query"),
        ("PUT", "/v1/circuits/query"),
    ],
)
async def test_a_literal_segment_only_ever_names_its_own_route(
    client, user_headers, method, path
) -> None:
    response = await client.open(path, method=method, headers=user_headers)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    errors = assert_error_envelope(await response.get_json(), "VAL_METHOD_NOT_ALLOWED")
    assert errors[0]["details"]["allowed"] == ["POST"]


async def test_a_malformed_id_is_still_the_ids_400(client, user_headers) -> None:
    response = await client.get("/v1/circuits/not-an-id", headers=user_headers)
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_CIRCUIT_ID")


@pytest.mark.parametrize("path", ["/v1//movements", "/v1/movements//query", "/v1/admin//users"])
async def test_a_doubled_slash_is_404_not_a_redirect(client, user_headers, path) -> None:
    response = await client.get(path, headers=user_headers)
    assert response.status_code == 404
    assert_error_envelope(await response.get_json(), "NF_ROUTE")


async def test_a_204_carries_no_content_type(client, user_headers) -> None:
    created = await client.post(
        "/v1/movements",
        json={"name": "Bodiless row", "pattern": "horizontal_pull", "primary_muscle": "lats"},
        headers=user_headers,
    )
    assert created.status_code == 201, await created.get_json()
    movement_id = (await created.get_json())["data"]["id"]
    status, headers = await raw_head(client, "DELETE", f"/v1/movements/{movement_id}", user_headers)
    assert status == 204
    assert "Content-Type" not in headers


async def test_a_304_carries_no_content_type(client, user_headers) -> None:
    created = await client.post(
        "/v1/movements",
        json={"name": "Cached row", "pattern": "horizontal_pull", "primary_muscle": "lats"},
        headers=user_headers,
    )
    path = f"/v1/movements/{(await created.get_json())['data']['id']}"
    first = await client.get(path, headers=user_headers)
    status, headers = await raw_head(
        client, "GET", path, {**user_headers, "If-None-Match": first.headers["ETag"]}
    )
    assert status == 304
    assert "Content-Type" not in headers
