from http import HTTPStatus

from quart import Blueprint, Response

from alloy_api.auth.dependencies import (
    ADMIN_ROLES,
    authenticated,
    current_principal,
    require_role,
)
from alloy_api.circuits import service
from alloy_api.circuits.schemas import (
    CircuitListQuery,
    CircuitPatchRequest,
    CircuitRequest,
    CircuitResponse,
)
from alloy_api.kit.envelope import created, no_content, respond
from alloy_api.kit.filtering import StructuredQueryRequest
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.kit.validation import validate_body, validate_query

blueprint = Blueprint("circuits", __name__, url_prefix="/v1/circuits")
READ_ERRORS = [HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED]
WRITE_ERRORS = [*READ_ERRORS, HTTPStatus.FORBIDDEN, HTTPStatus.CONFLICT]
ITEM_WRITE_ERRORS = [*WRITE_ERRORS, HTTPStatus.NOT_FOUND]


@blueprint.get("")
@authenticated
@validate_query(CircuitListQuery)
@responds(Page[CircuitResponse], errors=READ_ERRORS)
async def list_circuits(query_args: CircuitListQuery) -> Response:
    """List circuits

    The circuit library with each circuit's items, filtered and sorted by the query parameters;
    cursor-paginated.
    """
    return respond(await service.circuit_page_data(query_args))


@blueprint.post("/query")
@authenticated
@validate_body(StructuredQueryRequest)
@responds(Page[CircuitResponse], errors=READ_ERRORS)
async def query_circuits(data: StructuredQueryRequest) -> Response:
    """Query circuits

    The circuit library filtered by a structured query (a list of field, operator, value clauses)
    in the body; cursor-paginated.
    """
    page = await service.query_circuits(data)
    return respond(page.map(CircuitResponse.from_model))


@blueprint.get("/<id:circuit_id>")
@authenticated
@responds(CircuitResponse, errors=[*READ_ERRORS, HTTPStatus.NOT_FOUND])
async def get_circuit(circuit_id: str) -> Response:
    """Get a circuit

    One circuit with its items in order. Answers an `ETag`; send it back in `If-None-Match` for a
    304.
    """
    circuit = await service.circuit_data(parse_path_id(circuit_id, "circuit_id"))
    return respond(circuit, etag=True)


@blueprint.post("")
@require_role(*ADMIN_ROLES)
@validate_body(CircuitRequest)
@responds(CircuitResponse, HTTPStatus.CREATED, errors=WRITE_ERRORS)
async def create_circuit(data: CircuitRequest) -> Response:
    """Create a circuit

    Adds a circuit to the shared library (admins with 2FA). Its items name movements of the
    library.
    """
    circuit = await service.create_circuit(current_principal(), data)
    return created(CircuitResponse.from_model(circuit), f"{blueprint.url_prefix}/{circuit.id}")


@blueprint.put("/<id:circuit_id>")
@require_role(*ADMIN_ROLES)
@validate_body(CircuitRequest)
@responds(CircuitResponse, errors=ITEM_WRITE_ERRORS)
async def replace_circuit(circuit_id: str, data: CircuitRequest) -> Response:
    """Replace a circuit

    Replaces every field and item of a circuit (admins with 2FA).
    """
    circuit = await service.replace_circuit(
        current_principal(), parse_path_id(circuit_id, "circuit_id"), data
    )
    return respond(CircuitResponse.from_model(circuit))


@blueprint.patch("/<id:circuit_id>")
@require_role(*ADMIN_ROLES)
@validate_body(CircuitPatchRequest)
@responds(CircuitResponse, errors=ITEM_WRITE_ERRORS)
async def update_circuit(circuit_id: str, data: CircuitPatchRequest) -> Response:
    """Update a circuit

    Changes the fields the body names (admins with 2FA); items, when given, replace the old ones.
    """
    circuit = await service.update_circuit(
        current_principal(), parse_path_id(circuit_id, "circuit_id"), data
    )
    return respond(CircuitResponse.from_model(circuit))


@blueprint.delete("/<id:circuit_id>")
@require_role(*ADMIN_ROLES)
@responds(None, HTTPStatus.NO_CONTENT, errors=ITEM_WRITE_ERRORS)
async def delete_circuit(circuit_id: str) -> Response:
    """Delete a circuit

    Removes a circuit from the library (admins with 2FA).
    """
    await service.delete_circuit(current_principal(), parse_path_id(circuit_id, "circuit_id"))
    return no_content()
