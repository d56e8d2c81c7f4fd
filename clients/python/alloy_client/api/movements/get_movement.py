from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_movement_envelope_movement_response import GetMovementEnvelopeMovementResponse
from typing import cast
from uuid import UUID



def _get_kwargs(
    movement_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/movements/{movement_id}".format(movement_id=quote(str(movement_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetMovementEnvelopeMovementResponse | None:
    if response.status_code == 200:
        response_200 = GetMovementEnvelopeMovementResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetMovementEnvelopeMovementResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    movement_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetMovementEnvelopeMovementResponse]:
    """ Get a movement

     
    One movement of the shared library or of the caller's own. Answers an `ETag`; send it back in
    `If-None-Match` for a 304.

    Args:
        movement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetMovementEnvelopeMovementResponse]
     """


    kwargs = _get_kwargs(
        movement_id=movement_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    movement_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetMovementEnvelopeMovementResponse | None:
    """ Get a movement

     
    One movement of the shared library or of the caller's own. Answers an `ETag`; send it back in
    `If-None-Match` for a 304.

    Args:
        movement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetMovementEnvelopeMovementResponse
     """


    return sync_detailed(
        movement_id=movement_id,
client=client,

    ).parsed

async def asyncio_detailed(
    movement_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetMovementEnvelopeMovementResponse]:
    """ Get a movement

     
    One movement of the shared library or of the caller's own. Answers an `ETag`; send it back in
    `If-None-Match` for a 304.

    Args:
        movement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetMovementEnvelopeMovementResponse]
     """


    kwargs = _get_kwargs(
        movement_id=movement_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    movement_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetMovementEnvelopeMovementResponse | None:
    """ Get a movement

     
    One movement of the shared library or of the caller's own. Answers an `ETag`; send it back in
    `If-None-Match` for a 304.

    Args:
        movement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetMovementEnvelopeMovementResponse
     """


    return (await asyncio_detailed(
        movement_id=movement_id,
client=client,

    )).parsed
