from http import HTTPStatus
from uuid import UUID

from quart import Blueprint, Response

from alloy_api.auth.dependencies import authenticated, current_principal
from alloy_api.kit.envelope import created, no_content, respond
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
    """List movements

    The movements the caller sees (the shared library and their own), filtered and sorted by the
    query parameters; cursor-paginated.
    """
    return respond(await service.movement_page_data(_viewer_id(), query_args))


@blueprint.post("/query")
@authenticated
@validate_body(StructuredQueryRequest)
@responds(Page[MovementResponse], errors=READ_ERRORS)
async def query_movements(data: StructuredQueryRequest) -> Response:
    """Query movements

    The movements the caller sees, filtered by a structured query (a list of field, operator,
    value clauses) in the body; cursor-paginated.
    """
    page = await service.query_movements(_viewer_id(), data)
    return respond(page.map(MovementResponse.from_model))


@blueprint.get("/<id:movement_id>")
@authenticated
@responds(MovementResponse, errors=[*READ_ERRORS, HTTPStatus.NOT_FOUND])
async def get_movement(movement_id: str) -> Response:
    """Get a movement

    One movement of the shared library or of the caller's own. Answers an `ETag`; send it back in
    `If-None-Match` for a 304.
    """
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
    """Create a movement

    Admins add to the shared library; other users add a custom movement only they see.
    """
    movement = await service.create_movement(current_principal(), data)
    return created(MovementResponse.from_model(movement), f"{blueprint.url_prefix}/{movement.id}")


@blueprint.patch("/<id:movement_id>")
@authenticated
@validate_body(MovementUpdateRequest)
@responds(
    MovementResponse,
    errors=[*WRITE_ERRORS, HTTPStatus.NOT_FOUND],
)
async def update_movement(movement_id: str, data: MovementUpdateRequest) -> Response:
    """Update a movement

    Changes the fields the body names, of a library movement (admins with 2FA) or of one's own.
    """
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
    """Delete a movement

    Removes a library movement (admins) or one's own; refused while a circuit or a program
    uses it.
    """
    await service.delete_movement(current_principal(), parse_path_id(movement_id, "movement_id"))
    return no_content()
