from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_two_factor_envelope_two_factor_status_response import GetTwoFactorEnvelopeTwoFactorStatusResponse
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/auth/2fa",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse | None:
    if response.status_code == 200:
        response_200 = GetTwoFactorEnvelopeTwoFactorStatusResponse.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse]:
    """ Get the 2FA state

     
    Whether two-factor authentication is enabled or an enrolment is pending, and how many
    recovery codes are left.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse | None:
    """ Get the 2FA state

     
    Whether two-factor authentication is enabled or an enrolment is pending, and how many
    recovery codes are left.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse]:
    """ Get the 2FA state

     
    Whether two-factor authentication is enabled or an enrolment is pending, and how many
    recovery codes are left.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse | None:
    """ Get the 2FA state

     
    Whether two-factor authentication is enabled or an enrolment is pending, and how many
    recovery codes are left.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetTwoFactorEnvelopeTwoFactorStatusResponse
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
