"""The identity stage: on a guarded route, who is asking and whether they may.

A bearer token is verified (signature, claims, expiry), then checked against its user's auth
state (token version, role, activity; `auth_state`) before anything else may act for it: the
rate limiter budgets per user only for a token that passed, and an idempotency key is honoured
only for one. The auth state comes with the rate limiter's Redis round trip (`RateLimiter.take`),
so an authenticated request makes one trip to Redis before its route. The role guard's 403s are
answered here too. Public routes (no guard) ignore any token: the caller is anonymous there.

A rejected token costs the client address a request of the route's class, so a flood of bad
tokens meets the rate limit (429) instead of unbounded 401s.
"""

from dataclasses import dataclass
from http import HTTPStatus

from quart import Quart, Response, current_app, request

from alloy_api.audit.service import (
    ANONYMOUS_ACTOR,
    LEGACY_TOKEN_ACTOR,
    AuditAction,
    record_folded,
    user_actor,
)
from alloy_api.auth.auth_state import prefetch_auth_state
from alloy_api.auth.dependencies import authorise, required_roles
from alloy_api.auth.legacy import (
    LEGACY_ADMIN_TOKEN_HEADER,
    announce_deprecation,
    legacy_token_enabled,
    matches_legacy_token,
    record_legacy_use,
)
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import Role
from alloy_api.auth.service import auth_state_for_claims
from alloy_api.auth.tokens import BEARER_CHALLENGE, invalid_token, verify_access_token
from alloy_api.kit.errors import AuthenticationError, AuthorizationError, ErrorCode
from alloy_api.kit.pipeline import CallNext, RequestState
from alloy_api.kit.ratelimit import RateLimiter
from alloy_api.observability.metrics import current_route
from alloy_api.settings import Settings

BEARER_SCHEME = "bearer"


@dataclass(frozen=True, slots=True)
class Guard:
    allowed: frozenset[Role]

    @property
    def admin_route(self) -> bool:
        return Role.USER not in self.allowed


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


async def _audit_rejected_token(rejection: AuthenticationError, claimed_user: str | None) -> None:
    """A refused token, folded per minute; the user it names, when its signature held."""
    await record_folded(
        AuditAction.TOKEN_REJECTED,
        actor=ANONYMOUS_ACTOR if claimed_user is None else user_actor(claimed_user),
        actor_id=claimed_user,
        route=current_route(),
        details={"code": rejection.error_code.name, "method": request.method},
    )


async def _audit_denied(principal: Principal, code: str | None) -> None:
    """A 403, folded per minute per (user, route)."""
    await record_folded(
        AuditAction.ACCESS_DENIED,
        actor=principal.actor,
        actor_id=principal.user_id,
        route=current_route(),
        details={"method": request.method, **({"code": code} if code else {})},
    )


class IdentityStage:
    name = "identity"

    def __init__(self, settings: Settings, limiter: RateLimiter) -> None:
        self._settings = settings
        self._limiter = limiter
        self._guards: dict[str, Guard | None] = {}

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        guard = self._guard(current_app, request.endpoint)
        if guard is None:
            return await call_next()
        try:
            principal = await self._authenticate(state, guard)
        except AuthenticationError as rejection:
            claimed_user = state.user_id
            rejection.headers.update(await self._count_rejection(state))
            if rejection.error_code is not ErrorCode.AUTH_MISSING_TOKEN:
                await _audit_rejected_token(rejection, claimed_user)
            raise
        try:
            authorise(principal, guard.allowed, admin_require_2fa=self._settings.admin_require_2fa)
        except AuthorizationError as denial:
            await _audit_denied(principal, denial.error_code.name)
            raise
        state.principal = principal
        response = await call_next()
        if response.status_code == HTTPStatus.FORBIDDEN:
            await _audit_denied(principal, None)
        return response

    def _guard(self, app: Quart, endpoint: str | None) -> Guard | None:
        if endpoint is None:
            return None
        if endpoint not in self._guards:
            roles = required_roles(app.view_functions.get(endpoint))
            self._guards[endpoint] = None if roles is None else Guard(roles)
        return self._guards[endpoint]

    async def _authenticate(self, state: RequestState, guard: Guard) -> Principal:
        legacy_token = request.headers.get(LEGACY_ADMIN_TOKEN_HEADER)
        uses_legacy = (
            guard.admin_route
            and legacy_token is not None
            and "Authorization" not in request.headers
            and legacy_token_enabled(self._settings)
        )
        if uses_legacy:
            return await self._legacy_principal(legacy_token or "")
        claims = verify_access_token(self._settings, _bearer_token())
        state.user_id = claims.user_id
        prefetch_auth_state(claims.user_id)
        await self._limiter.take(state)
        return Principal.for_user(await auth_state_for_claims(claims), claims.session_id)

    async def _legacy_principal(self, presented: str) -> Principal:
        accepted = matches_legacy_token(self._settings, presented)
        await record_legacy_use(accepted)
        if not accepted:
            raise AuthenticationError(
                "The X-Admin-Token is not valid",
                code=ErrorCode.AUTH_INVALID_TOKEN,
                headers=BEARER_CHALLENGE,
            )
        announce_deprecation(self._settings)
        return Principal(role=Role.ADMIN, actor=LEGACY_TOKEN_ACTOR, user=None)

    async def _count_rejection(self, state: RequestState) -> dict[str, str]:
        """Charge a rejected token to the client address (the 401 carries that budget's
        headers); 429 once it is spent."""
        if state.rate_limit is None:
            state.user_id = None
            state.prefetch.clear()
        applied = await self._limiter.take(state)
        refusal = self._limiter.refusal(applied)
        if refusal is not None:
            raise refusal
        return {} if applied is None else self._limiter.headers(applied)
