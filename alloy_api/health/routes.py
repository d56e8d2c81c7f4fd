from http import HTTPStatus

from quart import Blueprint, Response
from quart_schema import document_response

from alloy_api.health.schemas import CheckStatus, LivenessResponse, ReadinessResponse
from alloy_api.health.service import check_readiness
from alloy_api.kit.envelope import Envelope, respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.rate_classes import rate_exempt
from alloy_api.state import app_state

blueprint = Blueprint("health", __name__, url_prefix="/health")


@blueprint.get("/live")
@rate_exempt
@responds(LivenessResponse)
async def get_liveness() -> Response:
    """Liveness

    200 while the process serves requests; it checks no dependency.
    """
    return respond(LivenessResponse(status=CheckStatus.OK))


@blueprint.get("/ready")
@rate_exempt
@responds(ReadinessResponse)
@document_response(Envelope[ReadinessResponse], HTTPStatus.SERVICE_UNAVAILABLE)
async def get_readiness() -> Response:
    """200 while the database answers, migrations are current and the cache answers; else 503.

    Each read replica is checked as `replica_N`, its index in `ALLOY_DATABASE_REPLICA_URLS`, so no
    URL or credential is shown. A failing replica keeps readiness at 200 with status
    `degraded`: this process sends reads to the other replicas, or to the primary when none
    answers, until a check (this one, or the one every `ALLOY_DATABASE_REPLICA_CHECK_SECONDS`)
    finds it answering again.
    """
    readiness = await check_readiness(app_state())
    ready = readiness.status is not CheckStatus.FAILING
    return respond(readiness, HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE)
