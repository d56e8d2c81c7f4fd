"""Compression above 1 KiB when the client accepts it, and ETags answered with 304."""

import gzip
import json

import brotli
import pytest
from quart import Quart

from alloy_api.app import create_app
from tests.scale_probes import add_scale_probes


@pytest.fixture
def app(settings) -> Quart:
    return add_scale_probes(create_app(settings))


def decoded(body: bytes, encoding: str | None) -> dict:
    if encoding == "gzip":
        body = gzip.decompress(body)
    elif encoding == "br":
        body = brotli.decompress(body)
    return json.loads(body)


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("*", "br"),
        ("identity", None),
        ("gzip;q=0, br;q=0", None),
    ],
)
async def test_large_bodies_are_compressed_as_the_client_prefers(
    client, accept_encoding, expected
) -> None:
    response = await client.get("/v1/widgets", headers={"Accept-Encoding": accept_encoding})
    body = await response.get_data()
    assert response.headers.get("Content-Encoding") == expected
    assert "Accept-Encoding" in response.headers["Vary"]
    assert int(response.headers["Content-Length"]) == len(body)
    assert len(decoded(body, expected)["data"]) == 10


async def test_compression_shrinks_the_body(client) -> None:
    plain = await (await client.get("/v1/widgets")).get_data()
    compressed = await (
        await client.get("/v1/widgets", headers={"Accept-Encoding": "gzip"})
    ).get_data()
    assert len(plain) >= 1024
    assert len(compressed) < len(plain) / 3


async def test_small_bodies_are_sent_as_they_are(client) -> None:
    response = await client.get("/health/live", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response.headers
    assert (await response.get_json())["data"] == {"status": "ok"}


async def test_the_threshold_comes_from_settings(settings_factory) -> None:
    app = create_app(settings_factory(compression_min_bytes=10))
    async with app.test_app() as test_app:
        response = await test_app.test_client().get(
            "/health/live", headers={"Accept-Encoding": "gzip"}
        )
        body = await response.get_data()
    assert response.headers["Content-Encoding"] == "gzip"
    assert decoded(body, "gzip")["data"] == {"status": "ok"}


async def test_a_single_resource_carries_a_weak_etag_and_private_no_cache(client) -> None:
    first = await client.get("/v1/widgets/01")
    second = await client.get("/v1/widgets/01")
    other = await client.get("/v1/widgets/02")
    assert first.headers["ETag"].startswith('W/"')
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["ETag"] != other.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert (await first.get_json())["meta"]["request_id"] != (await second.get_json())["meta"][
        "request_id"
    ]


@pytest.mark.parametrize("form", ["exact", "strong", "listed", "any"])
async def test_if_none_match_answers_304_without_a_body(client, form) -> None:
    etag = (await client.get("/v1/widgets/01")).headers["ETag"]
    if_none_match = {
        "exact": etag,
        "strong": etag.removeprefix("W/"),
        "listed": f'"stale", {etag}',
        "any": "*",
    }[form]
    response = await client.get(
        "/v1/widgets/01", headers={"If-None-Match": if_none_match, "Accept-Encoding": "gzip"}
    )
    assert response.status_code == 304
    assert await response.get_data() == b""
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Content-Encoding" not in response.headers


async def test_a_stale_etag_gets_the_resource(client) -> None:
    response = await client.get("/v1/widgets/01", headers={"If-None-Match": 'W/"stale"'})
    assert response.status_code == 200
    assert (await response.get_json())["data"]["id"] == "01"


async def test_responses_without_etag_stay_no_store(client) -> None:
    response = await client.get("/v1/widgets")
    assert "ETag" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
