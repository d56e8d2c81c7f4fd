"""Routes that exist only in tests, to drive rate limits, idempotency, compression and ETags.

Writes to widgets and generations need a signed-in user (send an account's headers); reads and
the auth-class `sessions` are public.
"""

import asyncio
from http import HTTPStatus

from pydantic import BaseModel, Field
from quart import Blueprint, Quart, Response
from quart_schema import validate_request

from alloy_api.app import create_app
from alloy_api.auth.dependencies import authenticated
from alloy_api.kit.envelope import respond
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.kit.openapi import responds
from alloy_api.kit.rate_classes import RateClass, limit_blueprint_class, limited, rate_exempt

LONG_DESCRIPTION = "A widget described at length so that its list is well over one KiB. " * 4


class WidgetRequest(BaseModel):
    name: str = Field(min_length=1, max_length=40)
    outcome: int = 201
    delay_ms: int = Field(default=0, ge=0, le=2000)


class WidgetResponse(BaseModel):
    id: str
    name: str
    description: str
    execution: int


class Executions:
    count = 0


widgets = Blueprint("widgets", __name__, url_prefix="/v1/widgets")
generations = Blueprint("generations", __name__, url_prefix="/v1/generations")
sessions = limit_blueprint_class(
    Blueprint("sessions", __name__, url_prefix="/v1/sessions"), RateClass.AUTH
)
WIDGETS = {
    "01": WidgetResponse(id="01", name="kettlebell", description="cast iron", execution=0),
    "02": WidgetResponse(id="02", name="barbell", description="steel", execution=0),
}


@widgets.get("")
@responds(list[WidgetResponse])
async def list_widgets() -> Response:
    items = [
        WidgetResponse(id=f"{n:02d}", name=f"widget {n}", description=LONG_DESCRIPTION, execution=0)
        for n in range(10)
    ]
    return respond(items)


@widgets.get("/<widget_id>")
@responds(WidgetResponse, errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND])
async def get_widget(widget_id: str) -> Response:
    widget = WIDGETS.get(widget_id)
    if widget is None:
        raise NotFoundError(f"Widget {widget_id} not found", code=ErrorCode.NF_ROUTE)
    return respond(widget, etag=True)


@widgets.post("")
@authenticated
@validate_request(WidgetRequest)
@responds(WidgetResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_widget(data: WidgetRequest) -> Response:
    Executions.count += 1
    execution = Executions.count
    if data.delay_ms:
        await asyncio.sleep(data.delay_ms / 1000)
    if data.outcome >= HTTPStatus.INTERNAL_SERVER_ERROR:
        raise RuntimeError("the widget press jammed")
    widget = WidgetResponse(id=f"w{execution}", name=data.name, description="", execution=execution)
    return respond(widget, data.outcome, {"Location": f"/v1/widgets/w{execution}"})


@widgets.get("/exempt")
@rate_exempt
@responds(WidgetResponse)
async def get_exempt_widget() -> Response:
    return respond(WIDGETS["01"])


@generations.post("")
@limited(RateClass.GENERATE)
@authenticated
@validate_request(WidgetRequest)
@responds(WidgetResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_generation(data: WidgetRequest) -> Response:
    return respond(WIDGETS["01"], HTTPStatus.CREATED)


@sessions.post("")
@validate_request(WidgetRequest)
@responds(WidgetResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_session(data: WidgetRequest) -> Response:
    return respond(WIDGETS["02"], HTTPStatus.CREATED)


def add_scale_probes(app: Quart) -> Quart:
    for blueprint in (widgets, generations, sessions):
        app.register_blueprint(blueprint)
    return app


def create_probe_app() -> Quart:
    """The ASGI target of the multi-process tests: settings come from the environment."""
    return add_scale_probes(create_app())
