"""Managing accounts: listing them and changing role or activity (admins and operators)."""

from uuid import UUID

from alloy_api.audit.service import USER_TARGET, AuditAction, record
from alloy_api.auth import repository
from alloy_api.auth.auth_state import forget_auth_state
from alloy_api.auth.models import User
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import Role
from alloy_api.auth.schemas import AdminUserUpdateRequest, UserListQuery
from alloy_api.auth.service import create_account
from alloy_api.auth.sessions import end_sessions, end_sessions_of
from alloy_api.kit.errors import AuthorizationError, BusinessRuleError, ErrorCode, NotFoundError
from alloy_api.kit.pagination import Page, paginate
from alloy_api.settings import Settings

USER_SORTS = {"created_at": "created_at", "email": "email"}
DEFAULT_USER_SORT = "-created_at"


async def list_users(query: UserListQuery) -> "Page[User]":
    filters = {
        name: value
        for name, value in (("role", query.role), ("is_active", query.is_active))
        if value is not None
    }
    return await paginate(
        repository.users_matching(role=query.role, is_active=query.is_active),
        query=query,
        sorts=USER_SORTS,
        default_sort=DEFAULT_USER_SORT,
        filters_applied=filters,
    )


async def user_by_id(user_id: UUID) -> User:
    user = await repository.user_by_id(user_id)
    if user is None:
        raise NotFoundError(f"User {user_id} not found", code=ErrorCode.NF_USER)
    return user


def _forbidden(message: str) -> AuthorizationError:
    return AuthorizationError(message, code=ErrorCode.AUTH_FORBIDDEN)


async def change_role(principal: Principal, user: User, role: Role) -> User:
    """Only a super admin (or an operator) grants or revokes roles; the token version moves on."""
    if role is user.role:
        return user
    if principal.role is not Role.SUPER_ADMIN:
        raise _forbidden("Only a super admin can change roles")
    if principal.user_id == user.id:
        raise BusinessRuleError("You cannot change your own role", code=ErrorCode.BR_OWN_ACCOUNT)
    previous = user.role
    await repository.update_user(user, role=role)
    await repository.bump_token_version(user)
    revoked = await end_sessions(user.id)
    action = AuditAction.ROLE_GRANTED if role.rank > previous.rank else AuditAction.ROLE_REVOKED
    await record(
        action,
        actor=principal.actor,
        actor_id=principal.user_id,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"from": previous.value, "to": role.value, "revoked_tokens": revoked},
    )
    return user


async def change_activity(principal: Principal, user: User, is_active: bool) -> User:
    if is_active == user.is_active:
        return user
    if user.role.is_admin and principal.role is not Role.SUPER_ADMIN:
        raise _forbidden("Only a super admin can change an admin's account")
    if principal.user_id == user.id:
        raise BusinessRuleError(
            "You cannot deactivate your own account", code=ErrorCode.BR_OWN_ACCOUNT
        )
    await repository.update_user(user, is_active=is_active)
    await repository.bump_token_version(user)
    revoked = 0 if is_active else await end_sessions(user.id)
    if is_active:
        await forget_auth_state(user.id)
    await record(
        AuditAction.USER_ACTIVATED if is_active else AuditAction.USER_DEACTIVATED,
        actor=principal.actor,
        actor_id=principal.user_id,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"revoked_tokens": revoked},
    )
    return user


async def end_user_sessions(principal: Principal, user_id: UUID) -> int:
    """End every session of an account; an admin's only by a super admin (or an operator)."""
    user = await user_by_id(user_id)
    if user.role.is_admin and principal.role is not Role.SUPER_ADMIN:
        raise _forbidden("Only a super admin can end an admin's sessions")
    return await end_sessions_of(user, actor=principal.actor, actor_id=principal.user_id)


async def update_user(principal: Principal, user_id: UUID, request: AdminUserUpdateRequest) -> User:
    user = await user_by_id(user_id)
    if request.role is not None:
        await change_role(principal, user, request.role)
    if request.is_active is not None:
        await change_activity(principal, user, request.is_active)
    return user


async def user_by_email(email: str) -> User:
    user = await repository.user_by_email(email)
    if user is None:
        raise NotFoundError(f"No user has the email {email}", code=ErrorCode.NF_USER)
    return user


async def all_users(*, role: Role | None = None, is_active: bool | None = None) -> list[User]:
    """Every account (with this role, this activity), oldest first."""
    return await repository.all_users(role=role, is_active=is_active)


async def create_user(
    settings: Settings, principal: Principal, *, email: str, name: str, password: str, role: Role
) -> User:
    """An account made by an operator or admin; roles above `user` need a super admin."""
    if role.is_admin and principal.role is not Role.SUPER_ADMIN:
        raise _forbidden("Only a super admin can create admins")
    user = await create_account(settings, email=email, name=name, password=password, role=role)
    await record(
        AuditAction.USER_CREATED,
        actor=principal.actor,
        actor_id=principal.user_id,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"role": role.value},
    )
    return user
