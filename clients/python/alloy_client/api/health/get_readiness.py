from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_readiness_envelope_readiness_response import GetReadinessEnvelopeReadinessResponse
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health/ready",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetReadinessEnvelopeReadinessResponse | None:
    if response.status_code == 200:
        response_200 = GetReadinessEnvelopeReadinessResponse.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetReadinessEnvelopeReadinessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | GetReadinessEnvelopeReadinessResponse]:
    """ 200 while the database answers, migrations are current and the cache answers; else 503.

     
    Each read replica is checked as `replica_N`, its index in `ALLOY_DATABASE_REPLICA_URLS`, so no
    URL or credential is shown. A failing replica keeps readiness at 200 with status
    `degraded`: this process sends reads to the other replicas, or to the primary when none
    answers, until a check (this one, or the one every `ALLOY_DATABASE_REPLICA_CHECK_SECONDS`)
    finds it answering again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetReadinessEnvelopeReadinessResponse]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | GetReadinessEnvelopeReadinessResponse | None:
    """ 200 while the database answers, migrations are current and the cache answers; else 503.

     
    Each read replica is checked as `replica_N`, its index in `ALLOY_DATABASE_REPLICA_URLS`, so no
    URL or credential is shown. A failing replica keeps readiness at 200 with status
    `degraded`: this process sends reads to the other replicas, or to the primary when none
    answers, until a check (this one, or the one every `ALLOY_DATABASE_REPLICA_CHECK_SECONDS`)
    finds it answering again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetReadinessEnvelopeReadinessResponse
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | GetReadinessEnvelopeReadinessResponse]:
    """ 200 while the database answers, migrations are current and the cache answers; else 503.

     
    Each read replica is checked as `replica_N`, its index in `ALLOY_DATABASE_REPLICA_URLS`, so no
    URL or credential is shown. A failing replica keeps readiness at 200 with status
    `degraded`: this process sends reads to the other replicas, or to the primary when none
    answers, until a check (this one, or the one every `ALLOY_DATABASE_REPLICA_CHECK_SECONDS`)
    finds it answering again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetReadinessEnvelopeReadinessResponse]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | GetReadinessEnvelopeReadinessResponse | None:
    """ 200 while the database answers, migrations are current and the cache answers; else 503.

     
    Each read replica is checked as `replica_N`, its index in `ALLOY_DATABASE_REPLICA_URLS`, so no
    URL or credential is shown. A failing replica keeps readiness at 200 with status
    `degraded`: this process sends reads to the other replicas, or to the primary when none
    answers, until a check (this one, or the one every `ALLOY_DATABASE_REPLICA_CHECK_SECONDS`)
    finds it answering again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetReadinessEnvelopeReadinessResponse
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
