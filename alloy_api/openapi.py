"""The OpenAPI document: what quart-schema reads off the routes, completed from the same markers
the pipeline acts on, so the document cannot drift from what a request meets.

For every operation: a readable `operationId` (the handler's name), a summary (the handler's
docstring, or its name in words), a tag per domain, its security requirement (bearer unless the
route is public), the error responses every route of its kind can give — 401 and 403 where a
token is needed, 429 with `Retry-After` and `RateLimit` headers where a limit applies, 413 and 415
where a body is read, 503 while the database is gone — path ids as `format: uuid`, request bodies
required, and 204 answers without a body.
"""

import copy
import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from quart import Blueprint
from quart_schema.openapi import OpenAPIProvider
from werkzeug.routing import Rule

from alloy_api.auth.dependencies import required_roles
from alloy_api.auth.roles import Role
from alloy_api.kit.envelope import ErrorEnvelope
from alloy_api.kit.rate_classes import EXEMPT_ATTRIBUTE

BEARER_SCHEME = "bearer"
ERROR_ENVELOPE_COMPONENT = "ErrorEnvelope"
ERROR_ENVELOPE_REF = {"$ref": f"#/components/schemas/{ERROR_ENVELOPE_COMPONENT}"}
BODY_METHODS = frozenset({"post", "put", "patch"})
JSON = "application/json"
ID_PARAMETER = re.compile(r"[a-z][a-z0-9_]*_id")
OPERATIONAL_TAG = "operations"
HEADER_SCHEMAS: dict[str, dict[str, Any]] = {
    "Location": {
        "description": "The URL of the resource the request created.",
        "schema": {"type": "string"},
    },
    "X-Request-ID": {
        "description": "The request's id (the client's, when it sent a safe one).",
        "schema": {"type": "string"},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit": {
        "description": "The remaining budget of the limit that applied (IETF RateLimit headers).",
        "schema": {"type": "string"},
    },
    "RateLimit-Policy": {
        "description": "The limit that applied: quota and window.",
        "schema": {"type": "string"},
    },
}
ERROR_DESCRIPTIONS: dict[int, str] = {
    HTTPStatus.BAD_REQUEST: "The request is malformed or fails validation.",
    HTTPStatus.UNAUTHORIZED: "No valid access token.",
    HTTPStatus.FORBIDDEN: "The token's user may not do this.",
    HTTPStatus.NOT_FOUND: "No such resource (or not yours).",
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "The body is larger than the limit.",
    HTTPStatus.UNSUPPORTED_MEDIA_TYPE: "The body is not UTF-8 application/json.",
    HTTPStatus.TOO_MANY_REQUESTS: "A rate limit applies; wait `Retry-After` seconds.",
    HTTPStatus.INTERNAL_SERVER_ERROR: "An unexpected failure; the request id names it in the log.",
    HTTPStatus.SERVICE_UNAVAILABLE: "The database is unavailable; retry after `Retry-After`.",
}
RESPONSE_HEADERS: dict[int, tuple[str, ...]] = {
    HTTPStatus.CREATED: ("Location",),
    HTTPStatus.TOO_MANY_REQUESTS: ("Retry-After", "RateLimit", "RateLimit-Policy"),
    HTTPStatus.SERVICE_UNAVAILABLE: ("Retry-After",),
}


class AlloyOpenAPIProvider(OpenAPIProvider):
    def build_paths(self, rule: Rule) -> tuple[dict, dict]:
        paths, components = super().build_paths(rule)
        view = self._app.view_functions[rule.endpoint]
        blueprint = self._blueprint_of(rule.endpoint)
        error_object, error_components = self.build_response_object(ErrorEnvelope, None)
        components.update(error_components)
        components[ERROR_ENVELOPE_COMPONENT] = {
            **error_object["content"][JSON]["schema"],
            "title": ERROR_ENVELOPE_COMPONENT,
        }
        for path, operations in paths.items():
            for method, operation in operations.items():
                operations[method] = _completed(
                    copy.deepcopy(operation),
                    method,
                    path,
                    view,
                    blueprint,
                )
        return paths, components

    def operation_id(self, method: str, path: str, func: Callable) -> str | None:
        return func.__name__

    def _blueprint_of(self, endpoint: str) -> Blueprint | None:
        name, _, _ = endpoint.rpartition(".")
        return self._app.blueprints.get(name) if name else None


def _completed(
    operation: dict[str, Any],
    method: str,
    path: str,
    view: Callable[..., Any],
    blueprint: Blueprint | None,
) -> dict[str, Any]:
    operation.setdefault("summary", _summary_of(view))
    operation["tags"] = [_tag_of(path, blueprint)]
    roles = required_roles(view)
    operation["security"] = [{BEARER_SCHEME: []}] if roles is not None else []
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path" and ID_PARAMETER.fullmatch(parameter["name"]):
            parameter["schema"] = {"type": "string", "format": "uuid"}
    if "requestBody" in operation:
        operation["requestBody"]["required"] = True
    responses = operation.setdefault("responses", {})
    for status in _possible_errors(method, path, roles, view):
        responses.setdefault(status, {"description": ""})
    for status, response in responses.items():
        if int(status) >= HTTPStatus.BAD_REQUEST:
            response["content"] = {JSON: {"schema": ERROR_ENVELOPE_REF}}
    for status, response in responses.items():
        _describe(int(status), response)
    return operation


def _summary_of(view: Callable[..., Any]) -> str:
    words = view.__name__.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _tag_of(path: str, blueprint: Blueprint | None) -> str:
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) >= 2 and segments[0] == "v1":
        return segments[1]
    return blueprint.name if blueprint is not None else OPERATIONAL_TAG


def _possible_errors(
    method: str, path: str, roles: frozenset[Role] | None, view: Callable[..., Any]
) -> list[int]:
    statuses: list[int] = [HTTPStatus.INTERNAL_SERVER_ERROR]
    if not path.startswith("/v1/"):
        return statuses
    statuses.append(HTTPStatus.SERVICE_UNAVAILABLE)
    if not getattr(view, EXEMPT_ATTRIBUTE, False):
        statuses.append(HTTPStatus.TOO_MANY_REQUESTS)
    if roles is not None:
        statuses.append(HTTPStatus.UNAUTHORIZED)
        if Role.USER not in roles:
            statuses.append(HTTPStatus.FORBIDDEN)
    if method in BODY_METHODS:
        statuses += [
            HTTPStatus.BAD_REQUEST,
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        ]
    if "{" in path:
        statuses += [HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND]
    return statuses


def _describe(status: int, response: dict[str, Any]) -> None:
    if status == HTTPStatus.NO_CONTENT:
        response.pop("content", None)
    if not response.get("description"):
        response["description"] = ERROR_DESCRIPTIONS.get(status) or HTTPStatus(status).phrase
    headers = response.setdefault("headers", {})
    for name in ("X-Request-ID", *RESPONSE_HEADERS.get(status, ())):
        headers.setdefault(name, HEADER_SCHEMAS[name])
