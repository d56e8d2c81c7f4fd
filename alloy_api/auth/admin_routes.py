from http import HTTPStatus

from quart import Blueprint, Response
from quart_schema import validate_querystring, validate_request

from alloy_api.auth import admin_service
from alloy_api.auth.dependencies import current_principal, require_role
from alloy_api.auth.roles import ADMIN_ROLES
from alloy_api.auth.schemas import AdminUserResponse, AdminUserUpdateRequest, UserListQuery
from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page

blueprint = Blueprint("admin_users", __name__, url_prefix="/v1/admin/users")

GUARD_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN)


@blueprint.get("")
@require_role(*ADMIN_ROLES)
@validate_querystring(UserListQuery)
@responds(Page[AdminUserResponse], errors=GUARD_ERRORS)
async def list_users(query_args: UserListQuery) -> Response:
    page = await admin_service.list_users(query_args)
    return respond(page.map(AdminUserResponse.from_model))


@blueprint.patch("/<user_id>")
@require_role(*ADMIN_ROLES)
@validate_request(AdminUserUpdateRequest)
@responds(AdminUserResponse, errors=[*GUARD_ERRORS, HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT])
async def update_user(user_id: str, data: AdminUserUpdateRequest) -> Response:
    user = await admin_service.update_user(
        current_principal(), parse_path_id(user_id, "user_id"), data
    )
    return respond(AdminUserResponse.from_model(user))


@blueprint.delete("/<user_id>/sessions")
@require_role(*ADMIN_ROLES)
@responds(None, HTTPStatus.NO_CONTENT, errors=[*GUARD_ERRORS, HTTPStatus.NOT_FOUND])
async def end_user_sessions(user_id: str) -> Response:
    await admin_service.end_user_sessions(current_principal(), parse_path_id(user_id, "user_id"))
    return no_content()
