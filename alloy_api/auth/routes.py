from http import HTTPStatus
from uuid import UUID

from quart import Blueprint, Response, request

from alloy_api.audit.service import AuditAction, record_own_account_event, user_actor
from alloy_api.auth import service, sessions, two_factor
from alloy_api.auth.dependencies import authenticated, current_principal, current_user
from alloy_api.auth.principal import Principal
from alloy_api.auth.schemas import (
    EndSessionsQuery,
    LoginRequest,
    LogoutRequest,
    RefreshRequest,
    RegisterRequest,
    SessionResponse,
    TokenResponse,
    TwoFactorCodeRequest,
    TwoFactorDisableRequest,
    TwoFactorEnabledResponse,
    TwoFactorEnrolmentRequest,
    TwoFactorEnrolmentResponse,
    TwoFactorStatusResponse,
    UpdateMeRequest,
    UserResponse,
)
from alloy_api.auth.throttle import login_throttle
from alloy_api.idempotency.stage import never_kept
from alloy_api.kit.client import client_ip
from alloy_api.kit.envelope import created, no_content, respond
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.kit.rate_classes import RateClass, limit_blueprint_class
from alloy_api.kit.validation import validate_body, validate_query
from alloy_api.state import app_state

blueprint = never_kept(
    limit_blueprint_class(Blueprint("auth", __name__, url_prefix="/v1/auth"), RateClass.AUTH)
)
me_blueprint = Blueprint("users_me", __name__, url_prefix="/v1/users")
TWO_FACTOR_PATH = "/v1/auth/2fa"
"""The 2FA state an enrolment or its confirmation creates."""

AUTH_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED)
THROTTLED_AUTH_ERRORS = (*AUTH_ERRORS, HTTPStatus.TOO_MANY_REQUESTS)
TWO_FACTOR_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED, HTTPStatus.CONFLICT)
THROTTLED_TWO_FACTOR_ERRORS = (*TWO_FACTOR_ERRORS, HTTPStatus.TOO_MANY_REQUESTS)


def client_info() -> service.ClientInfo:
    return service.ClientInfo(ip=client_ip(), user_agent=request.headers.get("User-Agent"))


@blueprint.post("/register")
@validate_body(RegisterRequest)
@responds(UserResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.CONFLICT])
async def register(data: RegisterRequest) -> Response:
    """Register

    Creates an account with the user role. The password must not be a common or breached one, nor
    guessable from the email or name. The 201 names `/v1/users/me` in `Location`.
    """
    user = await service.register(app_state().settings, data)
    return created(UserResponse.from_model(user), f"{me_blueprint.url_prefix}/me")


@blueprint.post("/login")
@validate_body(LoginRequest)
@responds(TokenResponse, errors=THROTTLED_AUTH_ERRORS)
async def login(data: LoginRequest) -> Response:
    """Log in

    Exchanges email and password (and `otp_code` or `recovery_code` on a 2FA account) for an
    access token and a refresh token; each login is a session. Failures are throttled per account
    and address.
    """
    tokens = await service.login(app_state().settings, login_throttle(), data, client_info())
    return respond(tokens)


@blueprint.post("/refresh")
@validate_body(RefreshRequest)
@responds(TokenResponse, errors=AUTH_ERRORS)
async def refresh(data: RefreshRequest) -> Response:
    """Refresh the tokens

    Exchanges a refresh token for a new pair; the old one stops working. A refresh token used
    twice ends its session.
    """
    return respond(await service.refresh(app_state().settings, data.refresh_token, client_info()))


@blueprint.post("/logout")
@validate_body(LogoutRequest)
@responds(None, HTTPStatus.NO_CONTENT, errors=AUTH_ERRORS)
async def logout(data: LogoutRequest) -> Response:
    """Log out

    Ends the session of the refresh token: its access tokens are refused from the next request.
    """
    await service.logout(app_state().settings, data.refresh_token)
    return no_content()


@blueprint.get("/2fa")
@authenticated
@responds(TwoFactorStatusResponse, errors=[HTTPStatus.UNAUTHORIZED])
async def get_two_factor() -> Response:
    """Get the 2FA state

    Whether two-factor authentication is enabled or an enrolment is pending, and how many
    recovery codes are left.
    """
    return respond(await two_factor.status(await current_user()))


@blueprint.post("/2fa/enrolment")
@authenticated
@validate_body(TwoFactorEnrolmentRequest)
@responds(TwoFactorEnrolmentResponse, HTTPStatus.CREATED, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def create_two_factor_enrolment(data: TwoFactorEnrolmentRequest) -> Response:
    """Start 2FA enrolment

    Needs the current password. Answers the TOTP secret and its `otpauth` URI; confirm with a
    code at `POST /v1/auth/2fa/verification`.
    """
    user = await current_user()
    await service.reauthenticate(
        app_state().settings,
        user,
        service.Reauthentication(current_password=data.current_password),
        AuditAction.TWO_FACTOR_FAILED,
        {"during": "enrolment"},
    )
    enrolment = await two_factor.start_enrolment(
        app_state().settings, user, actor=user_actor(user.id)
    )
    return created(enrolment, TWO_FACTOR_PATH)


@blueprint.post("/2fa/verification")
@authenticated
@validate_body(TwoFactorCodeRequest)
@responds(TwoFactorEnabledResponse, HTTPStatus.CREATED, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def create_two_factor_verification(data: TwoFactorCodeRequest) -> Response:
    """Confirm 2FA enrolment

    A code from the authenticator turns 2FA on and answers the recovery codes, once. Every other
    session ends.
    """
    user = await current_user()
    async with service.reauthentication(
        user, AuditAction.TWO_FACTOR_FAILED, {"during": "enrolment"}
    ):
        recovery_codes = await two_factor.confirm_enrolment(
            app_state().settings,
            user,
            data.code,
            actor=user_actor(user.id),
            keep_session=current_principal().session_id,
        )
    return created(TwoFactorEnabledResponse(recovery_codes=recovery_codes), TWO_FACTOR_PATH)


@blueprint.delete("/2fa")
@authenticated
@validate_body(TwoFactorDisableRequest)
@responds(None, HTTPStatus.NO_CONTENT, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def delete_two_factor(data: TwoFactorDisableRequest) -> Response:
    """Disable 2FA

    Needs the current password and a code. Every other session ends.
    """
    user = await current_user()
    settings = app_state().settings
    two_factor.ensure_enabled(user)
    credentials = service.Reauthentication(
        current_password=data.current_password, otp_code=data.code, needs_second_factor=True
    )
    await service.reauthenticate(
        settings, user, credentials, AuditAction.TWO_FACTOR_FAILED, {"during": "disable"}
    )
    await two_factor.disable(user, keep_session=current_principal().session_id)
    return no_content()


@me_blueprint.get("/me")
@authenticated
@responds(UserResponse, errors=[HTTPStatus.UNAUTHORIZED])
async def get_me() -> Response:
    """Get my account

    The caller's account. Never stored by caches (`Cache-Control: no-store`).
    """
    return respond(UserResponse.from_model(await current_user()), etag=True)


@me_blueprint.patch("/me")
@authenticated
@validate_body(UpdateMeRequest)
@responds(UserResponse, errors=THROTTLED_AUTH_ERRORS)
async def update_me(data: UpdateMeRequest) -> Response:
    """Update my account

    Changes the name or the password (a password change needs `current_password`, and a code on a
    2FA account); a password change ends every other session.
    """
    user = await service.update_me(
        app_state().settings,
        await current_user(),
        data,
        current_session=current_principal().session_id,
    )
    return respond(UserResponse.from_model(user))


@me_blueprint.get("/me/sessions")
@authenticated
@validate_query(PageQuery)
@responds(Page[SessionResponse], errors=AUTH_ERRORS)
async def list_my_sessions(query_args: PageQuery) -> Response:
    """List my sessions

    The caller's live sessions (one per login) with when and from where they were used, the
    current one marked; cursor-paginated.
    """
    principal = current_principal()
    page = await sessions.list_sessions(app_state().settings, _own_id(principal), query_args)
    return respond(page.map(lambda token: SessionResponse.of(token, principal.session_id)))


@me_blueprint.delete("/me/sessions/<id:session_id>")
@authenticated
@responds(None, HTTPStatus.NO_CONTENT, errors=[*AUTH_ERRORS, HTTPStatus.NOT_FOUND])
async def end_my_session(session_id: str) -> Response:
    """End one of my sessions

    Its access and refresh tokens are refused from the next request.
    """
    principal = current_principal()
    user_id = _own_id(principal)
    revoked = await sessions.end_session(user_id, parse_path_id(session_id, "session_id"))
    await record_own_account_event(
        AuditAction.SESSIONS_ENDED,
        user_id,
        details={"sessions": "one", "session_id": session_id, "revoked_tokens": revoked},
    )
    return no_content()


@me_blueprint.delete("/me/sessions")
@authenticated
@validate_query(EndSessionsQuery)
@responds(None, HTTPStatus.NO_CONTENT, errors=AUTH_ERRORS)
async def end_my_sessions(query_args: EndSessionsQuery) -> Response:
    """End my other sessions

    Every session but the current one; with `include_current=true` the current one too.
    """
    principal = current_principal()
    user_id = _own_id(principal)
    keep = None if query_args.include_current else principal.session_id
    revoked = await sessions.end_sessions(user_id, keep=keep)
    scope = "all" if query_args.include_current else "others"
    await record_own_account_event(
        AuditAction.SESSIONS_ENDED,
        user_id,
        details={"sessions": scope, "revoked_tokens": revoked},
    )
    return no_content()


def _own_id(principal: Principal) -> UUID:
    if principal.user is None:
        raise AssertionError("an authenticated route always has a user")
    return principal.user.id
