from http import HTTPStatus

from quart import Blueprint, Response, request
from quart_schema import validate_request

from alloy_api.audit.service import AuditAction, user_actor
from alloy_api.auth import service, two_factor
from alloy_api.auth.dependencies import authenticated, current_user
from alloy_api.auth.schemas import (
    LoginRequest,
    LogoutRequest,
    RefreshRequest,
    RegisterRequest,
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
from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.rate_classes import RateClass, limit_blueprint_class
from alloy_api.state import app_state

blueprint = never_kept(
    limit_blueprint_class(Blueprint("auth", __name__, url_prefix="/v1/auth"), RateClass.AUTH)
)
me_blueprint = Blueprint("users_me", __name__, url_prefix="/v1/users")

AUTH_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED)
THROTTLED_AUTH_ERRORS = (*AUTH_ERRORS, HTTPStatus.TOO_MANY_REQUESTS)
TWO_FACTOR_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED, HTTPStatus.CONFLICT)
THROTTLED_TWO_FACTOR_ERRORS = (*TWO_FACTOR_ERRORS, HTTPStatus.TOO_MANY_REQUESTS)


def client_info() -> service.ClientInfo:
    return service.ClientInfo(ip=client_ip(), user_agent=request.headers.get("User-Agent"))


@blueprint.post("/register")
@validate_request(RegisterRequest)
@responds(UserResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.CONFLICT])
async def register(data: RegisterRequest) -> Response:
    user = await service.register(app_state().settings, data)
    return respond(UserResponse.from_model(user), HTTPStatus.CREATED)


@blueprint.post("/login")
@validate_request(LoginRequest)
@responds(TokenResponse, errors=THROTTLED_AUTH_ERRORS)
async def login(data: LoginRequest) -> Response:
    tokens = await service.login(app_state().settings, login_throttle(), data, client_info())
    return respond(tokens)


@blueprint.post("/refresh")
@validate_request(RefreshRequest)
@responds(TokenResponse, errors=AUTH_ERRORS)
async def refresh(data: RefreshRequest) -> Response:
    return respond(await service.refresh(app_state().settings, data.refresh_token, client_info()))


@blueprint.post("/logout")
@validate_request(LogoutRequest)
@responds(None, HTTPStatus.NO_CONTENT, errors=AUTH_ERRORS)
async def logout(data: LogoutRequest) -> Response:
    await service.logout(app_state().settings, data.refresh_token)
    return no_content()


@blueprint.get("/2fa")
@authenticated
@responds(TwoFactorStatusResponse, errors=[HTTPStatus.UNAUTHORIZED])
async def get_two_factor() -> Response:
    return respond(await two_factor.status(await current_user()))


@blueprint.post("/2fa/enrolment")
@authenticated
@validate_request(TwoFactorEnrolmentRequest)
@responds(TwoFactorEnrolmentResponse, HTTPStatus.CREATED, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def create_two_factor_enrolment(data: TwoFactorEnrolmentRequest) -> Response:
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
    return respond(enrolment, HTTPStatus.CREATED)


@blueprint.post("/2fa/verification")
@authenticated
@validate_request(TwoFactorCodeRequest)
@responds(TwoFactorEnabledResponse, HTTPStatus.CREATED, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def create_two_factor_verification(data: TwoFactorCodeRequest) -> Response:
    user = await current_user()
    async with service.reauthentication(
        user, AuditAction.TWO_FACTOR_FAILED, {"during": "enrolment"}
    ):
        recovery_codes = await two_factor.confirm_enrolment(
            app_state().settings, user, data.code, actor=user_actor(user.id)
        )
    return respond(TwoFactorEnabledResponse(recovery_codes=recovery_codes), HTTPStatus.CREATED)


@blueprint.delete("/2fa")
@authenticated
@validate_request(TwoFactorDisableRequest)
@responds(None, HTTPStatus.NO_CONTENT, errors=THROTTLED_TWO_FACTOR_ERRORS)
async def delete_two_factor(data: TwoFactorDisableRequest) -> Response:
    user = await current_user()
    settings = app_state().settings
    two_factor.ensure_enabled(user)
    credentials = service.Reauthentication(
        current_password=data.current_password, otp_code=data.code, needs_second_factor=True
    )
    await service.reauthenticate(
        settings, user, credentials, AuditAction.TWO_FACTOR_FAILED, {"during": "disable"}
    )
    await two_factor.disable(user)
    return no_content()


@me_blueprint.get("/me")
@authenticated
@responds(UserResponse, errors=[HTTPStatus.UNAUTHORIZED])
async def get_me() -> Response:
    return respond(UserResponse.from_model(await current_user()), etag=True)


@me_blueprint.patch("/me")
@authenticated
@validate_request(UpdateMeRequest)
@responds(UserResponse, errors=THROTTLED_AUTH_ERRORS)
async def update_me(data: UpdateMeRequest) -> Response:
    user = await service.update_me(app_state().settings, await current_user(), data)
    return respond(UserResponse.from_model(user))
