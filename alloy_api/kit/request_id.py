"""`X-Request-ID`: echo a safe client id or mint a UUIDv7; expose it to logs and the envelope."""

import re

from quart import Response, request

from alloy_api.kit.ids import new_id_str
from alloy_api.kit.pipeline import CallNext, RequestState

REQUEST_ID_HEADER = "X-Request-ID"
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def choose_request_id(client_value: str | None) -> str:
    if client_value and SAFE_REQUEST_ID.fullmatch(client_value):
        return client_value
    return new_id_str()


class RequestIdStage:
    name = "request_id"

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        state.request_id = choose_request_id(request.headers.get(REQUEST_ID_HEADER))
        response = await call_next()
        response.headers.add(REQUEST_ID_HEADER, state.request_id)  # set by this stage alone
        return response
