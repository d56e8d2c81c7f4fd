"""One place that turns every failure into the error envelope."""

import math
import re
import sqlite3
from http import HTTPStatus
from typing import Any

import asyncpg
from loguru import logger
from pydantic import ValidationError as PydanticValidationError
from quart import Quart, Request, Response, current_app, request
from quart_schema import RequestSchemaValidationError
from tortoise.exceptions import DBConnectionError
from werkzeug.exceptions import (
    HTTPException,
    MethodNotAllowed,
    NotFound,
    RequestEntityTooLarge,
    RequestTimeout,
    UnsupportedMediaType,
)

from alloy_api.kit.envelope import respond_errors
from alloy_api.kit.errors import (
    DomainError,
    ErrorCode,
    ErrorDetail,
    FieldValidationError,
    ValidationError,
    field_code,
)
from alloy_api.kit.logging import is_secret_name

DATABASE_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    DBConnectionError,
    ConnectionError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.InternalClientError,
)
"""Failures that mean the database cannot be reached (or is going away), not that a query is
wrong; found anywhere in an error's chain of causes. asyncpg's internal client error is a
connection left mid-operation when its server went away (seen only while PostgreSQL stops)."""
CLOSED_CONNECTION_MESSAGES = ("connection is closed", "connection was closed")
SQLITE_BUSY_MESSAGES = ("database is locked", "database is busy")
DATABASE_RETRY_AFTER_SECONDS = 2
MAX_ECHOED_INPUT_LENGTH = 100
MAX_EXACT_JSON_INTEGER = 2**53
CONSTRAINT_NAMES = {
    "ge": "min",
    "gt": "min_exclusive",
    "le": "max",
    "lt": "max_exclusive",
    "min_length": "min_length",
    "max_length": "max_length",
    "pattern": "pattern",
    "multiple_of": "multiple_of",
}
EXPECTED_VALUE = re.compile(r"'([^']*)'")


class AlloyRequest(Request):
    def on_json_loading_failed(self, error: Exception) -> Any:
        raise ValidationError(
            "The request body is not valid JSON", code=ErrorCode.VAL_MALFORMED_JSON
        ) from error


def _field_path(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location)


def _echoable(field: str, value: Any) -> bool:
    if is_secret_name(field):
        return False
    return isinstance(value, str | int | float | bool) or value is None


def echoed_input(value: Any) -> Any:
    """`value` as `details.actual` can always carry it: a string cut to its first
    `MAX_ECHOED_INPUT_LENGTH` characters with anything not encodable as UTF-8 replaced, an
    integer beyond what a JSON number holds exactly or a non-finite float as its text."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if abs(value) <= MAX_EXACT_JSON_INTEGER else _cut(str(value))
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return _cut(value)


def _cut(text: str) -> str:
    kept = text[:MAX_ECHOED_INPUT_LENGTH]
    return kept.encode("utf-8", "replace").decode("utf-8")


def _constraint(error: dict[str, Any], field: str) -> dict[str, Any]:
    context = error.get("ctx") or {}
    constraint: dict[str, Any] = {"field": field, "reason": error["type"]}
    for key, public_name in CONSTRAINT_NAMES.items():
        if key in context:
            constraint[public_name] = context[key]
    if "expected" in context:
        constraint["allowed"] = EXPECTED_VALUE.findall(str(context["expected"])) or [
            str(context["expected"])
        ]
    if "allowed" in context:
        constraint["allowed"] = list(context["allowed"])
    if error["type"] != "missing" and _echoable(field, error.get("input")):
        constraint["actual"] = echoed_input(error.get("input"))
    return constraint


def field_errors_from_pydantic(error: PydanticValidationError) -> list[ErrorDetail]:
    field_errors = []
    for item in error.errors(include_url=False):
        field = _field_path(item["loc"])
        code = field_code(field) if field else ErrorCode.VAL_BODY.code
        message = f"{field}: {item['msg']}" if field else item["msg"]
        field_errors.append(ErrorDetail(code, message, _constraint(item, field)))
    return field_errors


def _domain_error(error: DomainError) -> Response:
    return respond_errors(error.items(), error.status, error.headers)


def _request_validation_error(error: RequestSchemaValidationError) -> Response:
    cause = error.validation_error
    if isinstance(cause, PydanticValidationError):
        return _domain_error(FieldValidationError(field_errors_from_pydantic(cause)))
    return _domain_error(ValidationError(str(cause) or "Invalid request"))


def _http_error(error: HTTPException) -> Response:
    if isinstance(error, NotFound):
        return _domain_error(
            DomainError(f"No route matches {request.path}", code=ErrorCode.NF_ROUTE)
        )
    if isinstance(error, MethodNotAllowed):
        allowed = ", ".join(sorted(error.valid_methods or []))
        return _domain_error(
            DomainError(
                f"{request.method} is not allowed on {request.path}",
                code=ErrorCode.VAL_METHOD_NOT_ALLOWED,
                details={"allowed": sorted(error.valid_methods or [])},
                headers={"Allow": allowed},
            )
        )
    if isinstance(error, RequestEntityTooLarge):
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        return _domain_error(
            DomainError(
                f"The request body is larger than the limit of {limit} bytes",
                code=ErrorCode.VAL_BODY_TOO_LARGE,
                details={"limit_bytes": limit},
            )
        )
    if isinstance(error, RequestTimeout):
        timeout = current_app.config["BODY_TIMEOUT"]
        return _domain_error(
            DomainError(
                f"The request body did not arrive within {timeout:g} seconds",
                code=ErrorCode.VAL_BODY_TIMEOUT,
                details={"timeout_seconds": timeout},
            )
        )
    if isinstance(error, UnsupportedMediaType):
        return _domain_error(
            DomainError(
                "Request bodies must be application/json",
                code=ErrorCode.VAL_UNSUPPORTED_MEDIA_TYPE,
                details={"allowed": ["application/json"], "actual": request.mimetype or None},
            )
        )
    if error.code is not None and error.code >= HTTPStatus.INTERNAL_SERVER_ERROR:
        return _unhandled_error(error)
    return _domain_error(ValidationError(error.description or "Invalid request"))


def _means_unavailable(error: BaseException) -> bool:
    if isinstance(error, DATABASE_CONNECTION_ERRORS):
        return True
    message = str(error).lower()
    if isinstance(error, asyncpg.exceptions.InterfaceError):
        return any(text in message for text in CLOSED_CONNECTION_MESSAGES)
    if isinstance(error, sqlite3.OperationalError):
        return any(text in message for text in SQLITE_BUSY_MESSAGES)
    return False


def is_database_unavailable(error: BaseException) -> bool:
    """Whether the database being unreachable is what made `error` (itself or a cause of it):
    a rollback that fails on a lost connection hides the loss behind its own error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if _means_unavailable(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _database_unavailable(error: Exception) -> Response:
    logger.opt(exception=error).error("database unavailable")
    return _domain_error(
        DomainError(
            "The database is unavailable; retry shortly",
            code=ErrorCode.SYS_DATABASE_UNAVAILABLE,
            details={"retry_after": DATABASE_RETRY_AFTER_SECONDS},
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )
    )


def _unhandled_error(error: Exception) -> Response:
    if is_database_unavailable(error):
        return _database_unavailable(error)
    logger.opt(exception=error).error("unhandled error")
    return _domain_error(DomainError("An internal error occurred", code=ErrorCode.SYS_INTERNAL))


def install_error_handlers(app: Quart) -> None:
    app.request_class = AlloyRequest
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(RequestSchemaValidationError, _request_validation_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unhandled_error)
