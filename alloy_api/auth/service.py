"""Accounts and sessions: register, login, refresh rotation, logout, the caller's own profile."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from alloy_api.audit.service import (
    ANONYMOUS_ACTOR,
    USER_TARGET,
    AuditAction,
    Outcome,
    record,
    record_own_account_event,
    user_actor,
)
from alloy_api.auth import repository
from alloy_api.auth.auth_state import AuthState, auth_state
from alloy_api.auth.models import RefreshToken, User
from alloy_api.auth.passwords import (
    PasswordMatch,
    ensure_acceptable_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from alloy_api.auth.roles import Role
from alloy_api.auth.schemas import (
    LoginRequest,
    RegisterRequest,
    TokenResponse,
    UpdateMeRequest,
)
from alloy_api.auth.sessions import end_session, end_sessions
from alloy_api.auth.throttle import Attempt, LoginThrottle, login_throttle
from alloy_api.auth.tokens import (
    AccessClaims,
    expired_token,
    invalid_token,
    issue_access_token,
    keyed_hash,
    new_refresh_token,
    refresh_token_hash,
)
from alloy_api.auth.two_factor import verify_second_factor
from alloy_api.kit.client import client_ip
from alloy_api.kit.errors import (
    AuthenticationError,
    ConflictError,
    ErrorCode,
    FieldValidationError,
    RateLimitedError,
)
from alloy_api.kit.ids import new_id
from alloy_api.kit.time import format_utc, utc_now
from alloy_api.settings import Settings

REFRESH_FAMILY_TARGET = "refresh_token_family"
ATTEMPTED_EMAIL_KEY_PURPOSE = b"alloy attempted emails v1"
PRUNE_BATCH_SIZE = 5000


@dataclass(frozen=True, slots=True)
class ClientInfo:
    ip: str
    user_agent: str | None


@dataclass(frozen=True, slots=True)
class Reauthentication:
    current_password: str
    otp_code: str | None = None
    recovery_code: str | None = None
    needs_second_factor: bool = False


@dataclass(frozen=True, slots=True)
class PruneReport:
    deleted: int
    expired_before: datetime


def invalid_credentials() -> AuthenticationError:
    return AuthenticationError(
        "The email or password is wrong", code=ErrorCode.AUTH_INVALID_CREDENTIALS
    )


async def create_account(
    settings: Settings, *, email: str, name: str, password: str, role: Role = Role.USER
) -> User:
    """A new account after the password policy; 409 CF_DUPLICATE_EMAIL when the email is taken."""
    ensure_acceptable_password(password, email=email, name=name)
    password_hash = await hash_password(settings, password)
    try:
        return await repository.create_user(
            email=email, name=name, password_hash=password_hash, role=role
        )
    except repository.DuplicateEmailError as error:
        raise ConflictError(
            "An account with this email already exists", code=ErrorCode.CF_DUPLICATE_EMAIL
        ) from error


async def register(settings: Settings, request: RegisterRequest) -> User:
    user = await create_account(
        settings, email=request.email, name=request.name, password=request.password
    )
    await record_own_account_event(
        AuditAction.USER_REGISTERED,
        user.id,
    )
    return user


def _family_ends_at(settings: Settings, family_started_at: datetime) -> datetime:
    return family_started_at + timedelta(seconds=settings.refresh_family_max_age_seconds)


async def _issue_tokens(
    settings: Settings, user: User, client: ClientInfo, *, parent: RefreshToken | None = None
) -> TokenResponse:
    """A new pair: a new refresh family at login, or the next token of `parent`'s family, which
    never outlives the family's maximum age."""
    now = utc_now()
    family_started_at = parent.family_started_at if parent else now
    expires_at = min(
        now + timedelta(seconds=settings.refresh_token_ttl_seconds),
        _family_ends_at(settings, family_started_at),
    )
    refresh_token = new_refresh_token()
    session_id = parent.family_id if parent else new_id()
    await repository.create_refresh_token(
        user=user,
        token_hash=refresh_token_hash(settings, refresh_token),
        family_id=session_id,
        family_started_at=family_started_at,
        parent_id=parent.id if parent else None,
        expires_at=expires_at,
        user_agent=client.user_agent,
        ip=client.ip,
    )
    access_token = issue_access_token(
        settings,
        user_id=str(user.id),
        role=user.role,
        token_version=user.token_version,
        session_id=str(session_id),
    )
    return TokenResponse(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_in=settings.access_token_ttl_seconds,
        refresh_expires_in=int((expires_at - now).total_seconds()),
    )


async def start_session(settings: Settings, user: User, client: ClientInfo) -> TokenResponse:
    """A new session (refresh family) of `user` and its first pair of tokens."""
    return await _issue_tokens(settings, user, client)


def _attempted_account(settings: Settings, user: User | None, email: str) -> dict[str, Any]:
    """Which account a refused login tried: its id, or for an email no account has, a keyed
    hash of the normalised email (repeats of one email are linked, the email is not kept)."""
    if user is not None:
        return {"target_type": USER_TARGET, "target_id": user.id, "details": {}}
    attempted = keyed_hash(settings, ATTEMPTED_EMAIL_KEY_PURPOSE, email)
    return {"target_type": None, "target_id": None, "details": {"attempted_email_hash": attempted}}


async def _audit_refused_login(
    settings: Settings, action: AuditAction, user: User | None, email: str, reason: str
) -> None:
    attempted = _attempted_account(settings, user, email)
    await record(
        action,
        actor=ANONYMOUS_ACTOR,
        outcome=Outcome.FAILURE,
        target_type=attempted["target_type"],
        target_id=attempted["target_id"],
        details={**attempted["details"], "reason": reason},
    )


async def _reserve_login(
    settings: Settings, throttle: LoginThrottle, email: str, client: ClientInfo
) -> Attempt:
    try:
        return await throttle.reserve(email, client.ip, login=True)
    except RateLimitedError:
        user = await repository.user_by_email(email)
        await _audit_refused_login(settings, AuditAction.LOGIN_THROTTLED, user, email, "throttled")
        raise


async def _authenticated_user(
    settings: Settings, email: str, request: LoginRequest
) -> tuple[User, PasswordMatch]:
    user = await repository.user_by_email(email)
    password_matches = await verify_password(
        settings, user.password_hash if user else None, request.password
    )
    if user is None or not password_matches or not user.is_active:
        reason = "inactive" if user is not None and password_matches else "bad_credentials"
        await _audit_refused_login(settings, AuditAction.LOGIN_FAILED, user, email, reason)
        raise invalid_credentials()
    try:
        await verify_second_factor(settings, user, request.otp_code, request.recovery_code)
    except AuthenticationError as error:
        if error.error_code is ErrorCode.AUTH_2FA_INVALID:
            await _audit_refused_login(
                settings, AuditAction.LOGIN_FAILED, user, email, "second_factor_invalid"
            )
        raise
    return user, password_matches


async def login(
    settings: Settings, throttle: LoginThrottle, request: LoginRequest, client: ClientInfo
) -> TokenResponse:
    email = repository.normalise_email(request.email)
    attempt = await _reserve_login(settings, throttle, email, client)
    async with attempt:
        user, password_match = await _authenticated_user(settings, email, request)
    if needs_rehash(settings, user.password_hash, password_match):
        new_hash = await hash_password(settings, request.password)
        await repository.update_user(user, password_hash=new_hash)
    tokens = await start_session(settings, user, client)
    await record_own_account_event(
        AuditAction.LOGIN_SUCCEEDED,
        user.id,
    )
    return tokens


async def _refresh_token_reused(token: RefreshToken) -> AuthenticationError:
    revoked = await end_session(token.user_id, token.family_id)
    await record(
        AuditAction.REFRESH_TOKEN_REUSED,
        actor=user_actor(token.user_id),
        actor_id=token.user_id,
        outcome=Outcome.FAILURE,
        target_type=REFRESH_FAMILY_TARGET,
        target_id=token.family_id,
        details={"revoked_tokens": revoked},
    )
    return AuthenticationError(
        "This refresh token was already used; every token of its family is now revoked",
        code=ErrorCode.AUTH_REFRESH_TOKEN_REUSED,
    )


async def _known_refresh_token(settings: Settings, raw_token: str) -> RefreshToken:
    token = await repository.refresh_token_by_hash(refresh_token_hash(settings, raw_token))
    if token is None:
        raise invalid_token("The refresh token is not valid")
    return token


async def refresh(settings: Settings, raw_token: str, client: ClientInfo) -> TokenResponse:
    token = await _known_refresh_token(settings, raw_token)
    if token.used_at is not None:
        raise await _refresh_token_reused(token)
    if token.revoked_at is not None:
        raise invalid_token("The refresh token has been revoked")
    if token.expires_at <= utc_now():
        raise expired_token("The refresh token has expired")
    if _family_ends_at(settings, token.family_started_at) <= utc_now():
        raise expired_token("This session has reached its maximum age; log in again")
    if not await repository.mark_refresh_token_used(token):
        await token.refresh_from_db(fields=["used_at", "revoked_at"])
        if token.used_at is not None:
            raise await _refresh_token_reused(token)
        raise invalid_token("The refresh token has been revoked")
    user = await repository.user_by_id(token.user_id)
    if user is None or not user.is_active:
        await end_session(token.user_id, token.family_id)
        raise invalid_token("The account is not active")
    tokens = await _issue_tokens(settings, user, client, parent=token)
    if await repository.family_has_revoked_tokens(token.family_id):
        await end_session(token.user_id, token.family_id)
        raise invalid_token("The refresh token family was revoked while rotating")
    return tokens


async def logout(settings: Settings, raw_token: str) -> None:
    """End the refresh token's session: its access tokens are refused from the next request."""
    token = await _known_refresh_token(settings, raw_token)
    revoked = await end_session(token.user_id, token.family_id)
    await record(
        AuditAction.LOGOUT,
        actor=user_actor(token.user_id),
        actor_id=token.user_id,
        target_type=REFRESH_FAMILY_TARGET,
        target_id=token.family_id,
        details={"revoked_tokens": revoked},
    )


async def auth_state_for_claims(claims: AccessClaims) -> AuthState:
    """The auth state of the token's user, if the token is still current for it (active, same
    token version and role); 401 otherwise. Read from the cache, not the database."""
    try:
        user_id = UUID(claims.user_id)
    except ValueError as error:
        raise invalid_token("The access token is not valid") from error
    state = await auth_state(user_id)
    if state is None or not state.is_active:
        raise invalid_token("The account of this token is not active")
    if state.token_version != claims.token_version or state.role != claims.role:
        raise invalid_token("The access token was issued before a role or password change")
    if claims.session_id in state.ended_sessions:
        raise invalid_token("The session of this access token has ended")
    return state


@asynccontextmanager
async def reauthentication(
    user: User, refusal: AuditAction, details: dict[str, Any]
) -> AsyncIterator[None]:
    """Count a check of the caller's own password or code inside the block against the login
    throttle of their account (and address), as a login guess would be; a refusal is audited as
    `refusal` with `details` and the reason `throttled`."""
    try:
        attempt = await login_throttle().reserve(user.email, client_ip())
    except RateLimitedError:
        await record_own_account_event(
            refusal, user.id, outcome=Outcome.FAILURE, details={**details, "reason": "throttled"}
        )
        raise
    async with attempt:
        yield


async def reauthenticate(
    settings: Settings,
    user: User,
    credentials: Reauthentication,
    refusal: AuditAction,
    details: dict[str, Any],
) -> None:
    """The caller proves again who they are: their password, and a code when the account has 2FA
    and the change needs one; each check counts against the login throttle (`reauthentication`).
    A refusal is audited as `refusal` with `details` and its reason."""
    async with reauthentication(user, refusal, details):
        if not await verify_password(settings, user.password_hash, credentials.current_password):
            await record_own_account_event(
                refusal,
                user.id,
                outcome=Outcome.FAILURE,
                details={**details, "reason": "wrong_current_password"},
            )
            raise invalid_credentials()
        if not credentials.needs_second_factor:
            return
        try:
            await verify_second_factor(
                settings, user, credentials.otp_code, credentials.recovery_code
            )
        except AuthenticationError as error:
            if error.error_code is ErrorCode.AUTH_2FA_INVALID:
                await record_own_account_event(
                    refusal,
                    user.id,
                    outcome=Outcome.FAILURE,
                    details={**details, "reason": "second_factor_invalid"},
                )
            raise


async def _change_password(
    settings: Settings, user: User, request: UpdateMeRequest, current_session: str | None
) -> None:
    if request.current_password is None:
        raise FieldValidationError.single(
            "current_password",
            "current_password is needed to change the password",
            reason="missing",
        )
    new_password = request.password or ""
    ensure_acceptable_password(new_password, email=user.email, name=user.name)
    credentials = Reauthentication(
        current_password=request.current_password,
        otp_code=request.otp_code,
        recovery_code=request.recovery_code,
        needs_second_factor=user.two_factor_enabled,
    )
    await reauthenticate(settings, user, credentials, AuditAction.PASSWORD_CHANGED, {})
    await repository.update_user(user, password_hash=await hash_password(settings, new_password))
    revoked = await end_sessions(user.id, keep=current_session)
    await record_own_account_event(
        AuditAction.PASSWORD_CHANGED,
        user.id,
        details={"revoked_tokens": revoked},
    )


async def update_me(
    settings: Settings, user: User, request: UpdateMeRequest, *, current_session: str | None
) -> User:
    """Rename, or change the password: that ends every session but `current_session`."""
    if request.password is not None:
        await _change_password(settings, user, request, current_session)
    if request.name is not None and request.name != user.name:
        await repository.update_user(user, name=request.name)
        await record_own_account_event(
            AuditAction.PROFILE_UPDATED,
            user.id,
            details={"fields": ["name"]},
        )
    return user


async def prune_expired_refresh_tokens(settings: Settings, *, actor: str) -> PruneReport:
    """Delete refresh tokens that expired more than the grace period ago; audited.

    Until then a used, expired token presented again still revokes its family as a reuse.
    """
    cutoff = utc_now() - timedelta(seconds=settings.refresh_token_prune_grace_seconds)
    deleted = await repository.delete_refresh_tokens_expired_before(cutoff, PRUNE_BATCH_SIZE)
    await record(
        AuditAction.REFRESH_TOKENS_PRUNED,
        actor=actor,
        details={"deleted": deleted, "expired_before": format_utc(cutoff)},
    )
    return PruneReport(deleted=deleted, expired_before=cutoff)
