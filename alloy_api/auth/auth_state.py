"""What every authenticated request checks about its user, cached: token version, role,
activity and 2FA.

A request reads it from the cache instead of the database; every change to one of these fields
calls `forget_auth_state` (role change, password change, activation, 2FA enabled or removed), so
a token made stale by the change is refused on the next request, by every process sharing the
cache.
"""

from dataclasses import asdict, dataclass
from typing import Any
from uuid import UUID

from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from alloy_api.kit.cache import CacheKey, Lifetime, cached, invalidate, prefetch

CACHE_NAMESPACE = "auth"


@dataclass(frozen=True, slots=True)
class AuthState:
    id: UUID
    role: Role
    is_active: bool
    token_version: int
    two_factor_enabled: bool

    @classmethod
    def of(cls, user: User) -> "AuthState":
        return cls(
            id=user.id,
            role=user.role,
            is_active=user.is_active,
            token_version=user.token_version,
            two_factor_enabled=user.two_factor_enabled,
        )

    def as_data(self) -> dict[str, Any]:
        return {**asdict(self), "id": str(self.id), "role": self.role.value}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "AuthState":
        return cls(
            id=UUID(data["id"]),
            role=Role(data["role"]),
            is_active=bool(data["is_active"]),
            token_version=int(data["token_version"]),
            two_factor_enabled=bool(data["two_factor_enabled"]),
        )


def _key(user_id: UUID) -> CacheKey:
    return CacheKey(CACHE_NAMESPACE, f"user:{user_id}", Lifetime.AUTH)


async def auth_state(user_id: UUID) -> AuthState | None:
    async def load() -> dict[str, Any] | None:
        user = await repository.user_by_id(user_id)
        return None if user is None else AuthState.of(user).as_data()

    data = await cached(_key(user_id), load)
    return None if data is None else AuthState.from_data(data)


def prefetch_auth_state(user_id: str) -> None:
    """Have the request's first cache round trip bring this user's auth state along."""
    try:
        prefetch(_key(UUID(user_id)))
    except ValueError:
        return


async def forget_auth_state(user_id: UUID) -> None:
    await invalidate(_key(user_id))
