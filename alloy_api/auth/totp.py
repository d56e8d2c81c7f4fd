"""TOTP (RFC 6238: 30 s, 6 digits, ±1 step), secrets encrypted at rest, recovery codes."""

import base64
import hmac
import secrets
import time

import pyotp
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alloy_api.auth.tokens import derived_key
from alloy_api.settings import Settings

TOTP_INTERVAL_SECONDS = 30
TOTP_DIGITS = 6
TOTP_ACCEPTED_STEP_OFFSETS = (-1, 0, 1)
SECRET_KEY_PURPOSE = b"alloy totp secrets v1"
NONCE_BYTES = 12
RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_HALF_LENGTH = 5


class UnreadableSecretError(RuntimeError):
    """The stored TOTP secret was not encrypted with this signing secret."""


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(settings: Settings, secret: str, email: str) -> str:
    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_INTERVAL_SECONDS).provisioning_uri(
        name=email, issuer_name=settings.totp_issuer
    )


def encrypt_secret(settings: Settings, secret: str) -> str:
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(derived_key(settings, SECRET_KEY_PURPOSE)).encrypt(nonce, secret.encode(), None)
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt_secret(settings: Settings, stored: str) -> str:
    raw = base64.urlsafe_b64decode(stored.encode())
    try:
        opened = AESGCM(derived_key(settings, SECRET_KEY_PURPOSE)).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], None
        )
    except InvalidTag as error:
        raise UnreadableSecretError("the TOTP secret cannot be decrypted") from error
    return opened.decode()


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // TOTP_INTERVAL_SECONDS)


def code_at_step(secret: str, step: int) -> str:
    totp = pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_INTERVAL_SECONDS)
    return totp.at(step * TOTP_INTERVAL_SECONDS)


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code equals `code` within ±1 step, compared in constant time."""
    candidate = code.strip()
    step_now = current_step(now)
    matched: int | None = None
    for offset in TOTP_ACCEPTED_STEP_OFFSETS:
        step = step_now + offset
        if hmac.compare_digest(code_at_step(secret, step).encode(), candidate.encode()):
            matched = step
    return matched


def new_recovery_codes() -> list[str]:
    def half() -> str:
        return "".join(
            secrets.choice(RECOVERY_CODE_ALPHABET) for _ in range(RECOVERY_CODE_HALF_LENGTH)
        )

    return [f"{half()}-{half()}" for _ in range(RECOVERY_CODE_COUNT)]
