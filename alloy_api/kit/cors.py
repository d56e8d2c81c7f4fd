"""Cross-origin requests from the origins `ALLOY_CORS_ORIGINS` allows (none by default).

A pipeline stage rather than quart-cors: quart-cors adds its headers in an `after_request` hook,
which runs only for responses of the route's dispatch, so the 401, 413, 415 and 429 that earlier
stages answer would reach a browser without them (and unreadable to the calling page); and it
answers preflights through Quart's automatic OPTIONS, which Alloy turns off so that an OPTIONS
never reaches a route. Here a preflight from an allowed origin is answered before identity and
limits (it carries no token), and every other response to that origin, whichever stage made it,
gets `Access-Control-Allow-Origin` and the headers a client needs to read.
"""

from collections.abc import Iterable
from http import HTTPStatus

from quart import Response, request
from werkzeug.datastructures import HeaderSet
from werkzeug.exceptions import MethodNotAllowed

from alloy_api.kit.pipeline import CallNext, RequestState

EXPOSED_HEADERS = HeaderSet(
    [
        "ETag",
        "Location",
        "Retry-After",
        "RateLimit",
        "RateLimit-Policy",
        "X-Request-ID",
        "Idempotent-Replayed",
        "Deprecation",
        "Sunset",
        "Link",
    ]
)
ALLOWED_REQUEST_HEADERS = HeaderSet(
    [
        "Authorization",
        "Content-Type",
        "Idempotency-Key",
        "If-None-Match",
        "X-Request-ID",
        "Accept-Language",
    ]
)
PREFLIGHT_MAX_AGE_SECONDS = 600


class CorsStage:
    name = "cors"

    def __init__(self, origins: Iterable[str]) -> None:
        self._origins = frozenset(origins)

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        if not self._origins:
            return await call_next()
        origin = request.headers.get("Origin")
        allowed = origin in self._origins
        if allowed and request.method == "OPTIONS":
            preflight = _preflight_answer()
            if preflight is not None:
                return _allow(preflight, origin)
        response = await call_next()
        response.vary.add("Origin")
        return _allow(response, origin) if allowed else response


def _preflight_answer() -> Response | None:
    """204 naming the path's methods, when the request is a preflight for one of them."""
    wanted = request.headers.get("Access-Control-Request-Method")
    routing = request.routing_exception
    if wanted is None or not isinstance(routing, MethodNotAllowed):
        return None
    methods = {method for method in routing.valid_methods or () if method != "HEAD"}
    if wanted not in methods:
        return None
    response = Response(b"", HTTPStatus.NO_CONTENT)
    response.access_control_allow_methods = HeaderSet(sorted(methods))
    response.access_control_allow_headers = ALLOWED_REQUEST_HEADERS
    response.access_control_max_age = PREFLIGHT_MAX_AGE_SECONDS
    response.vary.add("Origin")
    return response


def _allow(response: Response, origin: str | None) -> Response:
    response.access_control_allow_origin = origin
    response.access_control_expose_headers = EXPOSED_HEADERS
    return response
