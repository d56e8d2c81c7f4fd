"""The body stage: a request body must be JSON and within the size limit before anything reads it.

Bodies on POST, PUT and PATCH that declare another media type are refused with 415; a declared
length over `max_body_bytes` with 413 before the body is read (Quart also stops reading a body
that grows past the limit without declaring it).
"""

import re

from quart import Response, request
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from alloy_api.kit.pipeline import CallNext, RequestState

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
JSON_MIMETYPE = re.compile(r"application/(?:[a-z0-9.+-]+\+)?json")


class BodyStage:
    name = "body"

    def __init__(self, max_body_bytes: int) -> None:
        self._max_body_bytes = max_body_bytes

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        if request.method in BODY_METHODS and request.routing_exception is None:
            self._check_declared_body()
        return await call_next()

    def _check_declared_body(self) -> None:
        length = request.content_length
        sends_a_body = "Content-Type" in request.headers or bool(length)
        if sends_a_body and not JSON_MIMETYPE.fullmatch(request.mimetype or ""):
            raise UnsupportedMediaType()
        if length is not None and length > self._max_body_bytes:
            raise RequestEntityTooLarge()
