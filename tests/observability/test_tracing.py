"""Tracing: off by default; spans named by route template continue `traceparent`; ids logged."""

import json

import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from alloy_api.app import create_app
from alloy_api.observability.tracing import TRACER_PROVIDER_KEY, incoming_trace_id
from alloy_api.settings import Settings
from tests.scale_probes import add_scale_probes

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"


def request_log_lines(captured_err: str) -> list[dict]:
    lines = [json.loads(line) for line in captured_err.splitlines() if line.startswith("{")]
    return [line for line in lines if line["message"] == "request"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (TRACEPARENT, TRACE_ID),
        (None, None),
        ("garbage", None),
        (f"00-{'0' * 32}-{PARENT_SPAN_ID}-01", None),
        (f"00-{TRACE_ID.upper()}-{PARENT_SPAN_ID}-01", None),
    ],
)
def test_only_a_valid_traceparent_gives_a_trace_id(header, expected) -> None:
    assert incoming_trace_id(header) == expected


async def test_tracing_is_off_by_default_and_the_caller_trace_id_is_still_logged(
    settings, capsys
) -> None:
    app = create_app(settings)
    assert TRACER_PROVIDER_KEY not in app.extensions
    async with app.test_app() as test_app:
        await test_app.test_client().get("/health/live", headers={"traceparent": TRACEPARENT})
        await test_app.test_client().get("/health/live")
    first, second = request_log_lines(capsys.readouterr().err)
    assert first["trace_id"] == TRACE_ID
    assert second["trace_id"] is None


async def test_server_spans_continue_the_caller_trace(settings_factory, capsys) -> None:
    app = add_scale_probes(create_app(settings_factory(otel_traces_exporter="console")))
    finished = InMemorySpanExporter()
    app.extensions[TRACER_PROVIDER_KEY].add_span_processor(SimpleSpanProcessor(finished))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        await client.get("/v1/widgets/01", headers={"traceparent": TRACEPARENT})
        await client.get("/v1/widgets/nope")
        capsys.readouterr()
        await client.get("/v1/not/a/route")
        [unmatched_log] = request_log_lines(capsys.readouterr().err)
    continued, fresh, unmatched = finished.get_finished_spans()
    assert continued.name == "GET /v1/widgets/{widget_id}"
    assert continued.kind is SpanKind.SERVER
    assert format(continued.context.trace_id, "032x") == TRACE_ID
    assert format(continued.parent.span_id, "016x") == PARENT_SPAN_ID
    assert continued.attributes["http.response.status_code"] == 200
    assert continued.attributes["http.route"] == "/v1/widgets/{widget_id}"
    assert fresh.parent is None
    assert format(fresh.context.trace_id, "032x") != TRACE_ID
    assert fresh.attributes["http.response.status_code"] == 404
    assert unmatched.name == "GET unmatched"
    assert unmatched_log["trace_id"] == format(unmatched.context.trace_id, "032x")


def test_the_otlp_endpoint_follows_the_standard_variables(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")
    base_only = Settings(data_dir=tmp_path)
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom")
    with_traces = Settings(data_dir=tmp_path)
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    disabled = Settings(data_dir=tmp_path)
    assert base_only.tracing_enabled
    assert base_only.otlp_traces_url == "http://collector:4318/v1/traces"
    assert with_traces.otlp_traces_url == "http://traces:4318/custom"
    assert not disabled.tracing_enabled
    assert not Settings(data_dir=tmp_path, otel_traces_exporter="none").tracing_enabled
