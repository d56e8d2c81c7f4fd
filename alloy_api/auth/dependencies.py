"""What other domains use to authenticate and authorise a request.

- `@authenticated`: the route needs any signed-in user.
- `@require_role(Role.ADMIN, Role.SUPER_ADMIN)`: the route needs one of these roles (401 anonymous,
  403 `AUTH_FORBIDDEN` otherwise, 403 `AUTH_2FA_ENROLLMENT_REQUIRED` for admin routes when the
  admin has no 2FA and ALLOY_ADMIN_REQUIRE_2FA is on). Admin routes also accept the deprecated
  `X-Admin-Token` when it is configured.
- `current_principal()`: who is acting on a guarded route (a user, or the legacy token).
- `await current_user()`: the acting user's account row.

The guards only mark the route; the identity stage of the request pipeline (`auth.identity`)
checks the token and the role before the rate limiter and the idempotency key see the request.
"""

from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from quart import g

from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import ADMIN_ROLES, Role
from alloy_api.auth.tokens import invalid_token
from alloy_api.kit.errors import AuthorizationError, ErrorCode
from alloy_api.kit.pipeline import current_state
from alloy_api.state import app_state

__all__ = [
    "ADMIN_ROLES",
    "REQUIRED_ROLES_ATTRIBUTE",
    "Principal",
    "Role",
    "authenticated",
    "authorise",
    "authorise_admin_work",
    "current_principal",
    "current_user",
    "require_role",
]

ParamsT = ParamSpec("ParamsT")
ResultT = TypeVar("ResultT")
RouteFunction = Callable[ParamsT, Awaitable[ResultT]]
REQUIRED_ROLES_ATTRIBUTE = "alloy_required_roles"


def current_principal() -> Principal:
    """Who is acting; only on routes behind `require_role` or `authenticated`."""
    state = current_state()
    if state is None or state.principal is None:
        raise AssertionError("current_principal() is for routes behind a role guard")
    principal: Principal = state.principal
    return principal


async def current_user() -> User:
    """The acting user's account (read once per request); 401 if it is gone or inactive."""
    cached = g.get("current_user")
    if cached is not None:
        return cached
    principal = current_principal()
    if principal.user is None:
        raise invalid_token("This route needs a user's access token")
    user = await repository.user_by_id(principal.user.id)
    if user is None or not user.is_active or user.token_version != principal.user.token_version:
        raise invalid_token("The account of this token is not active")
    g.current_user = user
    return user


def _forbidden() -> AuthorizationError:
    return AuthorizationError("Your role does not allow this", code=ErrorCode.AUTH_FORBIDDEN)


def authorise(principal: Principal, allowed: frozenset[Role], *, admin_require_2fa: bool) -> None:
    """403 unless `principal` holds one of `allowed` (and 2FA, for admin-only routes)."""
    if principal.role not in allowed:
        raise _forbidden()
    needs_2fa = Role.USER not in allowed and admin_require_2fa
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
        authorise(principal, ADMIN_ROLES, admin_require_2fa=app_state().settings.admin_require_2fa)


def require_role(
    *roles: Role,
) -> Callable[[RouteFunction[ParamsT, ResultT]], RouteFunction[ParamsT, ResultT]]:
    """Guard a route: the caller must hold one of `roles` (see the module docstring)."""
    allowed = frozenset(roles)
    if not allowed:
        raise ValueError("require_role needs at least one role")

    def decorator(route: RouteFunction[ParamsT, ResultT]) -> RouteFunction[ParamsT, ResultT]:
        setattr(route, REQUIRED_ROLES_ATTRIBUTE, allowed)
        return route

    return decorator


def authenticated(route: RouteFunction[ParamsT, Any]) -> RouteFunction[ParamsT, Any]:
    """Guard a route: any signed-in, active user."""
    return require_role(*Role)(route)


def required_roles(view: Callable[..., Any] | None) -> frozenset[Role] | None:
    """The roles a view needs, or None for a public route."""
    return getattr(view, REQUIRED_ROLES_ATTRIBUTE, None)
