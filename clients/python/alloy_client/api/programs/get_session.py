from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_session_envelope_session_detail_response import GetSessionEnvelopeSessionDetailResponse
from typing import cast
from uuid import UUID



def _get_kwargs(
    program_id: UUID,
    session_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programs/{program_id}/sessions/{session_id}".format(program_id=quote(str(program_id), safe=""),session_id=quote(str(session_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse | None:
    if response.status_code == 200:
        response_200 = GetSessionEnvelopeSessionDetailResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: UUID,
    session_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse]:
    """ Get a session

     
    One session with its exercises, circuits and prescriptions.

    Args:
        program_id (UUID):
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
session_id=session_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    program_id: UUID,
    session_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse | None:
    """ Get a session

     
    One session with its exercises, circuits and prescriptions.

    Args:
        program_id (UUID):
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse
     """


    return sync_detailed(
        program_id=program_id,
session_id=session_id,
client=client,

    ).parsed

async def asyncio_detailed(
    program_id: UUID,
    session_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse]:
    """ Get a session

     
    One session with its exercises, circuits and prescriptions.

    Args:
        program_id (UUID):
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
session_id=session_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    program_id: UUID,
    session_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse | None:
    """ Get a session

     
    One session with its exercises, circuits and prescriptions.

    Args:
        program_id (UUID):
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetSessionEnvelopeSessionDetailResponse
     """


    return (await asyncio_detailed(
        program_id=program_id,
session_id=session_id,
client=client,

    )).parsed
