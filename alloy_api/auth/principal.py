from dataclasses import dataclass
from uuid import UUID

from alloy_api.audit.service import user_actor
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role


@dataclass(frozen=True, slots=True)
class Principal:
    """Who acts: a user, the legacy admin token (role admin) or an operator at the CLI."""

    role: Role
    actor: str
    user: User | None

    @property
    def user_id(self) -> UUID | None:
        return self.user.id if self.user is not None else None

    @classmethod
    def for_user(cls, user: User) -> "Principal":
        return cls(role=user.role, actor=user_actor(user.id), user=user)
