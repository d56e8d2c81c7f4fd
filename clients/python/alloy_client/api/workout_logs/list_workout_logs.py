from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.list_workout_logs_envelope_page_workout_log_response import ListWorkoutLogsEnvelopePageWorkoutLogResponse
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    program_id: None | Unset | UUID = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["include_total"] = include_total

    json_program_id: None | str | Unset
    if isinstance(program_id, Unset):
        json_program_id = UNSET
    elif isinstance(program_id, UUID):
        json_program_id = str(program_id)
    else:
        json_program_id = program_id
    params["program_id"] = json_program_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/workout_logs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse | None:
    if response.status_code == 200:
        response_200 = ListWorkoutLogsEnvelopePageWorkoutLogResponse.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    program_id: None | Unset | UUID = UNSET,

) -> Response[ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse]:
    """ List workout logs

     
    The caller's logged workouts, optionally of one program; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        program_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
program_id=program_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    program_id: None | Unset | UUID = UNSET,

) -> ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse | None:
    """ List workout logs

     
    The caller's logged workouts, optionally of one program; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        program_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
program_id=program_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    program_id: None | Unset | UUID = UNSET,

) -> Response[ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse]:
    """ List workout logs

     
    The caller's logged workouts, optionally of one program; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        program_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
program_id=program_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    program_id: None | Unset | UUID = UNSET,

) -> ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse | None:
    """ List workout logs

     
    The caller's logged workouts, optionally of one program; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        program_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListWorkoutLogsEnvelopePageWorkoutLogResponse
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
program_id=program_id,

    )).parsed
