"""What every authenticated request checks about its user, cached: token version, role,
activity, 2FA and the sessions that ended recently.

A request reads it from the cache instead of the database; every change to one of these fields
calls `forget_auth_state` (role change, password change, activation, 2FA enabled or removed, a
session ended), so a token made stale by the change is refused on the next request, by every
process sharing the cache.

Ended sessions are those whose refresh family was revoked within an access token's lifetime (plus
the leeway): an access token of an older ended session has expired anyway, so the list stays as
short as the sessions ended in the last few minutes.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from alloy_api.kit.cache import CacheKey, Lifetime, cached, invalidate, prefetch
from alloy_api.kit.time import utc_now
from alloy_api.state import app_state

CACHE_NAMESPACE = "auth"


@dataclass(frozen=True, slots=True)
class AuthState:
    id: UUID
    role: Role
    is_active: bool
    token_version: int
    two_factor_enabled: bool
    ended_sessions: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, user: User, ended_sessions: frozenset[str] = frozenset()) -> "AuthState":
        return cls(
            id=user.id,
            role=user.role,
            is_active=user.is_active,
            token_version=user.token_version,
            two_factor_enabled=user.two_factor_enabled,
            ended_sessions=ended_sessions,
        )

    def as_data(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "id": str(self.id),
            "role": self.role.value,
            "ended_sessions": sorted(self.ended_sessions),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "AuthState":
        return cls(
            id=UUID(data["id"]),
            role=Role(data["role"]),
            is_active=bool(data["is_active"]),
            token_version=int(data["token_version"]),
            two_factor_enabled=bool(data["two_factor_enabled"]),
            ended_sessions=frozenset(data.get("ended_sessions", ())),
        )


def _key(user_id: UUID) -> CacheKey:
    return CacheKey(CACHE_NAMESPACE, f"user:{user_id}", Lifetime.AUTH)


async def auth_state(user_id: UUID) -> AuthState | None:
    async def load() -> dict[str, Any] | None:
        user = await repository.user_by_id(user_id)
        if user is None:
            return None
        ended = await repository.sessions_ended_since(user_id, _ended_sessions_cutoff())
        return AuthState.of(user, frozenset(str(session) for session in ended)).as_data()

    data = await cached(_key(user_id), load)
    return None if data is None else AuthState.from_data(data)


def _ended_sessions_cutoff() -> datetime:
    settings = app_state().settings
    lifetime = settings.access_token_ttl_seconds + settings.jwt_leeway_seconds
    return utc_now() - timedelta(seconds=lifetime)


def prefetch_auth_state(user_id: str) -> None:
    """Have the request's first cache round trip bring this user's auth state along."""
    try:
        prefetch(_key(UUID(user_id)))
    except ValueError:
        return


async def forget_auth_state(user_id: UUID) -> None:
    await invalidate(_key(user_id))
