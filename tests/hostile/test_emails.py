"""Emails: one account per address whatever its Unicode form, and no address built to deceive."""

import pytest

from tests.auth.factories import STRONG_PASSWORD
from tests.kit.test_error_envelope import assert_error_envelope

REGISTER = "/v1/auth/register"


def registration(email: str) -> dict:
    return {"email": email, "password": STRONG_PASSWORD, "name": "Test Lifter"}


async def test_nfc_and_nfd_spellings_are_one_account(client) -> None:
    first = await client.post(REGISTER, json=registration("jos\u00e9@example.com"))
    assert first.status_code == 201, await first.get_json()
    assert (await first.get_json())["data"]["email"] == "jos\u00e9@example.com"
    second = await client.post(REGISTER, json=registration("JOSE\u0301@example.com"))
    assert second.status_code == 409
    assert_error_envelope(await second.get_json(), "CF_DUPLICATE_EMAIL")
    login = await client.post(
        "/v1/auth/login", json={"email": "jose\u0301@example.com", "password": STRONG_PASSWORD}
    )
    assert login.status_code == 200


@pytest.mark.parametrize(
    ("email", "reason"),
    [
        ("ad\u200ba@example.com", "invisible_character"),
        ("ada@exam\u00adple.com", "soft_hyphen"),
        ("ada\u202e@example.com", "bidi_control"),
        ("\ufeffada@example.com", "invisible_character"),
        ("\uff41da@example.com", "compatibility_character"),
        ("ada@\uff45xample.com", "compatibility_character"),
        ("p\u0430ypal@example.com", "mixed_scripts"),
        ("ada@p\u0430ypal.com", "mixed_scripts"),
        ("ada@example.com.", "trailing_dot"),
    ],
)
async def test_a_deceptive_address_is_refused_saying_why(client, email, reason) -> None:
    response = await client.post(REGISTER, json=registration(email))
    assert response.status_code == 400
    errors = assert_error_envelope(await response.get_json(), "VAL_EMAIL")
    assert errors[0]["details"]["reason"] == reason
    assert "address" in errors[0]["message"]


@pytest.mark.parametrize(
    "email", ["\u0430\u0434\u0430@example.com", "\u5c71\u7530\u305f\u308d\u3046@example.jp"]
)
async def test_an_address_in_one_script_is_taken(client, email) -> None:
    response = await client.post(REGISTER, json=registration(email))
    assert response.status_code == 201, await response.get_json()
