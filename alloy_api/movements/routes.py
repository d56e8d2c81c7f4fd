from http import HTTPStatus
from uuid import UUID

from quart import Blueprint, Response
from quart_schema import validate_querystring, validate_request

from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.filtering import StructuredQueryRequest
from alloy_api.kit.ids import parse_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.movements import service
from alloy_api.movements.schemas import (
    MovementCreateRequest,
    MovementListQuery,
    MovementResponse,
    MovementUpdateRequest,
)

blueprint = Blueprint("movements", __name__, url_prefix="/v1/movements")

SYSTEM_VIEWER = UUID(int=0)


def _viewer_id() -> UUID:
    return SYSTEM_VIEWER


def _viewer_is_admin() -> bool:
    return False


@blueprint.get("")
@validate_querystring(MovementListQuery)
@responds(Page[MovementResponse], errors=[HTTPStatus.BAD_REQUEST])
async def list_movements(query_args: MovementListQuery) -> Response:
    page = await service.list_movements(_viewer_id(), query_args)
    return respond(page.map(MovementResponse.from_model))


@blueprint.post("/query")
@validate_request(StructuredQueryRequest)
@responds(Page[MovementResponse], errors=[HTTPStatus.BAD_REQUEST])
async def query_movements(data: StructuredQueryRequest) -> Response:
    page = await service.query_movements(_viewer_id(), data)
    return respond(page.map(MovementResponse.from_model))


@blueprint.get("/<movement_id>")
@responds(MovementResponse, errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND])
async def get_movement(movement_id: str) -> Response:
    movement = await service.get_movement(_viewer_id(), parse_id("movement_id", movement_id))
    return respond(MovementResponse.from_model(movement))


@blueprint.post("")
@validate_request(MovementCreateRequest)
@responds(
    MovementResponse,
    HTTPStatus.CREATED,
    errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN, HTTPStatus.CONFLICT],
)
async def create_movement(data: MovementCreateRequest) -> Response:
    movement = await service.create_movement(_viewer_id(), _viewer_is_admin(), data)
    return respond(MovementResponse.from_model(movement), HTTPStatus.CREATED)


@blueprint.patch("/<movement_id>")
@validate_request(MovementUpdateRequest)
@responds(
    MovementResponse,
    errors=[
        HTTPStatus.BAD_REQUEST,
        HTTPStatus.FORBIDDEN,
        HTTPStatus.NOT_FOUND,
        HTTPStatus.CONFLICT,
    ],
)
async def update_movement(movement_id: str, data: MovementUpdateRequest) -> Response:
    movement = await service.update_movement(
        _viewer_id(), _viewer_is_admin(), parse_id("movement_id", movement_id), data
    )
    return respond(MovementResponse.from_model(movement))


@blueprint.delete("/<movement_id>")
@responds(
    None,
    HTTPStatus.NO_CONTENT,
    errors=[
        HTTPStatus.BAD_REQUEST,
        HTTPStatus.FORBIDDEN,
        HTTPStatus.NOT_FOUND,
        HTTPStatus.CONFLICT,
    ],
)
async def delete_movement(movement_id: str) -> Response:
    await service.delete_movement(
        _viewer_id(), _viewer_is_admin(), parse_id("movement_id", movement_id)
    )
    return no_content()
