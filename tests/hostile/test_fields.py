"""Hostile field values: control characters, dates out of range, values longer than their
column and JSON types the spec does not take are 400 with the field's code, never a 500."""

from uuid import uuid4

import pytest

from tests.kit.test_error_envelope import assert_error_envelope
from tests.programs.support import program_body

JSON = {"Content-Type": "application/json"}
REGISTER = {"email": "ada@example.com", "password": "correct horse battery staple", "name": "Ada"}
MOVEMENT = {"name": "Hostile press", "pattern": "horizontal_push", "primary_muscle": "chest"}
WORKOUT_LOG = {
    "performed_at": "2026-11-26T10:00:00Z",
    "duration_minutes": 50,
    "perceived_difficulty": 7,
    "enjoyment": 4,
}
CONTROL_CHARACTERS = ["\x00", "\x07", "\x1b", "\x7f", "\t", "\n"]


def workout_log_path() -> str:
    return f"/v1/programs/{uuid4()}/sessions/{uuid4()}/workout_logs"


def assert_field_error(body: dict, code: str, reason: str | None = None) -> dict:
    errors = assert_error_envelope(body, code)
    if reason is not None:
        assert errors[0]["details"]["reason"] == reason
    return errors[0]


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
@pytest.mark.parametrize("field", ["email", "name"])
async def test_a_control_character_in_a_registration_field_is_refused(
    client, field, character
) -> None:
    response = await client.post("/v1/auth/register", json={**REGISTER, field: f"a{character}b"})
    assert response.status_code == 400
    error = assert_field_error(
        await response.get_json(), f"VAL_{field.upper()}", "control_character"
    )
    assert error["details"]["actual"] == f"U+{ord(character):04X}"


async def test_nul_in_a_login_email_is_refused(client) -> None:
    response = await client.post(
        "/v1/auth/login", json={"email": "ada\x00@example.com", "password": "x"}
    )
    assert response.status_code == 400
    assert_field_error(await response.get_json(), "VAL_EMAIL", "control_character")


async def test_nul_in_an_object_key_is_refused(client) -> None:
    response = await client.post("/v1/auth/register", json={**REGISTER, "x\x00": 1})
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_BODY")


async def test_free_text_takes_line_breaks_and_tabs_but_not_nul(client, user_headers) -> None:
    movement = {**MOVEMENT, "description": "Row 1\n\tthen 2\r\n"}
    response = await client.post("/v1/movements", json=movement, headers=user_headers)
    assert response.status_code == 201, await response.get_json()
    response = await client.post(
        "/v1/movements", json={**movement, "description": "a\x00b"}, headers=user_headers
    )
    assert response.status_code == 400
    assert_field_error(await response.get_json(), "VAL_DESCRIPTION", "control_character")


async def test_a_line_break_in_a_name_is_refused(client, user_headers) -> None:
    response = await client.post(
        "/v1/movements", json={**MOVEMENT, "name": "two\nlines"}, headers=user_headers
    )
    assert response.status_code == 400
    assert_field_error(await response.get_json(), "VAL_NAME", "control_character")


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/v1/movements?q=a%00b", "VAL_Q"),
        ("/v1/movements?q=ok&q=a%01b", "VAL_Q"),
        ("/v1/movements?cursor=%00", "VAL_CURSOR"),
        ("/v1/movements?sort=%0a", "VAL_SORT"),
    ],
)
async def test_a_control_character_in_a_query_value_is_refused(
    client, user_headers, path, code
) -> None:
    response = await client.get(path, headers=user_headers)
    assert response.status_code == 400
    assert_field_error(await response.get_json(), code, "control_character")


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/v1/admin/audit_events?action=a%00b", "VAL_ACTION"),
        ("/v1/admin/audit_events?action=" + "a" * 65, "VAL_ACTION"),
        ("/v1/admin/audit_events?since=0001-01-01T00:00:00%2B01:00", "VAL_SINCE"),
        ("/v1/admin/audit_events?since=9999-12-31T23:00:00-05:00", "VAL_SINCE"),
        ("/v1/admin/audit_events?since=1899-12-31T23:59:59Z", "VAL_SINCE"),
    ],
)
async def test_an_audit_filter_out_of_its_range_is_refused(
    client, admin_headers, path, code
) -> None:
    response = await client.get(path, headers=admin_headers)
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), code)


async def test_an_audit_filter_at_the_edges_of_its_range_is_taken(client, admin_headers) -> None:
    for path in (
        "/v1/admin/audit_events?action=" + "a" * 64,
        "/v1/admin/audit_events?since=1900-01-01T00:00:00Z",
    ):
        response = await client.get(path, headers=admin_headers)
        assert response.status_code == 200, await response.get_json()


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        ({"field": "name", "op": "eq", "value": "x" * 101}, "VAL_FILTER_VALUE"),
        ({"field": "name", "op": "in", "value": ["x" * 101]}, "VAL_FILTER_VALUE"),
        ({"field": "name", "op": "eq", "value": "a\x00b"}, "VAL_FILTERS_VALUE"),
        ({"field": "created_at", "op": "gte", "value": "0001-01-01T00:00:00+05:00"},
         "VAL_FILTER_VALUE"),
        ({"field": "created_at", "op": "lt", "value": "9999-12-31T23:59:59-05:00"},
         "VAL_FILTER_VALUE"),
        ({"field": "na\x00me", "op": "eq", "value": "x"}, "VAL_FILTERS_FIELD"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("resource", ["movements", "circuits"])
async def test_a_structured_filter_out_of_its_column_is_refused(
    client, user_headers, resource, clause, code
) -> None:
    response = await client.post(
        f"/v1/{resource}/query", json={"filters": [clause]}, headers=user_headers
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), code)


async def test_a_name_filter_as_long_as_its_column_is_taken(client, user_headers) -> None:
    clause = {"field": "name", "op": "eq", "value": "x" * 100}
    response = await client.post(
        "/v1/movements/query", json={"filters": [clause]}, headers=user_headers
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"start_date": "0001-01-01"}, "VAL_START_DATE"),
        ({"start_date": "9999-12-31"}, "VAL_START_DATE"),
        ({"days_per_week": "3"}, "VAL_DAYS_PER_WEEK"),
        ({"days_per_week": 3.0}, "VAL_DAYS_PER_WEEK"),
        ({"days_per_week": True}, "VAL_DAYS_PER_WEEK"),
        ({"seed": 2**64}, "VAL_SEED"),
        ({"name": "\ufeffok\x00"}, "VAL_NAME"),
    ],
)
async def test_a_program_field_out_of_its_type_or_range_is_refused(
    client, user_headers, overrides, code
) -> None:
    response = await client.post(
        "/v1/programs", json=program_body(**overrides), headers=user_headers
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), code)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"performed_at": "0001-01-01T00:00:00+01:00"}, "VAL_PERFORMED_AT"),
        ({"performed_at": "9999-12-31T23:00:00-05:00"}, "VAL_PERFORMED_AT"),
        ({"duration_minutes": "50"}, "VAL_DURATION_MINUTES"),
        ({"enjoyment": 2**63}, "VAL_ENJOYMENT"),
        ({"notes": "\ud800"}, "VAL_MALFORMED_JSON"),
    ],
)
async def test_a_workout_log_field_out_of_its_type_or_range_is_refused(
    client, user_headers, overrides, code
) -> None:
    body = {**WORKOUT_LOG, **overrides}
    if overrides.get("notes") == "\ud800":
        raw = b'{"performed_at": "2026-11-26T10:00:00Z", "notes": "\\ud800"}'
        response = await client.post(workout_log_path(), data=raw, headers={**user_headers, **JSON})
    else:
        response = await client.post(workout_log_path(), json=body, headers=user_headers)
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), code)


@pytest.mark.parametrize("value", [0, 1, "yes", "false", 0.0, 1e-400, None])
async def test_is_active_takes_only_a_json_boolean(
    client, admin_headers, user_account, value
) -> None:
    raw = b'{"is_active": ' + (b"1e-400" if value == 1e-400 else repr(value).encode()) + b"}"
    if value is None or isinstance(value, str):
        raw = b'{"is_active": ' + (b"null" if value is None else f'"{value}"'.encode()) + b"}"
    response = await client.patch(
        f"/v1/admin/users/{user_account.id}", data=raw, headers={**admin_headers, **JSON}
    )
    if value is None:
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert_error_envelope(await response.get_json(), "VAL_IS_ACTIVE")
    await user_account.user.refresh_from_db()
    assert user_account.user.is_active


@pytest.mark.parametrize(
    ("field", "value"),
    [("min_recovery_hours", "48"), ("min_recovery_hours", True), ("compound", 1),
     ("unilateral", "true"), ("is_custom", 0)],
)  # fmt: skip
async def test_a_movement_field_takes_only_its_json_type(
    client, user_headers, field, value
) -> None:
    response = await client.post(
        "/v1/movements", json={**MOVEMENT, field: value}, headers=user_headers
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), f"VAL_{field.upper()}")


async def test_query_parameters_still_parse_from_strings(client, user_headers) -> None:
    response = await client.get("/v1/movements?limit=5&include_total=true", headers=user_headers)
    body = await response.get_json()
    assert response.status_code == 200, body
    assert body["data"]["limit"] == 5
    assert body["data"]["total"] is not None


async def test_a_sort_longer_than_any_sort_name_is_refused(client, user_headers) -> None:
    response = await client.get("/v1/movements?sort=" + "x" * 65, headers=user_headers)
    assert response.status_code == 400
    assert_field_error(await response.get_json(), "VAL_SORT", "string_too_long")
