"""Routes that exist only in tests, to drive the kit through every error path."""

import asyncio
from enum import StrEnum
from http import HTTPStatus

from pydantic import BaseModel, Field
from quart import Blueprint, Quart, Response
from quart_schema import validate_request

from alloy_api.db.lifecycle import ping_database
from alloy_api.db.transactions import current_connection, run_in_transaction
from alloy_api.kit.envelope import add_warning, respond
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.kit.openapi import responds
from alloy_api.kit.time import UtcDateTime

INTERNAL_DETAIL = "relation users password=hunter2 at /srv/alloy/secret.py"


class ProbeKind(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"


class ProbeRequest(BaseModel):
    name: str = Field(min_length=3, max_length=20)
    duration_weeks: int = Field(ge=8, le=12)
    kind: ProbeKind
    starts_at: UtcDateTime
    password: str | None = Field(default=None, min_length=15)


class ProbeResponse(BaseModel):
    name: str
    duration_weeks: int
    kind: ProbeKind
    starts_at: UtcDateTime


blueprint = Blueprint("probes", __name__, url_prefix="/v1/probes")


@blueprint.post("")
@validate_request(ProbeRequest)
@responds(ProbeResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_probe(data: ProbeRequest) -> Response:
    add_warning("probes are for tests")
    return respond(ProbeResponse(**data.model_dump()), HTTPStatus.CREATED)


@blueprint.get("/failure")
@responds(ProbeResponse)
async def get_failure() -> Response:
    raise RuntimeError(INTERNAL_DETAIL)


@blueprint.get("/missing")
@responds(ProbeResponse, errors=[HTTPStatus.NOT_FOUND])
async def get_missing() -> Response:
    raise NotFoundError("Nothing here", code=ErrorCode.NF_ROUTE, details={"probe": True})


@blueprint.get("/database")
@responds(ProbeResponse, errors=[HTTPStatus.SERVICE_UNAVAILABLE])
async def get_database() -> Response:
    await ping_database()
    return respond(None)


@blueprint.get("/slow_transaction")
@responds(ProbeResponse, errors=[HTTPStatus.SERVICE_UNAVAILABLE])
async def get_slow_transaction() -> Response:
    """A statement, a pause long enough to cut the connection in, and another statement."""

    async def work() -> None:
        connection = current_connection()
        assert connection is not None
        await connection.execute_query("SELECT 1")
        await asyncio.sleep(0.5)
        await connection.execute_query("SELECT 1")

    await run_in_transaction(work)
    return respond(None)


def add_probes(app: Quart) -> Quart:
    app.register_blueprint(blueprint)
    return app
