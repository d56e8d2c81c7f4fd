from http import HTTPStatus

from quart import Blueprint, Response

from alloy_api.auth import admin_service
from alloy_api.auth.dependencies import current_principal, require_role
from alloy_api.auth.roles import ADMIN_ROLES
from alloy_api.auth.schemas import AdminUserResponse, AdminUserUpdateRequest, UserListQuery
from alloy_api.kit.envelope import no_content, respond
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.kit.validation import validate_body, validate_query

blueprint = Blueprint("admin_users", __name__, url_prefix="/v1/admin/users")

GUARD_ERRORS = (HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN)


@blueprint.get("")
@require_role(*ADMIN_ROLES)
@validate_query(UserListQuery)
@responds(Page[AdminUserResponse], errors=GUARD_ERRORS)
async def list_users(query_args: UserListQuery) -> Response:
    """List users

    Every account, filtered by role and activity; cursor-paginated (admins with 2FA).
    """
    page = await admin_service.list_users(query_args)
    return respond(page.map(AdminUserResponse.from_model))


@blueprint.patch("/<id:user_id>")
@require_role(*ADMIN_ROLES)
@validate_body(AdminUserUpdateRequest)
@responds(AdminUserResponse, errors=[*GUARD_ERRORS, HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT])
async def update_user(user_id: str, data: AdminUserUpdateRequest) -> Response:
    """Update a user

    Changes an account's role or activity (admins with 2FA); a role change or deactivation ends
    the account's sessions.
    """
    user = await admin_service.update_user(
        current_principal(), parse_path_id(user_id, "user_id"), data
    )
    return respond(AdminUserResponse.from_model(user))


@blueprint.delete("/<id:user_id>/sessions")
@require_role(*ADMIN_ROLES)
@responds(None, HTTPStatus.NO_CONTENT, errors=[*GUARD_ERRORS, HTTPStatus.NOT_FOUND])
async def end_user_sessions(user_id: str) -> Response:
    """End a user's sessions

    Ends every session of an account (admins with 2FA; an admin's sessions only by a super
    admin).
    """
    await admin_service.end_user_sessions(current_principal(), parse_path_id(user_id, "user_id"))
    return no_content()
