from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.update_circuit_circuit_patch_request import UpdateCircuitCircuitPatchRequest
from ...models.update_circuit_envelope_circuit_response import UpdateCircuitEnvelopeCircuitResponse
from typing import cast
from uuid import UUID



def _get_kwargs(
    circuit_id: UUID,
    *,
    body: UpdateCircuitCircuitPatchRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/circuits/{circuit_id}".format(circuit_id=quote(str(circuit_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse | None:
    if response.status_code == 200:
        response_200 = UpdateCircuitEnvelopeCircuitResponse.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())



        return response_415

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateCircuitCircuitPatchRequest,

) -> Response[ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse]:
    """ Update a circuit

     
    Changes the fields the body names (admins with 2FA); items, when given, replace the old ones.

    Args:
        circuit_id (UUID):
        body (UpdateCircuitCircuitPatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse]
     """


    kwargs = _get_kwargs(
        circuit_id=circuit_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateCircuitCircuitPatchRequest,

) -> ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse | None:
    """ Update a circuit

     
    Changes the fields the body names (admins with 2FA); items, when given, replace the old ones.

    Args:
        circuit_id (UUID):
        body (UpdateCircuitCircuitPatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse
     """


    return sync_detailed(
        circuit_id=circuit_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateCircuitCircuitPatchRequest,

) -> Response[ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse]:
    """ Update a circuit

     
    Changes the fields the body names (admins with 2FA); items, when given, replace the old ones.

    Args:
        circuit_id (UUID):
        body (UpdateCircuitCircuitPatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse]
     """


    kwargs = _get_kwargs(
        circuit_id=circuit_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateCircuitCircuitPatchRequest,

) -> ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse | None:
    """ Update a circuit

     
    Changes the fields the body names (admins with 2FA); items, when given, replace the old ones.

    Args:
        circuit_id (UUID):
        body (UpdateCircuitCircuitPatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UpdateCircuitEnvelopeCircuitResponse
     """


    return (await asyncio_detailed(
        circuit_id=circuit_id,
client=client,
body=body,

    )).parsed
