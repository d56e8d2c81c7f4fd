"""Access tokens (JWT, CONTRACT §7) and opaque refresh tokens stored as keyed hashes."""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

import jwt

from alloy_api.auth.roles import Role
from alloy_api.kit.errors import AuthenticationError, ErrorCode
from alloy_api.kit.ids import new_id_str
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

ACCESS_TOKEN_ALGORITHM = "HS256"  # noqa: S105 - an algorithm name
ACCEPTED_ALGORITHMS = [ACCESS_TOKEN_ALGORITHM]
REQUIRED_CLAIMS = ["sub", "role", "iat", "nbf", "exp", "iss", "aud", "jti", "ver", "sid"]
REFRESH_TOKEN_BYTES = 32
ACCESS_KEY_PURPOSE = b"alloy access tokens v1"
REFRESH_KEY_PURPOSE = b"alloy refresh tokens v1"
RECOVERY_KEY_PURPOSE = b"alloy recovery codes v1"
BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
"""RFC 6750's challenge for a token that is invalid, expired or revoked."""
VERIFIED_TOKENS_KEPT = 8192
"""Access tokens whose signature and claims were checked, kept per process (see `_verified`)."""


def derived_key(settings: Settings, purpose: bytes) -> bytes:
    """A key for one purpose only, derived from the signing secret."""
    return _derive(settings.signing_secret, purpose)


@lru_cache(maxsize=64)
def _derive(secret: bytes, purpose: bytes) -> bytes:
    return hmac.new(secret, purpose, hashlib.sha256).digest()


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: str
    role: Role
    token_version: int
    token_id: str
    session_id: str


def issue_access_token(
    settings: Settings, *, user_id: str, role: Role, token_version: int, session_id: str
) -> str:
    """A signed access token of the session (refresh family) `session_id`."""
    issued_at = utc_now()
    claims: dict[str, Any] = {
        "sub": user_id,
        "role": role.value,
        "ver": token_version,
        "sid": session_id,
        "iat": issued_at,
        "nbf": issued_at,
        "exp": issued_at + timedelta(seconds=settings.access_token_ttl_seconds),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "jti": new_id_str(),
    }
    return jwt.encode(
        claims, derived_key(settings, ACCESS_KEY_PURPOSE), algorithm=ACCESS_TOKEN_ALGORITHM
    )


def invalid_token(message: str) -> AuthenticationError:
    return AuthenticationError(message, code=ErrorCode.AUTH_INVALID_TOKEN, headers=BEARER_CHALLENGE)


def verify_access_token(settings: Settings, token: str) -> AccessClaims:
    """The token's claims; 401 AUTH_EXPIRED_TOKEN or AUTH_INVALID_TOKEN otherwise."""
    claims, expires_at = _verified(
        token,
        derived_key(settings, ACCESS_KEY_PURPOSE),
        settings.jwt_audience,
        settings.jwt_issuer,
        settings.jwt_leeway_seconds,
    )
    if time.time() > expires_at + settings.jwt_leeway_seconds:
        raise _expired()
    return claims


@lru_cache(maxsize=VERIFIED_TOKENS_KEPT)
def _verified(
    token: str, key: bytes, audience: str, issuer: str, leeway: int
) -> tuple[AccessClaims, float]:
    """A token's claims and expiry, checked once: every later request presenting the same token
    under the same key only needs the expiry compared (a failed check is never kept)."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=ACCEPTED_ALGORITHMS,
            audience=audience,
            issuer=issuer,
            leeway=leeway,
            options={"require": REQUIRED_CLAIMS, "strict_aud": True},
        )
    except jwt.ExpiredSignatureError as error:
        raise _expired() from error
    except jwt.InvalidTokenError as error:
        raise invalid_token("The access token is not valid") from error
    try:
        verified = AccessClaims(
            user_id=str(claims["sub"]),
            role=Role(claims["role"]),
            token_version=int(claims["ver"]),
            token_id=str(claims["jti"]),
            session_id=str(claims["sid"]),
        )
        return verified, float(claims["exp"])
    except (ValueError, TypeError) as error:
        raise invalid_token("The access token is not valid") from error


def _expired() -> AuthenticationError:
    return expired_token("The access token has expired")


def expired_token(message: str) -> AuthenticationError:
    return AuthenticationError(message, code=ErrorCode.AUTH_EXPIRED_TOKEN, headers=BEARER_CHALLENGE)


def new_refresh_token() -> str:
    return secrets.token_urlsafe(REFRESH_TOKEN_BYTES)


def keyed_hash(settings: Settings, purpose: bytes, value: str) -> str:
    """HMAC-SHA256 hex of a high-entropy secret: what the database stores instead of it."""
    return hmac.new(derived_key(settings, purpose), value.encode(), hashlib.sha256).hexdigest()


def refresh_token_hash(settings: Settings, token: str) -> str:
    return keyed_hash(settings, REFRESH_KEY_PURPOSE, token)


def recovery_code_hash(settings: Settings, code: str) -> str:
    return keyed_hash(settings, RECOVERY_KEY_PURPOSE, normalise_recovery_code(code))


def normalise_recovery_code(code: str) -> str:
    return code.strip().replace("-", "").replace(" ", "").lower()
