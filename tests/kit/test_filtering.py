"""The structured filter engine: every operator on every field kind, and each rejection."""

from datetime import UTC, datetime, timedelta

import pytest

from alloy_api.kit.errors import FieldValidationError
from alloy_api.kit.filtering import (
    MAX_FILTERS,
    MAX_LIST_VALUES,
    FieldKind,
    FilterClause,
    FilterField,
    FilterSpec,
    compile_filters,
)
from alloy_api.movements.models import Movement
from alloy_api.movements.service import seed_library
from alloy_api.reference.enums import Discipline, Equipment, MovementPattern
from tests.library_support import error_codes, post_query
from tests.movements.factories import library_entry

P = MovementPattern
E = Equipment
D = Discipline
DATASET = [
    library_entry(
        "Alpha Squat",
        pattern=P.SQUAT,
        equipment=(E.BARBELL,),
        disciplines=(D.POWERLIFTING,),
        min_recovery_hours=24,
    ),
    library_entry(
        "Beta Hinge",
        pattern=P.HINGE,
        equipment=(E.KETTLEBELL, E.BARBELL),
        disciplines=(D.CROSSFIT,),
        min_recovery_hours=48,
    ),
    library_entry(
        "Gamma Curl",
        pattern=P.ISOLATION,
        equipment=(E.DUMBBELL,),
        disciplines=(D.BODYBUILDING,),
        min_recovery_hours=12,
        compound=False,
    ),
    library_entry(
        "100% Effort",
        pattern=P.CORE,
        equipment=(E.BODYWEIGHT,),
        disciplines=(D.OTHER,),
        min_recovery_hours=0,
        compound=False,
    ),
    library_entry(
        "Under_Score",
        pattern=P.CORE,
        equipment=(E.BAND,),
        disciplines=(D.YOGA,),
        min_recovery_hours=36,
        compound=False,
    ),
    library_entry(
        "UnderXScore",
        pattern=P.CORE,
        equipment=(E.BAND,),
        disciplines=(D.YOGA,),
        min_recovery_hours=36,
        compound=False,
    ),
]
ALL = {entry.name for entry in DATASET}


@pytest.fixture
async def dataset(running_app) -> dict[str, str]:
    await seed_library(DATASET)
    rows = await Movement.all().values_list("name", "id")
    return {name: str(movement_id) for name, movement_id in rows}


async def names_matching(client, headers, *filters: dict, resource: str = "movements") -> set[str]:
    status, body = await post_query(client, resource, headers, filters=list(filters), limit=100)
    assert status == 200, body
    return {item["name"] for item in body["data"]["items"]}


def clause(field: str, op: str, value) -> dict:
    return {"field": field, "op": op, "value": value}


TEXT_CASES = [
    ("eq", "Beta Hinge", {"Beta Hinge"}),
    ("ne", "Beta Hinge", ALL - {"Beta Hinge"}),
    ("gt", "Gamma Curl", {"Under_Score", "UnderXScore"}),
    ("gte", "Gamma Curl", {"Gamma Curl", "Under_Score", "UnderXScore"}),
    ("lt", "Alpha Squat", {"100% Effort"}),
    ("lte", "Alpha Squat", {"100% Effort", "Alpha Squat"}),
    ("in", ["Alpha Squat", "Gamma Curl", "Nowhere"], {"Alpha Squat", "Gamma Curl"}),
    ("nin", ["Alpha Squat", "Gamma Curl"], ALL - {"Alpha Squat", "Gamma Curl"}),
    ("like", "sQuA", {"Alpha Squat"}),
]


@pytest.mark.parametrize(("op", "value", "expected"), TEXT_CASES)
async def test_text_operators(client, user_headers, dataset, op, value, expected) -> None:
    assert await names_matching(client, user_headers, clause("name", op, value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("%", {"100% Effort"}),
        ("_", {"Under_Score"}),
        ("r_S", {"Under_Score"}),
        ("0%", {"100% Effort"}),
    ],
)
async def test_like_takes_percent_and_underscore_literally(
    client, user_headers, dataset, value, expected
) -> None:
    assert await names_matching(client, user_headers, clause("name", "like", value)) == expected


ENUM_CASES = [
    ("eq", "core", {"100% Effort", "Under_Score", "UnderXScore"}),
    ("ne", "core", {"Alpha Squat", "Beta Hinge", "Gamma Curl"}),
    ("in", ["squat", "hinge"], {"Alpha Squat", "Beta Hinge"}),
    ("nin", ["squat", "hinge", "core"], {"Gamma Curl"}),
]


@pytest.mark.parametrize(("op", "value", "expected"), ENUM_CASES)
async def test_enum_operators(client, user_headers, dataset, op, value, expected) -> None:
    assert await names_matching(client, user_headers, clause("pattern", op, value)) == expected


INTEGER_CASES = [
    ("eq", 36, {"Under_Score", "UnderXScore"}),
    ("ne", 36, {"Alpha Squat", "Beta Hinge", "Gamma Curl", "100% Effort"}),
    ("gt", 24, {"Beta Hinge", "Under_Score", "UnderXScore"}),
    ("gte", 24, {"Alpha Squat", "Beta Hinge", "Under_Score", "UnderXScore"}),
    ("lt", 12, {"100% Effort"}),
    ("lte", 12, {"100% Effort", "Gamma Curl"}),
    ("in", [0, 48], {"100% Effort", "Beta Hinge"}),
    ("nin", [0, 48, 36], {"Alpha Squat", "Gamma Curl"}),
]


@pytest.mark.parametrize(("op", "value", "expected"), INTEGER_CASES)
async def test_integer_operators(client, user_headers, dataset, op, value, expected) -> None:
    found = await names_matching(client, user_headers, clause("min_recovery_hours", op, value))
    assert found == expected


@pytest.mark.parametrize(
    ("op", "expected"),
    [("eq", {"Alpha Squat", "Beta Hinge"}), ("ne", ALL - {"Alpha Squat", "Beta Hinge"})],
)
async def test_boolean_operators(client, user_headers, dataset, op, expected) -> None:
    assert await names_matching(client, user_headers, clause("compound", op, True)) == expected


TAG_CASES = [
    ("eq", "barbell", {"Alpha Squat", "Beta Hinge"}),
    ("ne", "barbell", ALL - {"Alpha Squat", "Beta Hinge"}),
    ("in", ["kettlebell", "dumbbell"], {"Beta Hinge", "Gamma Curl"}),
    ("nin", ["barbell", "band"], {"Gamma Curl", "100% Effort"}),
]


@pytest.mark.parametrize(("op", "value", "expected"), TAG_CASES)
async def test_tag_operators(client, user_headers, dataset, op, value, expected) -> None:
    assert await names_matching(client, user_headers, clause("equipment", op, value)) == expected


async def test_tags_of_two_link_tables_combine(client, user_headers, dataset) -> None:
    found = await names_matching(
        client,
        user_headers,
        clause("equipment", "eq", "band"),
        clause("discipline", "in", ["yoga", "other"]),
    )
    assert found == {"Under_Score", "UnderXScore"}


async def test_id_operators(client, user_headers, dataset) -> None:
    alpha, beta = dataset["Alpha Squat"], dataset["Beta Hinge"]
    assert await names_matching(client, user_headers, clause("id", "eq", alpha)) == {"Alpha Squat"}
    assert await names_matching(client, user_headers, clause("id", "ne", alpha)) == ALL - {
        "Alpha Squat"
    }
    assert await names_matching(client, user_headers, clause("id", "in", [alpha, beta])) == {
        "Alpha Squat",
        "Beta Hinge",
    }
    assert await names_matching(client, user_headers, clause("id", "nin", [alpha, beta])) == ALL - {
        "Alpha Squat",
        "Beta Hinge",
    }


async def test_datetime_operators(client, user_headers, dataset) -> None:
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert await names_matching(client, user_headers, clause("created_at", "lt", future)) == ALL
    assert await names_matching(client, user_headers, clause("created_at", "lte", future)) == ALL
    assert await names_matching(client, user_headers, clause("created_at", "gt", past)) == ALL
    assert await names_matching(client, user_headers, clause("created_at", "gte", future)) == set()
    assert await names_matching(client, user_headers, clause("created_at", "eq", past)) == set()
    assert await names_matching(client, user_headers, clause("created_at", "ne", past)) == ALL
    assert await names_matching(client, user_headers, clause("created_at", "in", [past])) == set()
    assert await names_matching(client, user_headers, clause("created_at", "nin", [past])) == ALL


NUMBER_SPEC = FilterSpec(
    fields={"recovery": FilterField(FieldKind.NUMBER, "min_recovery_hours")},
    sorts={"name": "name"},
    default_sort="name",
)


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        ("eq", 36.0, {"Under_Score", "UnderXScore"}),
        ("ne", 36, ALL - {"Under_Score", "UnderXScore"}),
        ("gt", 30, {"Beta Hinge", "Under_Score", "UnderXScore"}),
        ("gte", 48, {"Beta Hinge"}),
        ("lt", 1, {"100% Effort"}),
        ("lte", 12, {"100% Effort", "Gamma Curl"}),
        ("in", [12, 24.0], {"Gamma Curl", "Alpha Squat"}),
        ("nin", [12, 24.0], ALL - {"Gamma Curl", "Alpha Squat"}),
    ],
)
async def test_number_operators_compile_to_working_queries(dataset, op, value, expected) -> None:
    compiled = compile_filters(NUMBER_SPEC, [FilterClause(field="recovery", op=op, value=value)])
    found = await Movement.filter(compiled.condition).values_list("name", flat=True)
    assert set(found) == expected
    assert compiled.applied == [{"field": "recovery", "op": op, "value": value}]


def test_number_fields_refuse_non_numbers() -> None:
    for value in ("12", True, None, [1]):
        with pytest.raises(FieldValidationError) as raised:
            compile_filters(NUMBER_SPEC, [FilterClause(field="recovery", op="eq", value=value)])
        assert [item.code for item in raised.value.items()] == ["VAL_FILTER_VALUE"]


REJECTIONS = [
    ([clause("owner_id", "eq", "x")], "VAL_FILTER_FIELD"),
    ([clause("description", "like", "x")], "VAL_FILTER_FIELD"),
    ([clause("pattern", "like", "sq")], "VAL_FILTER_OPERATOR"),
    ([clause("pattern", "gt", "squat")], "VAL_FILTER_OPERATOR"),
    ([clause("compound", "in", [True])], "VAL_FILTER_OPERATOR"),
    ([clause("min_recovery_hours", "like", "1")], "VAL_FILTER_OPERATOR"),
    ([clause("equipment", "gt", "barbell")], "VAL_FILTER_OPERATOR"),
    ([clause("id", "lt", "x")], "VAL_FILTER_OPERATOR"),
    ([clause("name", "regex", ".*")], "VAL_FILTER_OPERATOR"),
    ([clause("name", "like" * 50, "x")], "VAL_FILTER_OPERATOR"),
    ([clause("n" * 500, "eq", "x")], "VAL_FILTER_FIELD"),
    ([clause("pattern", "eq", "squatt")], "VAL_FILTER_VALUE"),
    ([clause("min_recovery_hours", "eq", "12")], "VAL_FILTER_VALUE"),
    ([clause("min_recovery_hours", "eq", True)], "VAL_FILTER_VALUE"),
    ([clause("compound", "eq", "yes")], "VAL_FILTER_VALUE"),
    ([clause("created_at", "gt", "2026-01-01T00:00:00")], "VAL_FILTER_VALUE"),
    ([clause("created_at", "gt", "yesterday")], "VAL_FILTER_VALUE"),
    ([clause("id", "eq", "not-a-uuid")], "VAL_FILTER_VALUE"),
    ([clause("name", "eq", ["a"])], "VAL_FILTER_VALUE"),
    ([clause("name", "in", "a")], "VAL_FILTER_VALUE"),
    ([clause("name", "in", [])], "VAL_FILTER_VALUE"),
    ([clause("equipment", "in", ["barbell", "anvil"])], "VAL_FILTER_VALUE"),
    ([clause("name", "eq", "x" * 201)], "VAL_FILTER_VALUE"),
    (
        [clause("name", "in", [str(index) for index in range(MAX_LIST_VALUES + 1)])],
        "VAL_FILTER_TOO_COMPLEX",
    ),
    (
        [clause("name", "ne", str(index)) for index in range(MAX_FILTERS + 1)],
        "VAL_FILTER_TOO_COMPLEX",
    ),
]


@pytest.mark.parametrize(("filters", "code"), REJECTIONS)
async def test_each_rejection_has_its_code(client, user_headers, filters, code) -> None:
    status, body = await post_query(client, "movements", user_headers, filters=filters)
    assert status == 400, body
    assert error_codes(body) == [code]
    assert body["data"] is None


async def test_an_overlong_cursor_is_refused_not_crashed(client, user_headers) -> None:
    status, body = await post_query(client, "movements", user_headers, cursor="x" * 5000)
    assert status == 400 and error_codes(body) == ["VAL_CURSOR"]


async def test_the_limits_themselves_are_accepted(client, user_headers, dataset) -> None:
    filters = [clause("name", "ne", str(index)) for index in range(MAX_FILTERS - 1)]
    filters.append(clause("name", "nin", [str(index) for index in range(MAX_LIST_VALUES)]))
    assert await names_matching(client, user_headers, *filters) == ALL


async def test_every_rejected_filter_is_reported(client, user_headers) -> None:
    status, body = await post_query(
        client,
        "movements",
        user_headers,
        filters=[
            clause("nope", "eq", 1),
            clause("pattern", "eq", "hinge"),
            clause("pattern", "lt", "x"),
        ],
    )
    assert status == 400
    assert error_codes(body) == ["VAL_FILTER_FIELD", "VAL_FILTER_OPERATOR"]
    assert [error["details"]["index"] for error in body["errors"]] == [0, 2]
    assert "pattern" in body["errors"][0]["details"]["allowed"]


async def test_sorting_a_query(client, user_headers, dataset) -> None:
    status, body = await post_query(
        client,
        "movements",
        user_headers,
        filters=[clause("pattern", "in", ["squat", "hinge", "isolation"])],
        sort=[{"field": "name", "order": "desc"}],
        limit=2,
    )
    assert status == 200
    assert [item["name"] for item in body["data"]["items"]] == ["Gamma Curl", "Beta Hinge"]
    for sort, code in (
        ([{"field": "owner_id", "order": "asc"}], "VAL_SORT"),
        ([{"field": "name"}, {"field": "pattern"}], "VAL_SORT"),
        ([{"field": "name", "order": "sideways"}], "VAL_SORT_ORDER"),
    ):
        status, body = await post_query(client, "movements", user_headers, sort=sort)
        assert status == 400 and error_codes(body) == [code], body


async def test_filters_applied_echo_the_normalised_filters(client, user_headers, dataset) -> None:
    status, body = await post_query(
        client,
        "movements",
        user_headers,
        filters=[
            clause("created_at", "lt", "2999-01-01T01:00:00+01:00"),
            clause("pattern", "in", ["core"]),
        ],
    )
    assert status == 200
    assert body["data"]["filters_applied"] == {
        "filters": [
            {"field": "created_at", "op": "lt", "value": "2999-01-01T00:00:00Z"},
            {"field": "pattern", "op": "in", "value": ["core"]},
        ]
    }
