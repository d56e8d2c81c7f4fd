from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.list_sessions_envelope_page_session_response import ListSessionsEnvelopePageSessionResponse
from ...models.session_status import SessionStatus
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    program_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    status: None | SessionStatus | Unset = UNSET,

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

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, SessionStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programs/{program_id}/sessions".format(program_id=quote(str(program_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ListSessionsEnvelopePageSessionResponse | None:
    if response.status_code == 200:
        response_200 = ListSessionsEnvelopePageSessionResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ListSessionsEnvelopePageSessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    status: None | SessionStatus | Unset = UNSET,

) -> Response[ErrorEnvelope | ListSessionsEnvelopePageSessionResponse]:
    """ List sessions

     
    The sessions of one of the caller's programs, filtered by status and a date range;
    cursor-paginated.

    Args:
        program_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        date_from (datetime.date | None | Unset):
        date_to (datetime.date | None | Unset):
        status (None | SessionStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListSessionsEnvelopePageSessionResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
date_from=date_from,
date_to=date_to,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    program_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    status: None | SessionStatus | Unset = UNSET,

) -> ErrorEnvelope | ListSessionsEnvelopePageSessionResponse | None:
    """ List sessions

     
    The sessions of one of the caller's programs, filtered by status and a date range;
    cursor-paginated.

    Args:
        program_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        date_from (datetime.date | None | Unset):
        date_to (datetime.date | None | Unset):
        status (None | SessionStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListSessionsEnvelopePageSessionResponse
     """


    return sync_detailed(
        program_id=program_id,
client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
date_from=date_from,
date_to=date_to,
status=status,

    ).parsed

async def asyncio_detailed(
    program_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    status: None | SessionStatus | Unset = UNSET,

) -> Response[ErrorEnvelope | ListSessionsEnvelopePageSessionResponse]:
    """ List sessions

     
    The sessions of one of the caller's programs, filtered by status and a date range;
    cursor-paginated.

    Args:
        program_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        date_from (datetime.date | None | Unset):
        date_to (datetime.date | None | Unset):
        status (None | SessionStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListSessionsEnvelopePageSessionResponse]
     """


    kwargs = _get_kwargs(
        program_id=program_id,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
date_from=date_from,
date_to=date_to,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    program_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    status: None | SessionStatus | Unset = UNSET,

) -> ErrorEnvelope | ListSessionsEnvelopePageSessionResponse | None:
    """ List sessions

     
    The sessions of one of the caller's programs, filtered by status and a date range;
    cursor-paginated.

    Args:
        program_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        date_from (datetime.date | None | Unset):
        date_to (datetime.date | None | Unset):
        status (None | SessionStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListSessionsEnvelopePageSessionResponse
     """


    return (await asyncio_detailed(
        program_id=program_id,
client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
date_from=date_from,
date_to=date_to,
status=status,

    )).parsed
