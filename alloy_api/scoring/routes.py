from http import HTTPStatus

from quart import Blueprint, Response

from alloy_api.auth.dependencies import ADMIN_ROLES, current_principal, require_role
from alloy_api.kit.envelope import respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.kit.validation import validate_body, validate_query
from alloy_api.scoring import service
from alloy_api.scoring.schemas import (
    ScoringConfigRequest,
    ScoringConfigResponse,
    ScoringConfigVersionsQuery,
)

blueprint = Blueprint("scoring", __name__, url_prefix="/v1/admin/scoring_config")
ADMIN_ERRORS = [HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN]


@blueprint.get("")
@require_role(*ADMIN_ROLES)
@responds(ScoringConfigResponse, errors=[*ADMIN_ERRORS, HTTPStatus.NOT_FOUND])
async def get_scoring_config() -> Response:
    """Get the scoring config

    The active version of the weights and set/rep ranges the generator scores movements with
    (admins with 2FA).
    """
    return respond(await service.active_config_data(), etag=True)


@blueprint.put("")
@require_role(*ADMIN_ROLES)
@validate_body(ScoringConfigRequest)
@responds(ScoringConfigResponse, errors=[*ADMIN_ERRORS, HTTPStatus.BAD_REQUEST])
async def put_scoring_config(data: ScoringConfigRequest) -> Response:
    """Publish a scoring config

    Publishes a new version and makes it the active one (admins with 2FA). Earlier versions are
    kept.
    """
    config = await service.publish_version(current_principal(), data)
    return respond(ScoringConfigResponse.from_model(config))


@blueprint.get("/versions")
@require_role(*ADMIN_ROLES)
@validate_query(ScoringConfigVersionsQuery)
@responds(Page[ScoringConfigResponse], errors=[*ADMIN_ERRORS, HTTPStatus.BAD_REQUEST])
async def list_scoring_config_versions(query_args: ScoringConfigVersionsQuery) -> Response:
    """List scoring config versions

    Every published version; cursor-paginated (admins with 2FA).
    """
    page = await service.list_versions(query_args)
    return respond(page.map(ScoringConfigResponse.from_model))
