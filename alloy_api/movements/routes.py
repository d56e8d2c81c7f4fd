from http import HTTPStatus
from uuid import UUID

from quart import Blueprint, Response

from alloy_api.auth.dependencies import authenticated, current_principal
from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.filtering import StructuredQueryRequest
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.kit.validation import validate_body, validate_query
from alloy_api.movements import service
from alloy_api.movements.schemas import (
    MovementCreateRequest,
    MovementListQuery,
    MovementResponse,
    MovementUpdateRequest,
)

blueprint = Blueprint("movements", __name__, url_prefix="/v1/movements")

READ_ERRORS = [HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED]
WRITE_ERRORS = [*READ_ERRORS, HTTPStatus.FORBIDDEN, HTTPStatus.CONFLICT]


def _viewer_id() -> UUID | None:
    return current_principal().user_id


@blueprint.get("")
@authenticated
@validate_query(MovementListQuery)
@responds(Page[MovementResponse], errors=READ_ERRORS)
async def list_movements(query_args: MovementListQuery) -> Response:
    return respond(await service.movement_page_data(_viewer_id(), query_args))


@blueprint.post("/query")
@authenticated
@validate_body(StructuredQueryRequest)
@responds(Page[MovementResponse], errors=READ_ERRORS)
async def query_movements(data: StructuredQueryRequest) -> Response:
    page = await service.query_movements(_viewer_id(), data)
    return respond(page.map(MovementResponse.from_model))


@blueprint.get("/<id:movement_id>")
@authenticated
@responds(MovementResponse, errors=[*READ_ERRORS, HTTPStatus.NOT_FOUND])
async def get_movement(movement_id: str) -> Response:
    movement = await service.movement_data(_viewer_id(), parse_path_id(movement_id, "movement_id"))
    return respond(movement, etag=True)


@blueprint.post("")
@authenticated
@validate_body(MovementCreateRequest)
@responds(
    MovementResponse,
    HTTPStatus.CREATED,
    errors=WRITE_ERRORS,
)
async def create_movement(data: MovementCreateRequest) -> Response:
    movement = await service.create_movement(current_principal(), data)
    return respond(MovementResponse.from_model(movement), HTTPStatus.CREATED)


@blueprint.patch("/<id:movement_id>")
@authenticated
@validate_body(MovementUpdateRequest)
@responds(
    MovementResponse,
    errors=[*WRITE_ERRORS, HTTPStatus.NOT_FOUND],
)
async def update_movement(movement_id: str, data: MovementUpdateRequest) -> Response:
    movement = await service.update_movement(
        current_principal(), parse_path_id(movement_id, "movement_id"), data
    )
    return respond(MovementResponse.from_model(movement))


@blueprint.delete("/<id:movement_id>")
@authenticated
@responds(
    None,
    HTTPStatus.NO_CONTENT,
    errors=[*WRITE_ERRORS, HTTPStatus.NOT_FOUND],
)
async def delete_movement(movement_id: str) -> Response:
    await service.delete_movement(current_principal(), parse_path_id(movement_id, "movement_id"))
    return no_content()
