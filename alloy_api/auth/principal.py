from dataclasses import dataclass
from uuid import UUID

from alloy_api.audit.service import user_actor
from alloy_api.auth.auth_state import AuthState
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role


@dataclass(frozen=True, slots=True)
class Principal:
    """Who acts: a user, the legacy admin token (role admin) or an operator at the CLI."""

    role: Role
    actor: str
    user: AuthState | None
    """The acting user's id, role and 2FA state (not the account row: see `current_user`)."""
    session_id: str | None = None
    """The session of the access token the user acts with."""

    @property
    def user_id(self) -> UUID | None:
        return self.user.id if self.user is not None else None

    @classmethod
    def for_user(cls, user: User | AuthState, session_id: str | None = None) -> "Principal":
        state = user if isinstance(user, AuthState) else AuthState.of(user)
        return cls(role=state.role, actor=user_actor(state.id), user=state, session_id=session_id)
