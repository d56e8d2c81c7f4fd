"""TOTP 2FA for an account: enrolment, verification, login checks, disabling and resetting."""

from alloy_api.audit.service import (
    USER_TARGET,
    AuditAction,
    Outcome,
    record,
    record_own_account_event,
    user_actor,
)
from alloy_api.auth import repository
from alloy_api.auth.models import User
from alloy_api.auth.schemas import TwoFactorEnrolmentResponse, TwoFactorStatusResponse
from alloy_api.auth.sessions import end_sessions
from alloy_api.auth.tokens import recovery_code_hash
from alloy_api.auth.totp import (
    decrypt_secret,
    encrypt_secret,
    matching_step,
    new_recovery_codes,
    new_totp_secret,
    provisioning_uri,
)
from alloy_api.kit.errors import AuthenticationError, BusinessRuleError, ErrorCode
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings


def invalid_code() -> AuthenticationError:
    return AuthenticationError(
        "The code is wrong, expired or already used", code=ErrorCode.AUTH_2FA_INVALID
    )


async def accept_totp_code(settings: Settings, user: User, code: str) -> bool:
    """True once per time step: a code that matches but was already used is refused."""
    if user.totp_secret_encrypted is None:
        return False
    step = matching_step(decrypt_secret(settings, user.totp_secret_encrypted), code)
    if step is None:
        return False
    return await repository.claim_totp_step(user, step)


async def _accept_recovery_code(settings: Settings, user: User, code: str) -> bool:
    used = await repository.use_recovery_code(user, recovery_code_hash(settings, code))
    if used:
        await record_own_account_event(
            AuditAction.RECOVERY_CODE_USED,
            user.id,
            details={"remaining": await repository.unused_recovery_code_count(user)},
        )
    return used


async def verify_second_factor(
    settings: Settings, user: User, otp_code: str | None, recovery_code: str | None
) -> None:
    """Nothing when 2FA is off or a code is accepted; 401 AUTH_2FA_REQUIRED / _INVALID otherwise."""
    if not user.two_factor_enabled:
        return
    if otp_code is None and recovery_code is None:
        raise AuthenticationError(
            "This account has 2FA: send otp_code or recovery_code",
            code=ErrorCode.AUTH_2FA_REQUIRED,
        )
    if otp_code is not None and await accept_totp_code(settings, user, otp_code):
        return
    if recovery_code is not None and await _accept_recovery_code(settings, user, recovery_code):
        return
    raise invalid_code()


async def status(user: User) -> TwoFactorStatusResponse:
    remaining = await repository.unused_recovery_code_count(user) if user.two_factor_enabled else 0
    return TwoFactorStatusResponse(
        enabled=user.two_factor_enabled,
        enrolment_pending=user.totp_secret_encrypted is not None and not user.two_factor_enabled,
        recovery_codes_remaining=remaining,
    )


async def start_enrolment(
    settings: Settings, user: User, *, actor: str
) -> TwoFactorEnrolmentResponse:
    """A new secret for the account (replacing any pending one); shown this once only."""
    if user.two_factor_enabled:
        raise BusinessRuleError(
            "2FA is already enabled; disable it first", code=ErrorCode.BR_2FA_ALREADY_ENABLED
        )
    secret = new_totp_secret()
    await repository.update_user(
        user, totp_secret_encrypted=encrypt_secret(settings, secret), totp_last_used_step=None
    )
    await record(
        AuditAction.TWO_FACTOR_ENROLMENT_STARTED,
        actor=actor,
        actor_id=user.id if actor == user_actor(user.id) else None,
        target_type=USER_TARGET,
        target_id=user.id,
    )
    return TwoFactorEnrolmentResponse(
        secret=secret, otpauth_uri=provisioning_uri(settings, secret, user.email)
    )


async def confirm_enrolment(
    settings: Settings, user: User, code: str, *, actor: str, keep_session: str | None = None
) -> list[str]:
    """Enable 2FA with a first valid code, ending every session but `keep_session`; the recovery
    codes are returned this once only."""
    if user.two_factor_enabled:
        raise BusinessRuleError(
            "2FA is already enabled; disable it first", code=ErrorCode.BR_2FA_ALREADY_ENABLED
        )
    if user.totp_secret_encrypted is None:
        raise BusinessRuleError("Start an enrolment first", code=ErrorCode.BR_2FA_NOT_ENROLLED)
    if not await accept_totp_code(settings, user, code):
        await record(
            AuditAction.TWO_FACTOR_FAILED,
            actor=actor,
            outcome=Outcome.FAILURE,
            target_type=USER_TARGET,
            target_id=user.id,
            details={"during": "enrolment"},
        )
        raise invalid_code()
    recovery_codes = new_recovery_codes()
    await repository.replace_recovery_codes(
        user, [recovery_code_hash(settings, code) for code in recovery_codes]
    )
    await repository.update_user(user, totp_enabled_at=utc_now())
    revoked = await end_sessions(user.id, keep=keep_session)
    await record(
        AuditAction.TWO_FACTOR_ENABLED,
        actor=actor,
        actor_id=user.id if actor == user_actor(user.id) else None,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"revoked_tokens": revoked},
    )
    return recovery_codes


async def _clear(user: User, keep_session: str | None) -> int:
    """Remove the account's 2FA and end every session but `keep_session`: the revoked tokens."""
    await repository.delete_recovery_codes(user)
    await repository.update_user(
        user, totp_secret_encrypted=None, totp_enabled_at=None, totp_last_used_step=None
    )
    return await end_sessions(user.id, keep=keep_session)


def ensure_enabled(user: User) -> None:
    if not user.two_factor_enabled:
        raise BusinessRuleError(
            "2FA is not enabled on this account", code=ErrorCode.BR_2FA_NOT_ENABLED
        )


async def disable(user: User, *, keep_session: str | None) -> None:
    """Remove 2FA once the caller has re-authenticated with password and code."""
    ensure_enabled(user)
    revoked = await _clear(user, keep_session)
    await record_own_account_event(
        AuditAction.TWO_FACTOR_DISABLED, user.id, details={"revoked_tokens": revoked}
    )


async def reset(user: User, *, actor: str) -> None:
    """Remove 2FA from an account without a code (operators only, from the CLI); every session
    of the account ends."""
    revoked = await _clear(user, keep_session=None)
    await record(
        AuditAction.TWO_FACTOR_RESET,
        actor=actor,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"revoked_tokens": revoked},
    )
