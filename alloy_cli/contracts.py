"""`alloy contracts check`: every route of the real app follows CONTRACT.md.

It reads the app's URL map and the quart-schema metadata on each view function, never the source.
"""

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import typer
from quart import Quart
from quart_schema.validation import (
    QUART_SCHEMA_REQUEST_ATTRIBUTE,
    QUART_SCHEMA_RESPONSE_ATTRIBUTE,
)

from alloy_api.app import create_app
from alloy_api.auth.dependencies import REQUIRED_ROLES_ATTRIBUTE, Role
from alloy_api.kit.envelope import Envelope
from alloy_cli.common import console, fail, load_settings

app = typer.Typer(help="Check the app against the API contract.")

API_PREFIX = "/v1/"
OPERATIONAL_PREFIXES = ("/health/",)
EXEMPT_ENDPOINTS = frozenset({"static", "openapi", "docs.page", "docs.asset", "metrics"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
IGNORED_METHODS = frozenset({"HEAD", "OPTIONS"})
SNAKE_SEGMENT = re.compile(r"[a-z0-9][a-z0-9_]*")
PARAMETER_SEGMENT = re.compile(r"<(?:[a-z_]+:)?([a-z0-9_]+)>")
ID_PARAMETER = re.compile(r"[a-z][a-z0-9_]*_id")


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    methods: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.methods} {self.path}: [{self.rule}] {self.message}"


def _path_violations(path: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not (path.startswith(API_PREFIX) or path.startswith(OPERATIONAL_PREFIXES)):
        problems.append(("prefix", "resources live under /v1/ (operational paths: /health/)"))
    segments = [segment for segment in path.strip("/").split("/") if segment]
    for position, segment in enumerate(segments):
        parameter = PARAMETER_SEGMENT.fullmatch(segment)
        if parameter:
            name = parameter.group(1)
            if not ID_PARAMETER.fullmatch(name):
                problems.append(
                    ("parameter", f"path parameter <{name}> is not named {{entity}}_id")
                )
            previous = segments[position - 1] if position else ""
            if not previous.endswith("s"):
                problems.append(
                    ("plural", f"collection '{previous}' before <{name}> is not plural")
                )
        elif not SNAKE_SEGMENT.fullmatch(segment):
            problems.append(("snake_case", f"segment '{segment}' is not snake_case"))
    return problems


def _documented_responses(view: Any) -> dict[int, tuple[Any, Any]]:
    return getattr(view, QUART_SCHEMA_RESPONSE_ATTRIBUTE, {}) or {}


def _is_envelope(model: Any) -> bool:
    return isinstance(model, type) and issubclass(model, Envelope)


def _schema_violations(view: Any, methods: set[str], path: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    responses = _documented_responses(view)
    if methods & BODY_METHODS and getattr(view, QUART_SCHEMA_REQUEST_ATTRIBUTE, None) is None:
        problems.append(("request_model", "a body-taking route declares no request model"))
    successes = {status: model for status, (model, _) in responses.items() if status < 400}
    errors = {status: model for status, (model, _) in responses.items() if status >= 400}
    if not successes:
        problems.append(("response_model", "no success response is documented"))
    for status, model in responses.items():
        if status != HTTPStatus.NO_CONTENT and not _is_envelope(model[0]):
            problems.append(("envelope", f"the {status} response is not an Envelope"))
    required_errors = {HTTPStatus.INTERNAL_SERVER_ERROR}
    if methods & BODY_METHODS:
        required_errors.add(HTTPStatus.BAD_REQUEST)
    if PARAMETER_SEGMENT.search(path):
        required_errors |= {HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND}
    required_roles = getattr(view, REQUIRED_ROLES_ATTRIBUTE, None)
    if required_roles is not None:
        required_errors.add(HTTPStatus.UNAUTHORIZED)
        if Role.USER not in required_roles:
            required_errors.add(HTTPStatus.FORBIDDEN)
    for status in sorted(required_errors - errors.keys()):
        problems.append(("error_responses", f"the {status} error response is not documented"))
    return problems


def find_violations(application: Quart) -> list[Violation]:
    violations: list[Violation] = []
    for rule in application.url_map.iter_rules():
        if rule.endpoint in EXEMPT_ENDPOINTS:
            continue
        methods = set(rule.methods or ()) - IGNORED_METHODS
        view = application.view_functions[rule.endpoint]
        label = ",".join(sorted(methods))
        problems = _path_violations(rule.rule) + _schema_violations(view, methods, rule.rule)
        violations.extend(Violation(name, label, rule.rule, text) for name, text in problems)
    return violations


@app.command()
def check() -> None:
    """Exit non-zero, listing each violation, unless every route follows the contract."""
    application = create_app(load_settings())
    violations = find_violations(application)
    route_count = sum(
        1 for rule in application.url_map.iter_rules() if rule.endpoint not in EXEMPT_ENDPOINTS
    )
    if violations:
        for violation in violations:
            console.print(str(violation), highlight=False, soft_wrap=True)
        fail(f"{len(violations)} contract violation(s)")
    console.print(f"{route_count} routes follow the contract")
