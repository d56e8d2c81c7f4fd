"""Security headers, request ids and the JSON access log, on success and error responses."""

import json
import re

import pytest

from alloy_api.kit.security_headers import STATIC_SECURITY_HEADERS

UUID7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
EXPECTED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Permitted-Cross-Domain-Policies": "none",
    "X-XSS-Protection": "0",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
}


def access_log_lines(captured_err: str) -> list[dict]:
    lines = [json.loads(line) for line in captured_err.splitlines() if line.startswith("{")]
    return [line for line in lines if line["message"] == "request"]


@pytest.mark.parametrize("path", ["/health/live", "/v1/nope"])
async def test_every_response_carries_the_security_headers(client, path) -> None:
    response = await client.get(path)
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value, name
    policy = response.headers["Permissions-Policy"]
    for feature in ("geolocation", "camera", "microphone", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert response.headers.get("Server", "") == ""


def test_expected_headers_match_the_kit() -> None:
    for name, value in STATIC_SECURITY_HEADERS.items():
        if name in EXPECTED_HEADERS:
            assert EXPECTED_HEADERS[name] == value


async def test_docs_page_loads_only_alloys_own_files(client) -> None:
    response = await client.get("/docs")
    page = await response.get_data(as_text=True)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy
    assert "https:" not in policy and "http:" not in policy
    assert "<script>" not in page, "no inline script: the policy would refuse it"
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/docs/assets/") for source in sources)
    for source in sources:
        asset = await client.get(source)
        assert asset.status_code == 200, source
        assert asset.headers["Content-Security-Policy"] == policy
        assert len(await asset.get_data()) > 0


async def test_an_unknown_docs_asset_is_a_404_envelope(client) -> None:
    response = await client.get("/docs/assets/..%2f..%2fsettings.py")
    body = await response.get_json()
    assert response.status_code == 404
    assert body["errors"][0]["code"] == "NF_ROUTE"


async def test_safe_client_request_id_is_echoed_everywhere(client, capsys) -> None:
    response = await client.get("/v1/nope", headers={"X-Request-ID": "client-42:retry.1"})
    body = await response.get_json()
    assert response.headers["X-Request-ID"] == "client-42:retry.1"
    assert body["meta"]["request_id"] == "client-42:retry.1"
    [log_line] = access_log_lines(capsys.readouterr().err)
    assert log_line["request_id"] == "client-42:retry.1"


@pytest.mark.parametrize(
    "unsafe_id", ["", "has space", "x" * 129, "semi;colon", "new\\nline", "<script>"]
)
async def test_unsafe_request_id_is_replaced_with_a_uuid7(client, unsafe_id) -> None:
    response = await client.get("/health/live", headers={"X-Request-ID": unsafe_id})
    body = await response.get_json()
    assert UUID7.fullmatch(response.headers["X-Request-ID"])
    assert body["meta"]["request_id"] == response.headers["X-Request-ID"]


async def test_access_log_has_one_json_line_per_request(client, capsys) -> None:
    await client.get("/health/live")
    await client.get("/v1/nope")
    first, second = access_log_lines(capsys.readouterr().err)
    assert first["route"] == "/health/live"
    assert first["method"] == "GET"
    assert first["status"] == 200
    assert first["duration_ms"] >= 0
    assert "user_id" in first
    assert second["status"] == 404
    assert second["route"] is None


async def test_tokens_never_reach_the_log(client, capsys) -> None:
    token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl"
    await client.get("/health/live", headers={"Authorization": f"Bearer {token}"})
    assert token not in capsys.readouterr().err
