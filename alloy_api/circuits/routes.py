from http import HTTPStatus

from quart import Blueprint, Response
from quart_schema import validate_querystring, validate_request

from alloy_api.circuits import service
from alloy_api.circuits.schemas import (
    CircuitListQuery,
    CircuitPatchRequest,
    CircuitRequest,
    CircuitResponse,
)
from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.filtering import StructuredQueryRequest
from alloy_api.kit.ids import parse_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page

blueprint = Blueprint("circuits", __name__, url_prefix="/v1/circuits")
WRITE_ERRORS = [HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN, HTTPStatus.CONFLICT]
ITEM_WRITE_ERRORS = [*WRITE_ERRORS, HTTPStatus.NOT_FOUND]


@blueprint.get("")
@validate_querystring(CircuitListQuery)
@responds(Page[CircuitResponse], errors=[HTTPStatus.BAD_REQUEST])
async def list_circuits(query_args: CircuitListQuery) -> Response:
    page = await service.list_circuits(query_args)
    return respond(page.map(CircuitResponse.from_model))


@blueprint.post("/query")
@validate_request(StructuredQueryRequest)
@responds(Page[CircuitResponse], errors=[HTTPStatus.BAD_REQUEST])
async def query_circuits(data: StructuredQueryRequest) -> Response:
    page = await service.query_circuits(data)
    return respond(page.map(CircuitResponse.from_model))


@blueprint.get("/<circuit_id>")
@responds(CircuitResponse, errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND])
async def get_circuit(circuit_id: str) -> Response:
    circuit = await service.get_circuit(parse_id("circuit_id", circuit_id))
    return respond(CircuitResponse.from_model(circuit))


@blueprint.post("")
@validate_request(CircuitRequest)
@responds(CircuitResponse, HTTPStatus.CREATED, errors=WRITE_ERRORS)
async def create_circuit(data: CircuitRequest) -> Response:
    circuit = await service.create_circuit(data)
    return respond(CircuitResponse.from_model(circuit), HTTPStatus.CREATED)


@blueprint.put("/<circuit_id>")
@validate_request(CircuitRequest)
@responds(CircuitResponse, errors=ITEM_WRITE_ERRORS)
async def replace_circuit(circuit_id: str, data: CircuitRequest) -> Response:
    circuit = await service.replace_circuit(parse_id("circuit_id", circuit_id), data)
    return respond(CircuitResponse.from_model(circuit))


@blueprint.patch("/<circuit_id>")
@validate_request(CircuitPatchRequest)
@responds(CircuitResponse, errors=ITEM_WRITE_ERRORS)
async def update_circuit(circuit_id: str, data: CircuitPatchRequest) -> Response:
    circuit = await service.update_circuit(parse_id("circuit_id", circuit_id), data)
    return respond(CircuitResponse.from_model(circuit))


@blueprint.delete("/<circuit_id>")
@responds(None, HTTPStatus.NO_CONTENT, errors=ITEM_WRITE_ERRORS)
async def delete_circuit(circuit_id: str) -> Response:
    await service.delete_circuit(parse_id("circuit_id", circuit_id))
    return no_content()
