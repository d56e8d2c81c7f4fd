"""Accounts for tests of any domain: a user, an admin (with 2FA) or a super admin, with headers.

In a test: `account = await account_factory(role=Role.ADMIN)` (or the `user_account`,
`other_user_account`, `admin_account`, `super_admin_account` fixtures), then
`await client.get(path, headers=account.headers)`.
"""

from dataclasses import dataclass

from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.passwords import hash_password
from alloy_api.auth.roles import Role
from alloy_api.auth.tokens import issue_access_token
from alloy_api.auth.totp import code_at_step, current_step, encrypt_secret, new_totp_secret
from alloy_api.kit.ids import new_id_str
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

STRONG_PASSWORD = "violet canyon sledge 47 quartz orbit"


@dataclass
class Account:
    user: User
    password: str
    access_token: str
    totp_secret: str | None

    @property
    def id(self) -> str:
        return str(self.user.id)

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    def next_totp_code(self, steps_ahead: int = 1) -> str:
        """A code the server has not seen yet (one step ahead is within the accepted window)."""
        assert self.totp_secret is not None
        return code_at_step(self.totp_secret, current_step() + steps_ahead)


async def make_account(
    settings: Settings,
    *,
    role: Role = Role.USER,
    email: str | None = None,
    name: str = "Test Lifter",
    password: str = STRONG_PASSWORD,
    two_factor: bool | None = None,
) -> Account:
    """An account created straight in the database; admins get 2FA unless told otherwise. Its
    access token names a session of its own that has no refresh token (log in for one that has)."""
    user = await repository.create_user(
        email=email or f"lifter-{new_id_str()}@example.com",
        name=name,
        password_hash=await hash_password(settings, password),
        role=role,
    )
    totp_secret = None
    if two_factor if two_factor is not None else role.is_admin:
        totp_secret = new_totp_secret()
        await repository.update_user(
            user,
            totp_secret_encrypted=encrypt_secret(settings, totp_secret),
            totp_enabled_at=utc_now(),
        )
    access_token = issue_access_token(
        settings,
        user_id=str(user.id),
        role=user.role,
        token_version=user.token_version,
        session_id=new_id_str(),
    )
    return Account(user=user, password=password, access_token=access_token, totp_secret=totp_secret)
