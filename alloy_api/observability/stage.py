"""The observing stage: one access line, one latency sample and (with tracing) one server span
per request, whatever the answer."""

import contextlib
import time

from quart import Response, request

from alloy_api.kit.logging import write_access_line
from alloy_api.kit.pipeline import CallNext, RequestState
from alloy_api.observability.metrics import current_route, observe_request
from alloy_api.observability.tracing import ServerSpans, incoming_trace_id

DURATION_DECIMALS = 3


class ObserveStage:
    name = "observe"

    def __init__(self, spans: ServerSpans | None) -> None:
        self._spans = spans

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        method, route = request.method, current_route()
        if self._spans is None:
            state.trace_id = incoming_trace_id(request.headers.get("traceparent")) or ""
            span_context = contextlib.nullcontext(None)
        else:
            span_context = self._spans.span(state, method, route)
        with span_context as span:
            response = await call_next()
            status = response.status_code
            if span is not None and self._spans is not None:
                self._spans.record_status(span, status)
        seconds = time.perf_counter() - state.started_at
        observe_request(method, route, status, seconds)
        write_access_line(
            {
                "method": method,
                "route": request.url_rule.rule if request.url_rule is not None else None,
                "status": status,
                "duration_ms": round(seconds * 1000, DURATION_DECIMALS),
                "user_id": state.user_id,
            }
        )
        return response
