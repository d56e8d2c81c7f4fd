"""`details.actual` echoes any rejected input without making the error handler fail."""

import pytest

from tests.kit.test_error_envelope import assert_error_envelope

JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("raw_value", "actual"),
    [
        (b"18446744073709551615", "18446744073709551615"),
        (b"18446744073709551616", 1.8446744073709552e19),
        (b"-9223372036854775808", "-9223372036854775808"),
        (b'"' + b"x" * 5000 + b'"', "x" * 100),
        (b'"\\u00e9\\ud83d\\ude00"', "é😀"),
    ],
)
async def test_an_out_of_range_number_or_huge_string_is_echoed_in_a_form_json_holds(
    client, user_account, raw_value, actual
) -> None:
    response = await client.post(
        "/v1/programs",
        data=b'{"days_per_week": ' + raw_value + b"}",
        headers={**user_account.headers, **JSON},
    )
    assert response.status_code == 400
    errors = (await response.get_json())["errors"]
    days = next(error for error in errors if error["code"] == "VAL_DAYS_PER_WEEK")
    assert days["details"]["actual"] == actual


async def test_a_secret_is_still_never_echoed(client) -> None:
    response = await client.post(
        "/v1/auth/register",
        json={"email": "ada@example.com", "name": "Ada", "password": 2**70},
    )
    assert response.status_code == 400
    errors = assert_error_envelope(await response.get_json(), "VAL_PASSWORD")
    assert "actual" not in errors[0]["details"]
