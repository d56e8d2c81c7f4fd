"""`alloy contracts check` passes on the app and catches a deliberately bad route."""

import os
import subprocess
import sys

from pydantic import BaseModel
from quart import Blueprint

from alloy_api.app import create_app
from alloy_cli.contracts import find_violations


class Thing(BaseModel):
    name: str


def test_the_app_follows_the_contract(settings) -> None:
    assert find_violations(create_app(settings)) == []


def test_a_bad_route_is_caught_for_each_rule(settings) -> None:
    app = create_app(settings)
    bad = Blueprint("bad", __name__)

    @bad.post("/Things/<thing>/doStuff")
    async def do_stuff(thing: str) -> Thing:
        return Thing(name=thing)

    app.register_blueprint(bad)
    rules = {violation.rule for violation in find_violations(app)}
    assert rules == {
        "prefix",
        "snake_case",
        "parameter",
        "request_model",
        "response_model",
        "error_responses",
    }


def test_an_unwrapped_response_model_is_not_an_envelope(settings) -> None:
    from quart_schema import document_response

    app = create_app(settings)
    bad = Blueprint("bare", __name__)

    @bad.get("/v1/things")
    @document_response(Thing, 200)
    async def list_things() -> Thing:
        return Thing(name="x")

    app.register_blueprint(bad)
    violations = find_violations(app)
    assert [violation.rule for violation in violations] == ["envelope", "error_responses"]
    assert "GET /v1/things" in str(violations[0])


def test_collection_before_an_id_must_be_plural(settings) -> None:
    from alloy_api.kit.openapi import responds

    app = create_app(settings)
    bad = Blueprint("singular", __name__)

    @bad.get("/v1/program/<program_id>")
    @responds(Thing, errors=[400, 404])
    async def get_program(program_id: str) -> Thing:
        return Thing(name=program_id)

    app.register_blueprint(bad)
    assert [violation.rule for violation in find_violations(app)] == ["plural"]


def test_the_command_exits_zero_on_the_real_app(tmp_path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "contracts", "check"],
        env={**os.environ, "ALLOY_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "follow the contract" in completed.stdout


def test_protected_routes_must_document_401_and_admin_routes_403(settings) -> None:
    from alloy_api.auth.dependencies import ADMIN_ROLES, authenticated, require_role
    from alloy_api.kit.openapi import responds

    app = create_app(settings)
    guarded = Blueprint("guarded", __name__)

    @guarded.get("/v1/secrets")
    @require_role(*ADMIN_ROLES)
    @responds(Thing)
    async def list_secrets() -> Thing:
        return Thing(name="x")

    @guarded.get("/v1/notes")
    @authenticated
    @responds(Thing)
    async def list_notes() -> Thing:
        return Thing(name="x")

    app.register_blueprint(guarded)
    messages = sorted(str(violation) for violation in find_violations(app))
    assert messages == [
        "GET /v1/notes: [error_responses] the 401 error response is not documented",
        "GET /v1/secrets: [error_responses] the 401 error response is not documented",
        "GET /v1/secrets: [error_responses] the 403 error response is not documented",
    ]
