"""Registration and the password policy of CONTRACT §7."""

import unicodedata

import pytest

from alloy_api.auth.models import User
from alloy_api.auth.passwords import hasher_for
from tests.auth.factories import STRONG_PASSWORD
from tests.auth.helpers import audit_events, body_of, error_codes, login

REQUEST_ID = "register-req-1"
FULL_WIDTH_OFFSET = 0xFEE0
"""From an ASCII character to its full-width form (U+FF01..U+FF5E)."""


async def register(client, **fields):
    body = {"email": "Ada@Example.com", "password": STRONG_PASSWORD, "name": "Ada", **fields}
    return await client.post("/v1/auth/register", json=body, headers={"X-Request-ID": REQUEST_ID})


async def test_register_answers_the_user_without_secrets(client) -> None:
    response = await register(client)
    body = await body_of(response)
    assert response.status_code == 201
    user = body["data"]
    assert set(user) == {"id", "email", "name", "role", "two_factor_enabled", "created_at"}
    assert user["email"] == "ada@example.com"
    assert user["role"] == "user"
    assert user["two_factor_enabled"] is False
    stored = await User.get(id=user["id"])
    assert stored.password_hash.startswith("$argon2id$")
    assert STRONG_PASSWORD not in stored.password_hash
    [event] = await audit_events("user_registered")
    assert event.request_id == REQUEST_ID
    assert str(event.actor_id) == user["id"]


async def test_email_is_unique_whatever_its_case(client) -> None:
    assert (await register(client)).status_code == 201
    response = await register(client, email="  ADA@example.COM ")
    assert response.status_code == 409
    assert error_codes(await body_of(response)) == ["CF_DUPLICATE_EMAIL"]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short but fine", "string_too_short"),
        ("x" * 257, "string_too_long"),
        ("passwordpassword1", "blocklisted"),
        ("Password123456789!", "blocklisted"),
        ("correcthorsebatterystaple", "blocklisted"),
        ("alloyalloyalloy2026", "too_weak"),
        ("ada-lovelace-example-2026", "personal"),
    ],
)
async def test_weak_short_long_or_personal_passwords_are_refused(client, password, reason) -> None:
    response = await register(
        client, email="ada-lovelace@example.com", name="Ada Lovelace", password=password
    )
    body = await body_of(response)
    assert response.status_code == 400
    assert error_codes(body) == ["VAL_PASSWORD"]
    details = body["errors"][0]["details"]
    assert details["reason"] == reason
    assert "actual" not in details
    assert password not in str(body)


async def test_length_counts_code_points_not_bytes(client) -> None:
    fourteen_code_points = "ølèñ" * 3 + "ßç"
    assert len(fourteen_code_points.encode()) > 15
    response = await register(client, password=fourteen_code_points)
    assert error_codes(await body_of(response)) == ["VAL_PASSWORD"]


async def test_any_characters_are_kept_whole_and_never_truncated(client) -> None:
    long_password = "Ünïcödé straße 🏋️ clean jerk snatch " * 6
    assert (await register(client, password=long_password)).status_code == 201
    assert (await login(client, "ada@example.com", long_password)).status_code == 200
    truncated = await login(client, "ada@example.com", long_password[:72])
    assert error_codes(await body_of(truncated)) == ["AUTH_INVALID_CREDENTIALS"]
    case_folded = await login(client, "ada@example.com", long_password.lower())
    assert error_codes(await body_of(case_folded)) == ["AUTH_INVALID_CREDENTIALS"]


async def test_malformed_email_is_val_email(client) -> None:
    response = await register(client, email="not-an-email")
    assert error_codes(await body_of(response)) == ["VAL_EMAIL"]


async def test_a_password_is_one_password_in_every_unicode_form(client) -> None:
    composed = unicodedata.normalize("NFC", "Åsa läser böcker vid fjärden 1887")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert (await register(client, password=composed)).status_code == 201
    assert (await login(client, "ada@example.com", decomposed)).status_code == 200
    ascii_form = "Violet canyon sledge 47 quartz orbit"
    full_width = "".join(chr(ord(c) + FULL_WIDTH_OFFSET) if c != " " else c for c in ascii_form)
    assert (await register(client, email="bo@example.com", password=full_width)).status_code == 201
    assert (await login(client, "bo@example.com", ascii_form)).status_code == 200


async def test_a_hash_of_the_password_as_typed_still_works_and_is_replaced(
    client, settings, account_factory
) -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa läser böcker vid fjärden 1887")
    account = await account_factory()
    typed_hash = hasher_for(settings).hash(decomposed)
    await User.filter(id=account.id).update(password_hash=typed_hash)
    assert (await login(client, account.email, decomposed)).status_code == 200
    rehashed = (await User.get(id=account.id)).password_hash
    assert rehashed != typed_hash
    assert hasher_for(settings).verify(rehashed, unicodedata.normalize("NFKC", decomposed))
