"""The machinery of the request pipeline: stages that wrap one another around the route.

A stage is an async callable `stage(state, call_next) -> Response`: it may act before calling
`call_next()` (the rest of the pipeline and the route), answer without calling it, and act on the
response on the way out. The order is declared once, in `alloy_api.pipeline`; this module only
runs it. Every stage receives a Response from `call_next()`, never an exception: an error raised
by a stage or by the route is rendered into its envelope where it is raised, so the stages
around it (headers, logs, metrics) see it as the response it is.

`RequestState` is what the stages learn about a request and hand on (its id, who is asking,
the rate-limit decision, the values fetched ahead in the first Redis round trip, warnings); the
route and the services reach it through `current_state()`.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import orjson
from loguru import logger
from quart import Quart, Response
from quart.asgi import ASGIHTTPConnection
from quart.typing import ASGIReceiveCallable, ASGISendCallable

if TYPE_CHECKING:
    from alloy_api.kit.cache.keys import CacheKey

CallNext = Callable[[], Awaitable[Response]]
FALLBACK_ERROR = {
    "data": None,
    "meta": {"request_id": "", "timestamp": None, "warnings": []},
    "errors": [{"code": "SYS_INTERNAL", "message": "An internal error occurred", "details": {}}],
}


@dataclass(slots=True)
class RequestState:
    request_id: str = ""
    trace_id: str = ""
    started_at: float = field(default_factory=time.perf_counter)
    user_id: str | None = None
    """The user a verified bearer token names: rate limits and idempotency keys are theirs."""
    principal: Any = None
    """Who acts, once the identity stage has checked the token against its revocation state."""
    rate_limit: Any = None
    """The rate limiter's decision for this request, taken in its first Redis round trip."""
    prefetch: "list[CacheKey]" = field(default_factory=list)
    """Cache keys to read in the first Redis round trip."""
    prefetched: dict[str, bytes | None] = field(default_factory=dict)
    """What that round trip brought back, by key base; each value is taken once."""
    warnings: list[str] = field(default_factory=list)
    response_headers: dict[str, str] = field(default_factory=dict)
    """Headers a stage or the route asks for on the final response (deprecation, ...)."""


_state: ContextVar[RequestState | None] = ContextVar("alloy_request_state", default=None)


def current_state() -> RequestState | None:
    """This request's state, or None outside a request."""
    return _state.get()


class Stage(Protocol):
    name: str

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response: ...


class Pipeline:
    def __init__(self, app: Quart, stages: Sequence[Stage]) -> None:
        self.app = app
        self.stages = tuple(stages)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    async def handle(self) -> Response:
        state = RequestState()
        token = _state.set(state)
        try:
            response = await self._through(0, state)
            if state.response_headers:
                response.headers.update(state.response_headers)
            return response
        finally:
            _state.reset(token)

    async def _through(self, index: int, state: RequestState) -> Response:
        if index == len(self.stages):
            return await self._route()
        try:
            return await self.stages[index](state, lambda: self._through(index + 1, state))
        except Exception as error:
            return await self.render_error(error)

    async def _route(self) -> Response:
        try:
            return await self.app.make_response(await self.app.dispatch_request())
        except Exception as error:
            return await self.render_error(error)

    async def render_error(self, error: Exception) -> Response:
        """`error` as its envelope, through the app's error handlers."""
        try:
            return await self.app.make_response(await self.app.handle_user_exception(error))
        except Exception as failure:
            logger.opt(exception=failure).error("rendering an error failed")
            return Response(orjson.dumps(FALLBACK_ERROR), 500, mimetype="application/json")


class InlineHTTPConnection(ASGIHTTPConnection):
    """Quart's HTTP connection, with the request handled in the server's own task.

    Quart starts a task for the request beside the task reading the client's messages, waits for
    the first of the two and then cancels and gathers the other: two tasks, a wait and a gather
    a request. Here only the reader is a task; it still cancels the request when the client
    disconnects before the response is sent, as Quart does.
    """

    async def __call__(self, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        request = self._create_request_from_scope(send)
        handler = asyncio.current_task()
        receiver = asyncio.ensure_future(self.handle_messages(request, receive))
        handling = [True]

        def cancel_on_disconnect(reader: asyncio.Task[None]) -> None:
            if handling[0] and handler is not None and not reader.cancelled():
                handler.cancel()

        receiver.add_done_callback(cancel_on_disconnect)
        try:
            await self.handle_request(request, send)
        except asyncio.CancelledError:
            if receiver.done() and not receiver.cancelled() and handler is not None:
                handler.uncancel()
                return
            raise
        finally:
            handling[0] = False
            receiver.cancel()


class PipelineApp(Quart):
    """A Quart app whose requests go through its `pipeline` instead of Quart's hooks."""

    pipeline: Pipeline
    asgi_http_class = InlineHTTPConnection

    async def full_dispatch_request(self, request_context: Any = None) -> Response:
        return await self.pipeline.handle()
