"""The `{data, meta, errors}` envelope every response body uses, as OpenAPI models and as bytes."""

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel, Field
from quart import Response

from alloy_api.kit.errors import ErrorDetail
from alloy_api.kit.etag import client_has, etag_of, not_modified
from alloy_api.kit.pipeline import current_state
from alloy_api.kit.time import UtcDateTime, format_utc, utc_now

DataT = TypeVar("DataT")
JSON_MIMETYPE = "application/json"


class Meta(BaseModel):
    request_id: str
    timestamp: UtcDateTime
    warnings: list[str] = Field(default_factory=list)


class ErrorItem(BaseModel):
    code: str = Field(examples=["NF_ROUTE"])
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class Envelope(BaseModel, Generic[DataT]):
    data: DataT | None
    meta: Meta
    errors: list[ErrorItem] = Field(default_factory=list)


ErrorEnvelope = Envelope[None]


def add_warning(warning: str) -> None:
    """Attach a deprecation or degradation notice to this request's `meta.warnings`."""
    state = current_state()
    if state is not None and warning not in state.warnings:
        state.warnings.append(warning)


def _jsonable(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, Sequence) and not isinstance(data, str | bytes):
        return [_jsonable(item) for item in data]
    return data


def envelope_bytes(data: Any, errors: Sequence[ErrorDetail] = ()) -> bytes:
    state = current_state()
    meta = {
        "request_id": state.request_id if state is not None else "",
        "timestamp": format_utc(utc_now()),
        "warnings": state.warnings if state is not None else [],
    }
    body = {
        "data": None if errors else _jsonable(data),
        "meta": meta,
        "errors": [error.as_dict() for error in errors],
    }
    return orjson.dumps(body)


def respond(
    data: Any,
    status: int = HTTPStatus.OK,
    headers: Mapping[str, str] | None = None,
    *,
    etag: bool = False,
) -> Response:
    """A success response: `data` wrapped in the envelope.

    With `etag=True` (single-resource GETs) it carries a weak ETag of `data`, and a request whose
    `If-None-Match` already names it gets 304 with no body.
    """
    if not etag:
        return Response(envelope_bytes(data), status, headers, mimetype=JSON_MIMETYPE)
    jsonable = _jsonable(data)
    tag = etag_of(orjson.dumps(jsonable))
    if client_has(tag):
        return not_modified(tag)
    response = Response(envelope_bytes(jsonable), status, headers, mimetype=JSON_MIMETYPE)
    response.headers["ETag"] = tag
    return response


def created(data: Any, location: str) -> Response:
    """201 with the envelope and the new resource's URL in `Location`."""
    return respond(data, HTTPStatus.CREATED, {"Location": location})


def respond_errors(
    errors: Sequence[ErrorDetail],
    status: int,
    headers: Mapping[str, str] | None = None,
) -> Response:
    return Response(envelope_bytes(None, errors), status, headers, mimetype=JSON_MIMETYPE)


def no_content() -> Response:
    """A 204: no body, hence no `Content-Type`."""
    response = Response(b"", HTTPStatus.NO_CONTENT)
    del response.headers["Content-Type"]
    return response
