"""Sessions: a session is a refresh family, started by a login and ended by logout, by its owner,
by an admin or an operator, or by a change of password, 2FA or role.

Every access token carries its session's id (`sid`). Ending a session revokes its refresh tokens
and forgets the user's auth state, whose next load lists the session as ended, so its access
tokens are refused on the next request (`auth_state`), not when they expire.
"""

from datetime import timedelta
from uuid import UUID

from tortoise.queryset import QuerySet

from alloy_api.audit.service import USER_TARGET, AuditAction, record
from alloy_api.auth import repository
from alloy_api.auth.auth_state import forget_auth_state
from alloy_api.auth.models import RefreshToken, User
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.kit.pagination import Page, PageQuery, paginate
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

SESSION_SORTS = {"last_used_at": "created_at", "created_at": "family_started_at"}
"""A session's fields by the column of its current refresh token that holds them."""
DEFAULT_SESSION_SORT = "-last_used_at"


def _live_sessions(settings: Settings, user_id: UUID) -> QuerySet[RefreshToken]:
    oldest_start = utc_now() - timedelta(seconds=settings.refresh_family_max_age_seconds)
    return repository.live_session_tokens(user_id, started_after=oldest_start)


async def list_sessions(
    settings: Settings, user_id: UUID, query: PageQuery
) -> "Page[RefreshToken]":
    """A page of the user's live sessions, as the current refresh token of each."""
    return await paginate(
        _live_sessions(settings, user_id),
        query=query,
        sorts=SESSION_SORTS,
        default_sort=DEFAULT_SESSION_SORT,
        filters_applied={},
    )


async def all_sessions(settings: Settings, user_id: UUID) -> list[RefreshToken]:
    """Every live session of the user, the most recently used first (for operators)."""
    return await _live_sessions(settings, user_id).order_by("-created_at", "-id")


async def end_session(user_id: UUID, session_id: UUID) -> int:
    """End one session of the user; 404 NF_SESSION when the user has no such session."""
    if not await repository.family_belongs_to(session_id, user_id):
        raise NotFoundError(
            f"Login session {session_id} not found", code=ErrorCode.NF_LOGIN_SESSION
        )
    revoked = await repository.revoke_family(session_id)
    await forget_auth_state(user_id)
    return revoked


async def end_sessions(user_id: UUID, *, keep: str | None = None) -> int:
    """End every session of the user but `keep` (the caller's own, when it should go on)."""
    keep_family = None if keep is None else UUID(keep)
    revoked = await repository.revoke_user_refresh_tokens(user_id, keep_family=keep_family)
    await forget_auth_state(user_id)
    return revoked


async def end_sessions_of(user: User, *, actor: str, actor_id: UUID | None) -> int:
    """An admin or operator ends every session of `user`; audited."""
    revoked = await end_sessions(user.id)
    await record(
        AuditAction.SESSIONS_ENDED,
        actor=actor,
        actor_id=actor_id,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"revoked_tokens": revoked},
    )
    return revoked
