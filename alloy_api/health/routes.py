from http import HTTPStatus

from quart import Blueprint, Response
from quart_schema import document_response

from alloy_api.health.schemas import CheckStatus, LivenessResponse, ReadinessResponse
from alloy_api.health.service import check_readiness
from alloy_api.kit.envelope import Envelope, respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.ratelimit import rate_exempt
from alloy_api.state import app_state

blueprint = Blueprint("health", __name__, url_prefix="/health")


@blueprint.get("/live")
@rate_exempt
@responds(LivenessResponse)
async def get_liveness() -> Response:
    return respond(LivenessResponse(status=CheckStatus.OK))


@blueprint.get("/ready")
@rate_exempt
@responds(ReadinessResponse)
@document_response(Envelope[ReadinessResponse], HTTPStatus.SERVICE_UNAVAILABLE)
async def get_readiness() -> Response:
    readiness = await check_readiness(app_state())
    ready = readiness.status is CheckStatus.OK
    return respond(readiness, HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE)
