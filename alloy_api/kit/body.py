"""The body stage: a request body is read, checked and known to be parseable JSON before a route.

A body (on POST, PUT, PATCH or DELETE) must be `application/json` (else 415), in UTF-8 (a
declared other charset is 415, bytes that are not UTF-8 are 400 `VAL_BODY_ENCODING`), sent
without a `Content-Encoding` (415), no larger than `max_body_bytes` (413: a declared length is
refused before reading, and Quart stops reading a body that grows past the limit), arrive
within `body_timeout_seconds` (408, Quart's `BODY_TIMEOUT`) and nest at most `MAX_JSON_DEPTH`
arrays and objects (400 `VAL_BODY_TOO_DEEP`). The JSON itself is parsed by orjson, which
refuses lone surrogates and numbers it cannot hold (400 `VAL_MALFORMED_JSON`).
"""

import re
from itertools import accumulate
from typing import Any

import orjson
from pydantic_core import to_jsonable_python
from quart import Response, request
from quart.json.provider import DefaultJSONProvider
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from alloy_api.kit.errors import DomainError, ErrorCode, ValidationError
from alloy_api.kit.pipeline import CallNext, RequestState

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
JSON_MIMETYPE = re.compile(r"application/(?:[a-z0-9.+-]+\+)?json")
UTF8_CHARSETS = frozenset({"utf-8", "utf8"})
IDENTITY_ENCODINGS = frozenset({"", "identity"})
MAX_JSON_DEPTH = 64
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.|\\\Z)*+(?:"|\Z)', re.DOTALL)
"""A string literal, running to the end of the input when unterminated or cut after a backslash:
every quote starts a match that succeeds, so the scan stays linear (a match that could fail
would be retried from each later quote)."""
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
DEPTH_STEPS = [1 if byte in b"[{" else -1 if byte in b"]}" else 0 for byte in range(256)]


def json_depth(raw: bytes) -> int:
    """How deeply `raw` nests arrays and objects, counted without recursion (brackets inside
    string literals do not count); the JSON parser itself recurses and would overflow first.
    The strings and everything but brackets are dropped in C, then the depth is a running sum."""
    brackets = JSON_STRING.sub(b"", raw).translate(None, NOT_BRACKETS)
    return max(accumulate(map(DEPTH_STEPS.__getitem__, brackets), initial=0))


class StrictJsonProvider(DefaultJSONProvider):
    """Quart's JSON provider with orjson's strict parser for request bodies; it writes what
    pydantic can (as quart-schema's provider, which it replaces, does)."""

    @staticmethod
    def default(value: Any) -> Any:
        return to_jsonable_python(value)

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return orjson.loads(s)


class BodyStage:
    name = "body"

    def __init__(self, max_body_bytes: int) -> None:
        self._max_body_bytes = max_body_bytes

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        checked = request.method in BODY_METHODS and request.routing_exception is None
        if checked and self._check_declared_body():
            await self._check_body()
        return await call_next()

    def _check_declared_body(self) -> bool:
        """Whether a body is sent; raises for one declared in a form Alloy does not take."""
        length = request.content_length
        sends_a_body = "Content-Type" in request.headers or bool(length)
        if not sends_a_body:
            return False
        if not JSON_MIMETYPE.fullmatch(request.mimetype or ""):
            raise UnsupportedMediaType()
        _check_charset(request.mimetype_params.get("charset"))
        _check_content_encoding(request.headers.get("Content-Encoding", ""))
        if length is not None and length > self._max_body_bytes:
            raise RequestEntityTooLarge()
        return True

    async def _check_body(self) -> None:
        raw = await request.get_data(cache=True)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(
                f"The request body is not valid UTF-8 (byte {error.start})",
                code=ErrorCode.VAL_BODY_ENCODING,
                details={"position": error.start},
            ) from error
        if json_depth(raw) > MAX_JSON_DEPTH:
            raise ValidationError(
                f"The request body nests arrays and objects deeper than {MAX_JSON_DEPTH} levels",
                code=ErrorCode.VAL_BODY_TOO_DEEP,
                details={"max_depth": MAX_JSON_DEPTH},
            )


def _check_charset(charset: str | None) -> None:
    if charset is not None and charset.strip().lower() not in UTF8_CHARSETS:
        raise DomainError(
            "Request bodies must be UTF-8",
            code=ErrorCode.VAL_UNSUPPORTED_CHARSET,
            details={"allowed": ["utf-8"], "actual": charset[:64]},
        )


def _check_content_encoding(encoding: str) -> None:
    if encoding.strip().lower() not in IDENTITY_ENCODINGS:
        raise DomainError(
            "Request bodies must not be compressed or otherwise encoded",
            code=ErrorCode.VAL_UNSUPPORTED_CONTENT_ENCODING,
            details={"allowed": ["identity"], "actual": encoding[:64]},
        )
