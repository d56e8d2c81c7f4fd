"""Password policy (NIST SP 800-63B-4, ASVS 5.0 §6.2) and Argon2id hashing off the event loop."""

import asyncio
import re
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from alloy_api.kit.errors import FieldValidationError
from alloy_api.observability.metrics import record_password_verification
from alloy_api.settings import Settings

MIN_PASSWORD_LENGTH = 15
MAX_PASSWORD_LENGTH = 256
MIN_ZXCVBN_SCORE = 3
MIN_PERSONAL_TOKEN_LENGTH = 4
DUMMY_PASSWORD = "alloy dummy password that never matches anything"  # noqa: S105
PERSONAL_TOKEN_SEPARATORS = re.compile(r"[^0-9a-z]+")
ZXCVBN_INPUT_LIMIT = 72


@lru_cache(maxsize=8)
def password_hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


def hasher_for(settings: Settings) -> PasswordHasher:
    return password_hasher(
        settings.password_hash_time_cost,
        settings.password_hash_memory_kib,
        settings.password_hash_parallelism,
    )


@lru_cache(maxsize=8)
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash(DUMMY_PASSWORD)


def dummy_hash(settings: Settings) -> str:
    """A hash made with the current parameters, verified for unknown emails to match the timing."""
    return _dummy_hash(hasher_for(settings))


async def hash_password(settings: Settings, password: str) -> str:
    return await asyncio.to_thread(hasher_for(settings).hash, password)


def _verify(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    record_password_verification()
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(settings: Settings, password_hash: str | None, password: str) -> bool:
    """Verify against the stored hash, or against the dummy hash when there is no account."""
    hasher = hasher_for(settings)
    matches = await asyncio.to_thread(
        _verify, hasher, password_hash or dummy_hash(settings), password
    )
    return matches and password_hash is not None


def needs_rehash(settings: Settings, password_hash: str) -> bool:
    try:
        return hasher_for(settings).check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def _personal_tokens(email: str, name: str) -> list[str]:
    local_part = email.split("@", 1)[0].lower()
    candidates = [local_part, *PERSONAL_TOKEN_SEPARATORS.split(local_part)]
    candidates += PERSONAL_TOKEN_SEPARATORS.split(name.lower())
    return [token for token in candidates if len(token) >= MIN_PERSONAL_TOKEN_LENGTH]


def password_problem(password: str, *, email: str, name: str) -> str | None:
    """Why the password is refused, or None. Lengths count Unicode code points."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"at most {MAX_PASSWORD_LENGTH} characters"
    lowered = password.lower()
    if any(token in lowered for token in _personal_tokens(email, name)):
        return "it is built from your email or name"
    strength = zxcvbn(password[:ZXCVBN_INPUT_LIMIT], user_inputs=[email, name])
    if strength["score"] < MIN_ZXCVBN_SCORE:
        warning = strength["feedback"].get("warning") or "it is too easy to guess"
        return f"too weak: {warning}"
    return None


def ensure_acceptable_password(
    password: str, *, email: str, name: str, field: str = "password"
) -> None:
    problem = password_problem(password, email=email, name=name)
    if problem is not None:
        raise FieldValidationError.single(
            field,
            f"{field}: {problem}",
            reason="password_policy",
            min_length=MIN_PASSWORD_LENGTH,
            max_length=MAX_PASSWORD_LENGTH,
        )
