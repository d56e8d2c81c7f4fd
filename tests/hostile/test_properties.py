"""Properties over any input: the parsers a client reaches raise only their own 4xx errors."""

import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alloy_api.auth.tokens import (
    ACCESS_KEY_PURPOSE,
    ACCESS_TOKEN_ALGORITHM,
    derived_key,
    verify_access_token,
)
from alloy_api.kit.errors import AuthenticationError, FieldValidationError
from alloy_api.kit.filtering import FilterClause, compile_filters
from alloy_api.kit.pagination import _b64encode, _signature, decode_cursor
from alloy_api.movements.repository import MOVEMENT_FILTERS
from alloy_api.settings import Settings

SECRET = b"k" * 32
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=300)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)
FEW = settings(max_examples=60, deadline=None)


@pytest.fixture(scope="module")
def token_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=Path(tmp_path_factory.mktemp("tokens")))


def signed_cursor(payload: bytes) -> str:
    return f"{_b64encode(payload)}.{_b64encode(_signature(SECRET, payload))}"


@FEW
@given(st.text(max_size=200))
def test_any_cursor_text_decodes_or_is_a_cursor_error(text: str) -> None:
    try:
        decode_cursor(text, SECRET, "binding")
    except FieldValidationError as error:
        assert error.field_errors[0].code == "VAL_CURSOR"


@FEW
@given(st.binary(max_size=100) | JSON_VALUES.map(repr).map(str.encode))
def test_a_signed_cursor_of_any_payload_decodes_or_is_a_cursor_error(payload: bytes) -> None:
    try:
        decode_cursor(signed_cursor(payload), SECRET, "binding")
    except FieldValidationError as error:
        assert error.field_errors[0].code == "VAL_CURSOR"


CLAUSES = st.lists(
    st.builds(
        FilterClause,
        field=st.sampled_from([*MOVEMENT_FILTERS.fields, "nope"]) | st.text(max_size=80),
        op=st.sampled_from(["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "like", "x"]),
        value=JSON_VALUES,
    ),
    max_size=12,
)


@FEW
@given(CLAUSES)
def test_any_filter_clauses_compile_or_are_filter_errors(clauses: list[FilterClause]) -> None:
    try:
        compile_filters(MOVEMENT_FILTERS, clauses)
    except FieldValidationError as error:
        assert all(item.code.startswith("VAL_FILTER") for item in error.field_errors)


@FEW
@given(st.text(max_size=400))
def test_any_bearer_text_is_a_token_or_a_401(token_settings: Settings, token: str) -> None:
    try:
        verify_access_token(token_settings, token)
    except AuthenticationError as error:
        assert error.status == 401


CLAIMS = st.fixed_dictionaries(
    {},
    optional={name: JSON_SCALARS for name in ("sub", "role", "iat", "nbf", "exp", "jti", "ver")},
)


@FEW
@given(CLAIMS)
def test_a_signed_token_with_any_claims_is_a_token_or_a_401(
    token_settings: Settings, claims: dict[str, Any]
) -> None:
    now = int(time.time())
    body = {
        "iss": token_settings.jwt_issuer,
        "aud": token_settings.jwt_audience,
        "iat": now,
        "nbf": now,
        "exp": now + 60,
        **claims,
    }
    try:
        token = jwt.encode(
            body,
            derived_key(token_settings, ACCESS_KEY_PURPOSE),
            algorithm=ACCESS_TOKEN_ALGORITHM,
        )
    except (TypeError, ValueError, OverflowError):
        return
    try:
        verify_access_token(token_settings, token)
    except AuthenticationError as error:
        assert error.status == 401
