"""Malformed HTTP against the served process: what granian answers itself is a 4xx, and what
reaches Alloy gets the envelope; nothing is a 500."""

import socket
from urllib.parse import urlsplit

import orjson
import pytest

from tests.servers import embedded_server

LOGIN_HEAD = b"POST /v1/auth/login HTTP/1.1\r\nHost: alloy\r\nContent-Type: application/json\r\n"
ANSWERED_BY_GRANIAN = {
    "bad request line": (b"GARBAGE\r\n\r\n", 400),
    "duplicate content-length": (LOGIN_HEAD + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                                 400),
    "1 MiB header": (b"GET /health/live HTTP/1.1\r\nHost: alloy\r\nX-Big: " + b"a" * 2**20
                     + b"\r\n\r\n", 431),
    "NUL in the path": (b"GET /v1/mo\x00vements HTTP/1.1\r\nHost: alloy\r\n\r\n", 400),
}  # fmt: skip
ANSWERED_BY_ALLOY = {
    "bad chunk size": (
        LOGIN_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        400,
        "VAL_REQUEST",
    ),
    "body that stops arriving": (
        LOGIN_HEAD + b'Content-Length: 100\r\n\r\n{"email": ',
        408,
        "VAL_BODY_TIMEOUT",
    ),
    "doubled slash": (b"GET /v1//movements HTTP/1.1\r\nHost: alloy\r\n\r\n", 404, "NF_ROUTE"),
}


@pytest.fixture(scope="module")
def served_address(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("hostile-served")
    with embedded_server(data_dir, ALLOY_BODY_TIMEOUT_SECONDS="1") as host:
        parts = urlsplit(host)
        yield parts.hostname, parts.port


def exchange(address: tuple[str, int], raw: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(address, timeout=10) as connection:
        connection.sendall(raw)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
    return int(lines[0].split(" ")[1]), headers, body


@pytest.mark.parametrize("case", ANSWERED_BY_GRANIAN)
def test_what_granian_answers_itself_is_a_4xx(served_address, case) -> None:
    raw, status = ANSWERED_BY_GRANIAN[case]
    assert exchange(served_address, raw)[0] == status


@pytest.mark.parametrize("case", ANSWERED_BY_ALLOY)
def test_malformed_http_that_reaches_alloy_gets_the_envelope(served_address, case) -> None:
    raw, status, code = ANSWERED_BY_ALLOY[case]
    answered, headers, body = exchange(served_address, raw)
    assert answered == status
    assert headers["content-type"] == "application/json"
    assert headers["x-request-id"]
    assert headers["x-content-type-options"] == "nosniff"
    assert [error["code"] for error in orjson.loads(body)["errors"]] == [code]
