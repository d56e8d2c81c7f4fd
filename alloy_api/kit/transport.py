"""The ASGI guard below the pipeline: a request whose body breaks in transit still gets an envelope.

When a body's framing breaks after its headers (a malformed chunk size), granian reports it to
the app as `http.disconnect`; Quart then abandons the request (no route acts on a partial body)
without answering, and granian would send a bare 500 of its own, with no request id and no log
line. The guard answers a request whose body never completed, when nothing was sent yet, with 400
`VAL_REQUEST` in the envelope (a client that really went away mid-body simply does not read it;
one that hung up after sending its whole body is left unanswered, as before).
"""

from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any

import orjson
from loguru import logger

from alloy_api.kit.errors import ErrorCode
from alloy_api.kit.ids import new_id_str
from alloy_api.kit.security_headers import (
    JSON_CONTENT_SECURITY_POLICY,
    NO_SERVER_BANNER,
    STATIC_SECURITY_HEADERS,
)
from alloy_api.kit.time import format_utc, utc_now

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]
BROKEN_BODY_MESSAGE = "The request body broke off in transit (malformed framing)"


def broken_body_response(request_id: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = orjson.dumps(
        {
            "data": None,
            "meta": {"request_id": request_id, "timestamp": format_utc(utc_now()), "warnings": []},
            "errors": [{"code": ErrorCode.VAL_REQUEST.code, "message": BROKEN_BODY_MESSAGE,
                        "details": {}}],
        }
    )  # fmt: skip
    headers = {
        **STATIC_SECURITY_HEADERS,
        "Content-Security-Policy": JSON_CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-store",
        "Server": NO_SERVER_BANNER,
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Connection": "close",
        "X-Request-ID": request_id,
    }
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()], body


class TransportGuard:
    def __init__(self, app: AsgiApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body_complete = False
        broken = False
        started = False

        async def guarded_receive() -> Message:
            nonlocal body_complete, broken
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                body_complete = True
            broken = broken or (message["type"] == "http.disconnect" and not body_complete)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, guarded_receive, tracked_send)
        if broken and not started:
            request_id = new_id_str()
            logger.bind(request_id=request_id).warning(
                "request body broke off in transit", method=scope["method"], path=scope["path"]
            )
            headers, body = broken_body_response(request_id)
            status = HTTPStatus.BAD_REQUEST
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})
