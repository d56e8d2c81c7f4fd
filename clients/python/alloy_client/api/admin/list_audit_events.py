from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.list_audit_events_envelope_page_audit_event_response import ListAuditEventsEnvelopePageAuditEventResponse
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,

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

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    elif isinstance(actor_id, UUID):
        json_actor_id = str(actor_id)
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/audit_events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse | None:
    if response.status_code == 200:
        response_200 = ListAuditEventsEnvelopePageAuditEventResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse]:
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
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,

) -> Response[ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse]:
    """ List audit events

     
    Security and admin events, filtered by action, actor and time
    (`since`); cursor-paginated. Admins with 2FA only.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        action (None | str | Unset):
        actor_id (None | Unset | UUID):
        since (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
action=action,
actor_id=actor_id,
since=since,

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
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,

) -> ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse | None:
    """ List audit events

     
    Security and admin events, filtered by action, actor and time
    (`since`); cursor-paginated. Admins with 2FA only.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        action (None | str | Unset):
        actor_id (None | Unset | UUID):
        since (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
action=action,
actor_id=actor_id,
since=since,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,

) -> Response[ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse]:
    """ List audit events

     
    Security and admin events, filtered by action, actor and time
    (`since`); cursor-paginated. Admins with 2FA only.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        action (None | str | Unset):
        actor_id (None | Unset | UUID):
        since (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
action=action,
actor_id=actor_id,
since=since,

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
    action: None | str | Unset = UNSET,
    actor_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,

) -> ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse | None:
    """ List audit events

     
    Security and admin events, filtered by action, actor and time
    (`since`); cursor-paginated. Admins with 2FA only.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        action (None | str | Unset):
        actor_id (None | Unset | UUID):
        since (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListAuditEventsEnvelopePageAuditEventResponse
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
action=action,
actor_id=actor_id,
since=since,

    )).parsed
