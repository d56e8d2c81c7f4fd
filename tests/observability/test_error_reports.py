"""Sentry: an unhandled error reaches a local envelope endpoint with its tags and nothing secret."""

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli
import pytest
import sentry_sdk
from quart import Quart

from alloy_api.app import create_app
from tests.scale_probes import add_scale_probes

REQUEST_ID = "sentry-probe-1"
BODY_MARKER = "body-marker-hunter2"
COOKIE_VALUE = "cookie-marker-0451"
DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress, "": lambda body: body}


class EnvelopeSink(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _EnvelopeHandler)
        self.envelopes: list[str] = []

    @property
    def dsn(self) -> str:
        return f"http://public-key@127.0.0.1:{self.server_address[1]}/42"

    def events(self) -> list[dict[str, Any]]:
        """The payload of every `event` item received so far."""
        found = []
        for envelope in self.envelopes:
            lines = envelope.splitlines()[1:]
            for header, payload in zip(lines[::2], lines[1::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


class _EnvelopeHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        decode = DECODERS[self.headers.get("Content-Encoding", "")]
        self.server.envelopes.append(decode(body).decode())  # type: ignore[attr-defined]
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def envelope_sink() -> Iterator[EnvelopeSink]:
    sink = EnvelopeSink()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    yield sink
    sink.shutdown()
    sink.server_close()


@pytest.fixture
def app(settings_factory, envelope_sink: EnvelopeSink) -> Quart:
    return add_scale_probes(create_app(settings_factory(sentry_dsn=envelope_sink.dsn)))


@pytest.mark.filterwarnings("ignore:The send_default_pii option is deprecated")
async def test_an_unhandled_error_arrives_tagged_and_without_secrets(
    client, user_account, envelope_sink: EnvelopeSink
) -> None:
    headers = {
        **user_account.headers,
        "Cookie": f"session={COOKIE_VALUE}",
        "X-Request-ID": REQUEST_ID,
    }
    missing = await client.get("/v1/widgets/none", headers=headers)
    assert missing.status_code == 404
    failed = await client.post(
        "/v1/widgets", json={"name": BODY_MARKER, "outcome": 500}, headers=headers
    )
    assert failed.status_code == 500
    sentry_sdk.flush(timeout=5)

    [event] = envelope_sink.events()
    [exception] = event["exception"]["values"]
    assert (exception["type"], exception["value"]) == ("RuntimeError", "the widget press jammed")
    assert event["tags"] == {
        "request_id": REQUEST_ID,
        "route": "/v1/widgets",
        "user_id": user_account.id,
    }
    assert event["environment"] == "development"
    for absent in ("request", "user", "breadcrumbs", "extra"):
        assert absent not in event
    assert all("vars" not in frame for frame in exception["stacktrace"]["frames"])
    everything_sent = "\n".join(envelope_sink.envelopes)
    for secret in (user_account.access_token, BODY_MARKER, COOKIE_VALUE, "Bearer"):
        assert secret not in everything_sent
