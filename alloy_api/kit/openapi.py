"""Route documentation helpers: every route declares its envelope and its error responses."""

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any, TypeVar

from quart_schema import document_response

from alloy_api.kit.envelope import Envelope, ErrorEnvelope

RouteT = TypeVar("RouteT", bound=Callable[..., Any])
ALWAYS_POSSIBLE_ERRORS = (HTTPStatus.INTERNAL_SERVER_ERROR,)


def responds(
    data_model: Any,
    status: int = HTTPStatus.OK,
    *,
    errors: Iterable[int] = (),
) -> Callable[[RouteT], RouteT]:
    """Document the success envelope of `data_model` and the error envelopes a route answers."""

    def decorator(route: RouteT) -> RouteT:
        documented = document_response(Envelope[data_model], status)(route)
        for error_status in {*errors, *ALWAYS_POSSIBLE_ERRORS}:
            documented = document_response(ErrorEnvelope, error_status)(documented)
        return documented

    return decorator
