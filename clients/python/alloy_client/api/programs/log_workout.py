from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.log_workout_envelope_workout_log_response import LogWorkoutEnvelopeWorkoutLogResponse
from ...models.log_workout_workout_log_request import LogWorkoutWorkoutLogRequest
from typing import cast
from uuid import UUID



def _get_kwargs(
    program_id: UUID,
    session_id: UUID,
    *,
    body: LogWorkoutWorkoutLogRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/programs/{program_id}/sessions/{session_id}/workout_logs".format(program_id=quote(str(program_id), safe=""),session_id=quote(str(session_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse | None:
    if response.status_code == 201:
        response_201 = LogWorkoutEnvelopeWorkoutLogResponse.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse]:
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
    body: LogWorkoutWorkoutLogRequest,

) -> Response[ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse]:
    """ Log a workout

     
    Records what was done in a session: top sets per exercise (or a substitution naming the
    exercise it replaces). Send `Idempotency-Key` to retry safely.

    Args:
        program_id (UUID):
        session_id (UUID):
        body (LogWorkoutWorkoutLogRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
session_id=session_id,
body=body,

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
    body: LogWorkoutWorkoutLogRequest,

) -> ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse | None:
    """ Log a workout

     
    Records what was done in a session: top sets per exercise (or a substitution naming the
    exercise it replaces). Send `Idempotency-Key` to retry safely.

    Args:
        program_id (UUID):
        session_id (UUID):
        body (LogWorkoutWorkoutLogRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse
     """


    return sync_detailed(
        program_id=program_id,
session_id=session_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    program_id: UUID,
    session_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LogWorkoutWorkoutLogRequest,

) -> Response[ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse]:
    """ Log a workout

     
    Records what was done in a session: top sets per exercise (or a substitution naming the
    exercise it replaces). Send `Idempotency-Key` to retry safely.

    Args:
        program_id (UUID):
        session_id (UUID):
        body (LogWorkoutWorkoutLogRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
session_id=session_id,
body=body,

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
    body: LogWorkoutWorkoutLogRequest,

) -> ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse | None:
    """ Log a workout

     
    Records what was done in a session: top sets per exercise (or a substitution naming the
    exercise it replaces). Send `Idempotency-Key` to retry safely.

    Args:
        program_id (UUID):
        session_id (UUID):
        body (LogWorkoutWorkoutLogRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LogWorkoutEnvelopeWorkoutLogResponse
     """


    return (await asyncio_detailed(
        program_id=program_id,
session_id=session_id,
client=client,
body=body,

    )).parsed
