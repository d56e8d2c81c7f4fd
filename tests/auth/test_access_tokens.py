"""Access tokens per CONTRACT §7: claims, fixed algorithm, audience, issuer, expiry, key."""

import base64
import time
from datetime import timedelta
from types import SimpleNamespace

import jwt
import orjson
import pytest

from alloy_api.auth import tokens as tokens_module
from alloy_api.auth.tokens import ACCESS_KEY_PURPOSE, derived_key, verify_access_token
from alloy_api.kit.errors import AuthenticationError
from alloy_api.kit.time import utc_now
from tests.auth.helpers import bearer, body_of, error_codes

ME = "/v1/users/me"


def claims_for(account, settings, **overrides):
    now = utc_now()
    claims = {
        "sub": account.id,
        "role": account.user.role.value,
        "ver": account.user.token_version,
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(minutes=5),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "jti": "test-jti",
        "sid": "test-session",
    }
    claims.update(overrides)
    return {name: value for name, value in claims.items() if value is not None}


def sign(claims, settings, *, key: bytes | None = None, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key or derived_key(settings, ACCESS_KEY_PURPOSE), algorithm=algorithm)


def unsigned(claims) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(orjson.dumps(value, default=str)).rstrip(b"=").decode()

    payload = {k: int(v.timestamp()) if hasattr(v, "timestamp") else v for k, v in claims.items()}
    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(payload)}."


async def me_codes(client, token: str) -> tuple[int, list[str]]:
    """The status and error codes of GET /v1/users/me; every 401 must carry a Bearer challenge."""
    response = await client.get(ME, headers=bearer(token))
    if response.status_code == 401:
        assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    return response.status_code, error_codes(await body_of(response))


async def test_issued_token_carries_every_contract_claim(user_account, settings) -> None:
    claims = jwt.decode(
        user_account.access_token,
        derived_key(settings, ACCESS_KEY_PURPOSE),
        algorithms=["HS256"],
        audience=settings.jwt_audience,
    )
    assert {"sub", "role", "iat", "nbf", "exp", "iss", "aud", "jti", "sid"} <= set(claims)
    assert claims["exp"] - claims["iat"] == settings.access_token_ttl_seconds == 900
    assert jwt.get_unverified_header(user_account.access_token)["alg"] == "HS256"
    assert verify_access_token(settings, user_account.access_token).user_id == user_account.id


async def test_missing_and_non_bearer_headers(client) -> None:
    response = await client.get(ME)
    assert response.status_code == 401
    assert error_codes(await body_of(response)) == ["AUTH_MISSING_TOKEN"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    basic = await client.get(ME, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert error_codes(await body_of(basic)) == ["AUTH_INVALID_TOKEN"]


async def test_expired_token_is_auth_expired_token(client, user_account, settings) -> None:
    past = utc_now() - timedelta(seconds=settings.jwt_leeway_seconds + 60)
    token = sign(claims_for(user_account, settings, exp=past, iat=past, nbf=past), settings)
    assert await me_codes(client, token) == (401, ["AUTH_EXPIRED_TOKEN"])


async def test_expiry_within_the_clock_leeway_is_accepted(client, user_account, settings) -> None:
    just_past = utc_now() - timedelta(seconds=settings.jwt_leeway_seconds // 2)
    token = sign(claims_for(user_account, settings, exp=just_past), settings)
    status, _ = await me_codes(client, token)
    assert status == 200


async def test_a_token_accepted_before_is_refused_once_it_expires(
    client, user_account, settings, monkeypatch
) -> None:
    """Verified tokens are remembered per process; the expiry is still checked on every use."""
    assert (await me_codes(client, user_account.access_token))[0] == 200
    after_expiry = time.time() + settings.access_token_ttl_seconds + settings.jwt_leeway_seconds + 1
    monkeypatch.setattr(tokens_module, "time", SimpleNamespace(time=lambda: after_expiry))
    assert await me_codes(client, user_account.access_token) == (401, ["AUTH_EXPIRED_TOKEN"])


async def test_a_token_verified_under_one_key_is_not_valid_under_another(
    user_account, settings, settings_factory
) -> None:
    assert verify_access_token(settings, user_account.access_token).user_id == user_account.id
    other_key = settings_factory(secret_key="another signing secret of enough length 0123456789")
    with pytest.raises(AuthenticationError) as refused:
        verify_access_token(other_key, user_account.access_token)
    assert refused.value.error_code.code == "AUTH_INVALID_TOKEN"


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize(
    "tamper",
    [
        "wrong_audience",
        "wrong_issuer",
        "wrong_key",
        "alg_none",
        "hs512_confusion",
        "missing_jti",
        "missing_sid",
        "not_yet_valid",
        "flipped_payload",
        "garbage",
        "unknown_subject",
    ],
)
async def test_every_forged_token_is_auth_invalid_token(
    client, user_account, settings, tamper
) -> None:
    good = claims_for(user_account, settings)
    future = utc_now() + timedelta(minutes=10)
    tokens = {
        "wrong_audience": lambda: sign({**good, "aud": "someone-else"}, settings),
        "wrong_issuer": lambda: sign({**good, "iss": "evil"}, settings),
        "wrong_key": lambda: sign(good, settings, key=b"k" * 32),
        "alg_none": lambda: unsigned(good),
        "hs512_confusion": lambda: sign(good, settings, algorithm="HS512"),
        "missing_jti": lambda: sign(claims_for(user_account, settings, jti=None), settings),
        "missing_sid": lambda: sign(claims_for(user_account, settings, sid=None), settings),
        "not_yet_valid": lambda: sign({**good, "nbf": future}, settings),
        "flipped_payload": lambda: _flip_role(sign(good, settings)),
        "garbage": lambda: "not.a.jwt",
        "unknown_subject": lambda: sign(
            {**good, "sub": "01900000-0000-7000-8000-000000000000"}, settings
        ),
    }
    assert await me_codes(client, tokens[tamper]()) == (401, ["AUTH_INVALID_TOKEN"])


def _flip_role(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = orjson.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "super_admin"
    forged = base64.urlsafe_b64encode(orjson.dumps(claims)).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


async def test_authenticated_requests_name_the_user_in_the_access_log(
    client, user_account, capfd
) -> None:
    await client.get(ME, headers=user_account.headers)
    log = capfd.readouterr().err
    assert f'"user_id":"{user_account.id}"' in log
    assert user_account.access_token not in log
