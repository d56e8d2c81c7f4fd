"""Routes that exist only in tests, to drive rate limits, idempotency, compression and ETags."""

import asyncio
from http import HTTPStatus

from pydantic import BaseModel, Field
from quart import Blueprint, Quart, Response, g, request
from quart_schema import validate_request

from alloy_api.app import create_app
from alloy_api.kit.envelope import respond
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.kit.openapi import responds
from alloy_api.kit.ratelimit import RateClass, limit_blueprint_class, limited, rate_exempt

PROBE_USER_HEADER = "X-Probe-User"
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
@validate_request(WidgetRequest)
@responds(WidgetResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_generation(data: WidgetRequest) -> Response:
    return respond(WIDGETS["01"], HTTPStatus.CREATED)


@sessions.post("")
@validate_request(WidgetRequest)
@responds(WidgetResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_session(data: WidgetRequest) -> Response:
    return respond(WIDGETS["02"], HTTPStatus.CREATED)


async def identify_probe_user() -> None:
    """Stands in for authentication: it runs before the rate limiter and sets `g.user_id`."""
    user = request.headers.get(PROBE_USER_HEADER)
    if user:
        g.user_id = user


def add_scale_probes(app: Quart) -> Quart:
    app.before_request_funcs.setdefault(None, []).insert(0, identify_probe_user)
    for blueprint in (widgets, generations, sessions):
        app.register_blueprint(blueprint)
    return app


def create_probe_app() -> Quart:
    """The ASGI target of the multi-process tests: settings come from the environment."""
    return add_scale_probes(create_app())
