"""Every query of the identity domain."""

from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet

from alloy_api.auth.emails import normalise_email
from alloy_api.auth.models import RecoveryCode, RefreshToken, User
from alloy_api.auth.roles import Role
from alloy_api.kit.time import utc_now


class DuplicateEmailError(Exception):
    """The email is taken (compared lower-cased)."""


async def create_user(*, email: str, name: str, password_hash: str, role: Role) -> User:
    try:
        return await User.create(
            email=normalise_email(email), name=name, password_hash=password_hash, role=role
        )
    except IntegrityError as error:
        raise DuplicateEmailError(email) from error


async def user_by_email(email: str) -> User | None:
    return await User.get_or_none(email=normalise_email(email))


async def user_by_id(user_id: UUID | str) -> User | None:
    return await User.get_or_none(id=user_id)


async def update_user(user: User, **changes: Any) -> User:
    for field, value in changes.items():
        setattr(user, field, value)
    await user.save(update_fields=[*changes, "updated_at"])
    return user


async def bump_token_version(user: User) -> User:
    await User.filter(id=user.id).update(token_version=F("token_version") + 1)
    await user.refresh_from_db(fields=["token_version"])
    return user


async def claim_totp_step(user: User, step: int) -> bool:
    """Record `step` as the last used one, only if it is newer: False means a replay."""
    updated = await User.filter(
        Q(id=user.id) & (Q(totp_last_used_step__isnull=True) | Q(totp_last_used_step__lt=step))
    ).update(totp_last_used_step=step)
    if updated:
        user.totp_last_used_step = step
    return bool(updated)


def users_matching(*, role: Role | None, is_active: bool | None) -> QuerySet[User]:
    queryset = User.all()
    if role is not None:
        queryset = queryset.filter(role=role)
    if is_active is not None:
        queryset = queryset.filter(is_active=is_active)
    return queryset


async def all_users(*, role: Role | None, is_active: bool | None) -> list[User]:
    return await users_matching(role=role, is_active=is_active).order_by("created_at", "id")


async def create_refresh_token(
    *,
    user: User,
    token_hash: str,
    family_id: UUID,
    family_started_at: datetime,
    parent_id: UUID | None,
    expires_at: datetime,
    user_agent: str | None,
    ip: str | None,
) -> RefreshToken:
    return await RefreshToken.create(
        user=user,
        token_hash=token_hash,
        family_id=family_id,
        family_started_at=family_started_at,
        parent_id=parent_id,
        expires_at=expires_at,
        user_agent=user_agent,
        ip=ip,
    )


async def refresh_token_by_hash(token_hash: str) -> RefreshToken | None:
    return await RefreshToken.get_or_none(token_hash=token_hash)


async def mark_refresh_token_used(token: RefreshToken) -> bool:
    """Use the token once: False when another request used or revoked it first."""
    updated = await RefreshToken.filter(
        id=token.id, used_at__isnull=True, revoked_at__isnull=True
    ).update(used_at=utc_now())
    return bool(updated)


async def revoke_family(family_id: UUID) -> int:
    return await RefreshToken.filter(family_id=family_id, revoked_at__isnull=True).update(
        revoked_at=utc_now()
    )


async def family_has_revoked_tokens(family_id: UUID) -> bool:
    return await RefreshToken.filter(family_id=family_id, revoked_at__isnull=False).exists()


async def revoke_user_refresh_tokens(user_id: UUID, *, keep_family: UUID | None = None) -> int:
    """Revoke every refresh token of the user, except those of the family `keep_family`."""
    tokens = RefreshToken.filter(user_id=user_id, revoked_at__isnull=True)
    if keep_family is not None:
        tokens = tokens.exclude(family_id=keep_family)
    return await tokens.update(revoked_at=utc_now())


async def sessions_ended_since(user_id: UUID, since: datetime) -> list[UUID]:
    """The refresh families of the user revoked at or after `since`."""
    families = (
        await RefreshToken.filter(user_id=user_id, revoked_at__gte=since)
        .distinct()
        .values_list("family_id", flat=True)
    )
    return [UUID(str(family)) for family in families]


def live_session_tokens(user_id: UUID, *, started_after: datetime) -> QuerySet[RefreshToken]:
    """The current refresh token of each live session of the user: unused, unrevoked, unexpired,
    its family younger than its maximum age."""
    return RefreshToken.filter(
        user_id=user_id,
        used_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=utc_now(),
        family_started_at__gt=started_after,
    )


async def family_belongs_to(family_id: UUID, user_id: UUID) -> bool:
    return await RefreshToken.filter(family_id=family_id, user_id=user_id).exists()


async def delete_refresh_tokens_expired_before(cutoff: datetime, batch_size: int) -> int:
    """Delete in batches, so that no statement holds many rows' locks for long."""
    deleted = 0
    while True:
        batch = (
            await RefreshToken.filter(expires_at__lt=cutoff)
            .limit(batch_size)
            .values_list("id", flat=True)
        )
        if not batch:
            return deleted
        deleted += await RefreshToken.filter(id__in=batch).delete()


async def replace_recovery_codes(user: User, code_hashes: list[str]) -> None:
    await RecoveryCode.filter(user_id=user.id).delete()
    await RecoveryCode.bulk_create([RecoveryCode(user=user, code_hash=h) for h in code_hashes])


async def use_recovery_code(user: User, code_hash: str) -> bool:
    updated = await RecoveryCode.filter(
        user_id=user.id, code_hash=code_hash, used_at__isnull=True
    ).update(used_at=utc_now())
    return bool(updated)


async def unused_recovery_code_count(user: User) -> int:
    return await RecoveryCode.filter(user_id=user.id, used_at__isnull=True).count()


async def delete_recovery_codes(user: User) -> None:
    await RecoveryCode.filter(user_id=user.id).delete()
