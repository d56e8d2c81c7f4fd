"""What other domains use to authenticate and authorise a request.

- `await current_user()`: the authenticated `User`, or 401 `AUTH_*`.
- `@authenticated`: the route needs any signed-in user.
- `@require_role(Role.ADMIN, Role.SUPER_ADMIN)`: the route needs one of these roles (401 anonymous,
  403 `AUTH_FORBIDDEN` otherwise, 403 `AUTH_2FA_ENROLLMENT_REQUIRED` for admin routes when the
  admin has no 2FA and ALLOY_ADMIN_REQUIRE_2FA is on). Admin routes also accept the deprecated
  `X-Admin-Token` when it is configured.
- `current_principal()`: who is acting on a decorated route (a user, or the legacy token).
Each sets `g.user_id` for the access log and the rate limiter.
"""

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from quart import g, request

from alloy_api.audit.service import LEGACY_TOKEN_ACTOR
from alloy_api.auth.legacy import (
    LEGACY_ADMIN_TOKEN_HEADER,
    announce_deprecation,
    legacy_token_enabled,
    matches_legacy_token,
    record_legacy_use,
)
from alloy_api.auth.models import User
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import ADMIN_ROLES, Role
from alloy_api.auth.service import auth_state_for_claims, user_for_access_token
from alloy_api.auth.tokens import (
    BEARER_CHALLENGE,
    invalid_token,
    verify_access_token,
)
from alloy_api.kit.errors import AuthenticationError, AuthorizationError, ErrorCode
from alloy_api.settings import Settings
from alloy_api.state import app_state

__all__ = [
    "ADMIN_ROLES",
    "Principal",
    "Role",
    "authenticated",
    "authorise_admin_work",
    "current_principal",
    "current_user",
    "require_role",
]

BEARER_SCHEME = "bearer"
ParamsT = ParamSpec("ParamsT")
ResultT = TypeVar("ResultT")
RouteFunction = Callable[ParamsT, Awaitable[ResultT]]
REQUIRED_ROLES_ATTRIBUTE = "alloy_required_roles"


def _bearer_token() -> str:
    header = request.headers.get("Authorization")
    if not header:
        raise AuthenticationError(
            "Send Authorization: Bearer <access token>", code=ErrorCode.AUTH_MISSING_TOKEN
        )
    scheme, _, token = header.partition(" ")
    if scheme.lower() != BEARER_SCHEME or not token.strip():
        raise invalid_token("The Authorization header is not a bearer token")
    return token.strip()


async def current_user() -> User:
    """The authenticated user of this request (cached on `g`), or 401."""
    cached = g.get("current_user")
    if cached is not None:
        return cached
    user = await user_for_access_token(app_state().settings, _bearer_token())
    g.current_user = user
    g.user_id = str(user.id)
    return user


async def _user_principal(settings: Settings) -> Principal:
    """The bearer token's user, checked against the cached auth state (no database read)."""
    state = await auth_state_for_claims(verify_access_token(settings, _bearer_token()))
    g.user_id = str(state.id)
    return Principal.for_user(state)


def current_principal() -> Principal:
    """Who is acting; only on routes behind `require_role` or `authenticated`."""
    return g.principal


async def _legacy_principal(settings: Settings, presented: str) -> Principal:
    accepted = matches_legacy_token(settings, presented)
    await record_legacy_use(accepted)
    if not accepted:
        raise AuthenticationError(
            "The X-Admin-Token is not valid",
            code=ErrorCode.AUTH_INVALID_TOKEN,
            headers=BEARER_CHALLENGE,
        )
    announce_deprecation(settings)
    g.user_id = LEGACY_TOKEN_ACTOR
    return Principal(role=Role.ADMIN, actor=LEGACY_TOKEN_ACTOR, user=None)


async def _authenticate(settings: Settings, admin_route: bool) -> Principal:
    legacy_token = request.headers.get(LEGACY_ADMIN_TOKEN_HEADER)
    uses_legacy = (
        admin_route
        and legacy_token is not None
        and "Authorization" not in request.headers
        and legacy_token_enabled(settings)
    )
    if uses_legacy:
        return await _legacy_principal(settings, legacy_token or "")
    return await _user_principal(settings)


def _forbidden() -> AuthorizationError:
    return AuthorizationError("Your role does not allow this", code=ErrorCode.AUTH_FORBIDDEN)


def _authorise(settings: Settings, principal: Principal, allowed: frozenset[Role]) -> None:
    if principal.role not in allowed:
        raise _forbidden()
    needs_2fa = Role.USER not in allowed and settings.admin_require_2fa
    if needs_2fa and principal.user is not None and not principal.user.two_factor_enabled:
        raise AuthorizationError(
            "Enable 2FA on your account to use admin endpoints",
            code=ErrorCode.AUTH_2FA_ENROLLMENT_REQUIRED,
        )


def authorise_admin_work(principal: Principal) -> None:
    """For admin work decided inside a service (a write to a system resource on a route any user
    may call): the same 403s as `require_role(*ADMIN_ROLES)`."""
    if principal.role not in ADMIN_ROLES:
        raise _forbidden()
    if principal.user is not None and not principal.user.two_factor_enabled:
        _authorise(app_state().settings, principal, ADMIN_ROLES)


def require_role(
    *roles: Role,
) -> Callable[[RouteFunction[ParamsT, ResultT]], RouteFunction[ParamsT, ResultT]]:
    """Guard a route: the caller must hold one of `roles` (see the module docstring)."""
    allowed = frozenset(roles)
    if not allowed:
        raise ValueError("require_role needs at least one role")
    admin_route = Role.USER not in allowed

    def decorator(route: RouteFunction[ParamsT, ResultT]) -> RouteFunction[ParamsT, ResultT]:
        @wraps(route)
        async def guarded(*args: ParamsT.args, **kwargs: ParamsT.kwargs) -> ResultT:
            settings = app_state().settings
            principal = await _authenticate(settings, admin_route)
            _authorise(settings, principal, allowed)
            g.principal = principal
            return await route(*args, **kwargs)

        setattr(guarded, REQUIRED_ROLES_ATTRIBUTE, allowed)
        return guarded

    return decorator


def authenticated(route: RouteFunction[ParamsT, Any]) -> RouteFunction[ParamsT, Any]:
    """Guard a route: any signed-in, active user."""
    return require_role(*Role)(route)
