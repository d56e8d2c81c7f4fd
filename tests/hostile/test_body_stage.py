"""Hostile request bodies: every malformed byte sequence gets its 4xx envelope, never a 500."""

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alloy_api.app import create_app
from alloy_api.kit.body import MAX_JSON_DEPTH, json_depth
from tests.kit.test_error_envelope import assert_error_envelope

JSON = "application/json"
REGISTER = "/v1/auth/register"


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b'{"email": "\xff\xfe"}', {}, 400, "VAL_BODY_ENCODING"),
        (b'{"email": "\xed\xa0\x80"}', {}, 400, "VAL_BODY_ENCODING"),
        (b'{"email": "a"}', {"Content-Type": f"{JSON}; charset=utf-16"}, 415,
         "VAL_UNSUPPORTED_CHARSET"),
        (b'{"email": "a"}', {"Content-Type": f"{JSON}; charset=latin-1"}, 415,
         "VAL_UNSUPPORTED_CHARSET"),
        (b'{"email": "a"}', {"Content-Encoding": "gzip"}, 415,
         "VAL_UNSUPPORTED_CONTENT_ENCODING"),
        (nested(1000), {}, 400, "VAL_BODY_TOO_DEEP"),
        (b'{"a": ' * 65 + b"1" + b"}" * 65, {}, 400, "VAL_BODY_TOO_DEEP"),
        (b'{"email": "\\ud800"}', {}, 400, "VAL_MALFORMED_JSON"),
        (b'{"email": 1e400}', {}, 400, "VAL_MALFORMED_JSON"),
        (b'{"email": ', {}, 400, "VAL_MALFORMED_JSON"),
    ],
)  # fmt: skip
async def test_a_body_alloy_cannot_read_is_refused_with_its_code(
    client, body, headers, status, code
) -> None:
    response = await client.post(REGISTER, data=body, headers={"Content-Type": JSON, **headers})
    assert response.status_code == status
    assert_error_envelope(await response.get_json(), code)


async def test_a_declared_utf8_charset_is_taken(client) -> None:
    response = await client.post(
        REGISTER, data=b"[]", headers={"Content-Type": f"{JSON}; charset=UTF-8"}
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_BODY")


async def test_nesting_up_to_the_limit_reaches_validation(client) -> None:
    response = await client.post(
        REGISTER, data=nested(MAX_JSON_DEPTH), headers={"Content-Type": JSON}
    )
    assert response.status_code == 400
    assert_error_envelope(await response.get_json(), "VAL_BODY")


async def test_a_text_body_on_a_delete_is_415(client, user_account) -> None:
    response = await client.delete(
        "/v1/auth/2fa",
        data="123456",
        headers={**user_account.headers, "Content-Type": "text/plain"},
    )
    assert response.status_code == 415
    assert_error_envelope(await response.get_json(), "VAL_UNSUPPORTED_MEDIA_TYPE")


async def test_a_body_that_does_not_arrive_in_time_is_408(settings_factory) -> None:
    app = create_app(settings_factory(body_timeout_seconds=0.05))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        async with client.request(
            REGISTER, method="POST", headers={"Content-Type": JSON, "Content-Length": "100"}
        ) as connection:
            await connection.send(b'{"email": ')
            await asyncio.sleep(0.2)
    response = await connection.as_response()
    assert response.status_code == 408
    errors = assert_error_envelope(await response.get_json(), "VAL_BODY_TIMEOUT")
    assert errors[0]["details"]["timeout_seconds"] == 0.05


async def test_a_body_growing_past_the_limit_while_read_is_413(settings_factory) -> None:
    app = create_app(settings_factory(max_body_bytes=1024))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        async with client.request(
            REGISTER, method="POST", headers={"Content-Type": JSON}
        ) as connection:
            for _ in range(3):
                await connection.send(b" " * 600)
            await connection.send_complete()
    response = await connection.as_response()
    assert response.status_code == 413
    assert_error_envelope(await response.get_json(), "VAL_BODY_TOO_LARGE")


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        (b"", 0),
        (b"{}", 1),
        (b'[{"a": [1]}]', 3),
        (b'["[[[[", "]]"]', 1),
        (b'["\\"[[["]', 1),
        (b'"unterminated [[[', 0),
        (b"]]]", 0),
    ],
)
def test_json_depth_counts_brackets_outside_strings(raw, depth) -> None:
    assert json_depth(raw) == depth


def reference_depth(raw: bytes) -> int:
    """The same count by a byte-at-a-time state machine."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        character = chr(byte)
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=256) | st.text(alphabet='[]{}"\\a\n', max_size=64).map(str.encode))
def test_json_depth_agrees_with_a_byte_by_byte_scan(raw) -> None:
    assert json_depth(raw) == reference_depth(raw)


def test_json_depth_scans_quotes_cut_after_a_backslash_in_one_pass() -> None:
    raw = b'"' + b'\\"' * 20_000 + b"\\"
    assert json_depth(raw) == 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.binary(max_size=200) | JSON_VALUES.map(lambda value: repr(value).encode()))
async def test_the_body_stage_answers_any_bytes_with_a_4xx(client, body) -> None:
    response = await client.post(REGISTER, data=body, headers={"Content-Type": JSON})
    assert 400 <= response.status_code < 500
    assert (await response.get_json())["errors"]
