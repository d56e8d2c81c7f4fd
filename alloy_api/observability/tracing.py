"""OpenTelemetry server spans, off unless `OTEL_TRACES_EXPORTER` names an exporter.

The SDK, the OTLP exporter and the asyncpg instrumentation are the optional `alloy[tracing]`
extra. Spans are named `METHOD /route/{template}` and continue the caller's `traceparent`; each
SQL statement of the request is a client span under it (`db_spans`). Without tracing no database
client is patched; a valid incoming `traceparent` still puts its trace id into the log lines of
the request.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from quart import Quart, request

from alloy_api.kit.pipeline import RequestState
from alloy_api.settings import Settings

TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
NULL_TRACE_ID = "0" * 32
SERVER_ERROR = 500
TRACER_PROVIDER_KEY = "alloy_tracer_provider"


class TracingUnavailableError(RuntimeError):
    """Tracing is configured but the `alloy[tracing]` extra is not installed."""


def incoming_trace_id(traceparent: str | None) -> str | None:
    if not traceparent:
        return None
    match = TRACEPARENT.fullmatch(traceparent.strip())
    if match is None or match.group(1) == NULL_TRACE_ID:
        return None
    return match.group(1)


def _exporter(settings: Settings) -> Any:
    if settings.otel_traces_exporter.lower() == "console":
        from opentelemetry.sdk.trace.export import ConsoleSpanExporter

        return ConsoleSpanExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter(endpoint=settings.otlp_traces_url)


class ServerSpans:
    """One server span per request, exported through the SDK's batch processor."""

    def __init__(self, app: Quart, settings: Settings) -> None:
        try:
            from opentelemetry import context, propagate, trace
            from opentelemetry.sdk.resources import Resource
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import BatchSpanProcessor

            from alloy_api.observability.db_spans import (
                instrument_databases,
                uninstrument_databases,
            )
        except ImportError as error:
            raise TracingUnavailableError(
                "OTEL_TRACES_EXPORTER is set but tracing is not installed: "
                "pip install 'alloy[tracing]'"
            ) from error
        self._context, self._propagate, self._trace = context, propagate, trace
        resource = Resource.create({"service.name": settings.otel_service_name})
        self.provider = TracerProvider(resource=resource)
        self.provider.add_span_processor(BatchSpanProcessor(_exporter(settings)))
        app.extensions[TRACER_PROVIDER_KEY] = self.provider
        self._tracer = self.provider.get_tracer("alloy_api")

        @app.before_serving
        async def trace_databases() -> None:
            instrument_databases(self.provider)

        @app.after_serving
        async def flush_spans() -> None:
            uninstrument_databases()
            self.provider.shutdown()

    @contextmanager
    def span(self, state: RequestState, method: str, route: str) -> Iterator[Any]:
        trace = self._trace
        parent = self._propagate.extract(request.headers)
        span = self._tracer.start_span(
            f"{method} {route}",
            context=parent,
            kind=trace.SpanKind.SERVER,
            attributes={"http.request.method": method, "http.route": route},
        )
        token = self._context.attach(trace.set_span_in_context(span, parent))
        state.trace_id = format(span.get_span_context().trace_id, "032x")
        try:
            yield span
        finally:
            span.end()
            self._context.detach(token)

    def record_status(self, span: Any, status: int) -> None:
        span.set_attribute("http.response.status_code", status)
        if status >= SERVER_ERROR:
            span.set_status(self._trace.Status(self._trace.StatusCode.ERROR))


def build_server_spans(app: Quart, settings: Settings) -> ServerSpans | None:
    return ServerSpans(app, settings) if settings.tracing_enabled else None
