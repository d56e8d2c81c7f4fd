"""OpenTelemetry server spans, off unless `OTEL_TRACES_EXPORTER` names an exporter.

The SDK, the OTLP exporter and the asyncpg instrumentation are the optional `alloy[tracing]`
extra. Spans are named `METHOD /route/{template}` and continue the caller's `traceparent`; each
SQL statement of the request is a client span under it (`db_spans`). Without tracing no hook is
installed and no database client is patched; a valid incoming `traceparent` still puts its trace
id into the log lines of the request.
"""

import re
from typing import Any

from quart import Quart, Response, g, request

from alloy_api.kit.logging import current_trace_id
from alloy_api.observability.metrics import current_route
from alloy_api.settings import Settings

TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
NULL_TRACE_ID = "0" * 32
TRACER_PROVIDER_KEY = "alloy_tracer_provider"
SERVER_ERROR = 500


class TracingUnavailableError(RuntimeError):
    """Tracing is configured but the `alloy[tracing]` extra is not installed."""


def incoming_trace_id(traceparent: str | None) -> str | None:
    if not traceparent:
        return None
    match = TRACEPARENT.fullmatch(traceparent.strip())
    if match is None or match.group(1) == NULL_TRACE_ID:
        return None
    return match.group(1)


async def _log_incoming_trace_id() -> None:
    trace_id = incoming_trace_id(request.headers.get("traceparent"))
    if trace_id is not None:
        current_trace_id.set(trace_id)


def _exporter(settings: Settings) -> Any:
    if settings.otel_traces_exporter.lower() == "console":
        from opentelemetry.sdk.trace.export import ConsoleSpanExporter

        return ConsoleSpanExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter(endpoint=settings.otlp_traces_url)


def _install_spans(app: Quart, settings: Settings) -> None:
    try:
        from opentelemetry import context, propagate, trace
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        from alloy_api.observability.db_spans import instrument_databases, uninstrument_databases
    except ImportError as error:
        raise TracingUnavailableError(
            "OTEL_TRACES_EXPORTER is set but tracing is not installed: pip install 'alloy[tracing]'"
        ) from error

    resource = Resource.create({"service.name": settings.otel_service_name})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(_exporter(settings)))
    tracer = provider.get_tracer("alloy_api")
    app.extensions[TRACER_PROVIDER_KEY] = provider

    async def start_span() -> None:
        parent = propagate.extract(request.headers)
        route = current_route()
        span = tracer.start_span(
            f"{request.method} {route}",
            context=parent,
            kind=trace.SpanKind.SERVER,
            attributes={"http.request.method": request.method, "http.route": route},
        )
        g.trace_span = (span, context.attach(trace.set_span_in_context(span, parent)))
        current_trace_id.set(format(span.get_span_context().trace_id, "032x"))

    async def record_status(response: Response) -> Response:
        started = g.get("trace_span")
        if started is not None:
            span = started[0]
            span.set_attribute("http.response.status_code", response.status_code)
            if response.status_code >= SERVER_ERROR:
                span.set_status(trace.Status(trace.StatusCode.ERROR))
        return response

    async def end_span(_: BaseException | None) -> None:
        started = g.pop("trace_span", None)
        if started is not None:
            span, token = started
            span.end()
            context.detach(token)

    @app.before_serving
    async def trace_databases() -> None:
        instrument_databases(provider)

    @app.after_serving
    async def flush_spans() -> None:
        uninstrument_databases()
        provider.shutdown()

    app.before_request(start_span)
    app.after_request(record_status)
    app.teardown_request(end_span)


def install_tracing(app: Quart, settings: Settings) -> None:
    if settings.tracing_enabled:
        _install_spans(app, settings)
    else:
        app.before_request(_log_incoming_trace_id)
