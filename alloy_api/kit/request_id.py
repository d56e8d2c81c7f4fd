"""`X-Request-ID`: echo a safe client id or mint a UUIDv7; expose it to logs and the envelope."""

import re
from contextvars import ContextVar

from quart import Quart, Response, g, request

from alloy_api.kit.ids import new_id_str

REQUEST_ID_HEADER = "X-Request-ID"
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")


def choose_request_id(client_value: str | None) -> str:
    if client_value and SAFE_REQUEST_ID.fullmatch(client_value):
        return client_value
    return new_id_str()


async def _assign_request_id() -> None:
    request_id = choose_request_id(request.headers.get(REQUEST_ID_HEADER))
    g.request_id = request_id
    current_request_id.set(request_id)


async def _echo_request_id(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id") or new_id_str()
    return response


def install_request_id(app: Quart) -> None:
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)
