from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.discipline import Discipline
from ...models.equipment import Equipment
from ...models.error_envelope import ErrorEnvelope
from ...models.list_movements_envelope_page_movement_response import ListMovementsEnvelopePageMovementResponse
from ...models.movement_pattern import MovementPattern
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    pattern: MovementPattern | None | Unset = UNSET,
    discipline: Discipline | None | Unset = UNSET,
    equipment: Equipment | None | Unset = UNSET,
    q: None | str | Unset = UNSET,

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

    json_pattern: None | str | Unset
    if isinstance(pattern, Unset):
        json_pattern = UNSET
    elif isinstance(pattern, MovementPattern):
        json_pattern = pattern.value
    else:
        json_pattern = pattern
    params["pattern"] = json_pattern

    json_discipline: None | str | Unset
    if isinstance(discipline, Unset):
        json_discipline = UNSET
    elif isinstance(discipline, Discipline):
        json_discipline = discipline.value
    else:
        json_discipline = discipline
    params["discipline"] = json_discipline

    json_equipment: None | str | Unset
    if isinstance(equipment, Unset):
        json_equipment = UNSET
    elif isinstance(equipment, Equipment):
        json_equipment = equipment.value
    else:
        json_equipment = equipment
    params["equipment"] = json_equipment

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/movements",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ListMovementsEnvelopePageMovementResponse | None:
    if response.status_code == 200:
        response_200 = ListMovementsEnvelopePageMovementResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ListMovementsEnvelopePageMovementResponse]:
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
    pattern: MovementPattern | None | Unset = UNSET,
    discipline: Discipline | None | Unset = UNSET,
    equipment: Equipment | None | Unset = UNSET,
    q: None | str | Unset = UNSET,

) -> Response[ErrorEnvelope | ListMovementsEnvelopePageMovementResponse]:
    """ List movements

     
    The movements the caller sees (the shared library and their own), filtered and sorted by the
    query parameters; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        pattern (MovementPattern | None | Unset):
        discipline (Discipline | None | Unset):
        equipment (Equipment | None | Unset):
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListMovementsEnvelopePageMovementResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
pattern=pattern,
discipline=discipline,
equipment=equipment,
q=q,

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
    pattern: MovementPattern | None | Unset = UNSET,
    discipline: Discipline | None | Unset = UNSET,
    equipment: Equipment | None | Unset = UNSET,
    q: None | str | Unset = UNSET,

) -> ErrorEnvelope | ListMovementsEnvelopePageMovementResponse | None:
    """ List movements

     
    The movements the caller sees (the shared library and their own), filtered and sorted by the
    query parameters; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        pattern (MovementPattern | None | Unset):
        discipline (Discipline | None | Unset):
        equipment (Equipment | None | Unset):
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListMovementsEnvelopePageMovementResponse
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
pattern=pattern,
discipline=discipline,
equipment=equipment,
q=q,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    pattern: MovementPattern | None | Unset = UNSET,
    discipline: Discipline | None | Unset = UNSET,
    equipment: Equipment | None | Unset = UNSET,
    q: None | str | Unset = UNSET,

) -> Response[ErrorEnvelope | ListMovementsEnvelopePageMovementResponse]:
    """ List movements

     
    The movements the caller sees (the shared library and their own), filtered and sorted by the
    query parameters; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        pattern (MovementPattern | None | Unset):
        discipline (Discipline | None | Unset):
        equipment (Equipment | None | Unset):
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ListMovementsEnvelopePageMovementResponse]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
pattern=pattern,
discipline=discipline,
equipment=equipment,
q=q,

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
    pattern: MovementPattern | None | Unset = UNSET,
    discipline: Discipline | None | Unset = UNSET,
    equipment: Equipment | None | Unset = UNSET,
    q: None | str | Unset = UNSET,

) -> ErrorEnvelope | ListMovementsEnvelopePageMovementResponse | None:
    """ List movements

     
    The movements the caller sees (the shared library and their own), filtered and sorted by the
    query parameters; cursor-paginated.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):
        sort (None | str | Unset):
        include_total (bool | Unset):  Default: False.
        pattern (MovementPattern | None | Unset):
        discipline (Discipline | None | Unset):
        equipment (Equipment | None | Unset):
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ListMovementsEnvelopePageMovementResponse
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
sort=sort,
include_total=include_total,
pattern=pattern,
discipline=discipline,
equipment=equipment,
q=q,

    )).parsed
