from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_circuit_envelope_circuit_response import GetCircuitEnvelopeCircuitResponse
from typing import cast
from uuid import UUID



def _get_kwargs(
    circuit_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/circuits/{circuit_id}".format(circuit_id=quote(str(circuit_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetCircuitEnvelopeCircuitResponse | None:
    if response.status_code == 200:
        response_200 = GetCircuitEnvelopeCircuitResponse.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetCircuitEnvelopeCircuitResponse]:
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

) -> Response[ErrorEnvelope | GetCircuitEnvelopeCircuitResponse]:
    """ Get a circuit

     
    One circuit with its items in order. Answers an `ETag`; send it back in `If-None-Match` for a
    304.

    Args:
        circuit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetCircuitEnvelopeCircuitResponse]
     """


    kwargs = _get_kwargs(
        circuit_id=circuit_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetCircuitEnvelopeCircuitResponse | None:
    """ Get a circuit

     
    One circuit with its items in order. Answers an `ETag`; send it back in `If-None-Match` for a
    304.

    Args:
        circuit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetCircuitEnvelopeCircuitResponse
     """


    return sync_detailed(
        circuit_id=circuit_id,
client=client,

    ).parsed

async def asyncio_detailed(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetCircuitEnvelopeCircuitResponse]:
    """ Get a circuit

     
    One circuit with its items in order. Answers an `ETag`; send it back in `If-None-Match` for a
    304.

    Args:
        circuit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetCircuitEnvelopeCircuitResponse]
     """


    kwargs = _get_kwargs(
        circuit_id=circuit_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    circuit_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetCircuitEnvelopeCircuitResponse | None:
    """ Get a circuit

     
    One circuit with its items in order. Answers an `ETag`; send it back in `If-None-Match` for a
    304.

    Args:
        circuit_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetCircuitEnvelopeCircuitResponse
     """


    return (await asyncio_detailed(
        circuit_id=circuit_id,
client=client,

    )).parsed
