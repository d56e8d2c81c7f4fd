"""The circuit list and the circuit query on PostgreSQL, page by page.

For every allowed sort (both directions) and every filter set, the statement each page really
sends is explained over thousands of circuits of every type, tier and age. Pages read the sort's
index in order; pages of the rarest type read only that type's entries of the index, instead of
skipping nineteen circuits of other types for each one they keep.
"""

from typing import Any

import pytest

from alloy_api.circuits import service
from alloy_api.circuits.repository import CIRCUIT_FILTERS
from alloy_api.circuits.schemas import CircuitListQuery
from alloy_api.kit.filtering import FilterClause, FilterOperator
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.movements import service as movements_service
from alloy_api.reference.enums import CircuitType
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListCall, ListRead, assert_pages_read_by_index, run_sql, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")

CIRCUIT_ROWS = 6000
CIRCUITS = f"""
INSERT INTO circuit (id, name, circuit_type, description, default_rounds,
    default_duration_seconds, difficulty_tier, created_at, updated_at)
SELECT gen_random_uuid(), 'Circuit ' || md5(n::text), kind.circuit_type, 'Imported ' || n,
    CASE WHEN kind.timed THEN NULL ELSE 3 + n % 6 END,
    CASE WHEN kind.timed THEN 300 + n % 10 * 120 END,
    1 + n / 20 % 5, timestamptz '2026-01-01' - n / 3 * interval '5 hours', now()
FROM generate_series(1, {CIRCUIT_ROWS}) AS n
CROSS JOIN LATERAL (SELECT CASE
    WHEN n % 20 < 6 THEN 'amrap' WHEN n % 20 < 10 THEN 'rounds_for_time'
    WHEN n % 20 < 13 THEN 'emom' WHEN n % 20 < 15 THEN 'tabata' WHEN n % 20 < 17 THEN 'ladder'
    WHEN n % 20 < 19 THEN 'chipper' ELSE 'station' END AS circuit_type) AS named
CROSS JOIN LATERAL (SELECT named.circuit_type,
    named.circuit_type IN ('amrap', 'emom', 'tabata') AS timed) AS kind
"""  # noqa: S608 - built from this module's constants
"""From 30 % AMRAPs down to 5 % station circuits; imported three at a time, so every
`created_at` is shared by three circuits."""

RARE_TYPE = CircuitType.STATION
"""One circuit in twenty: its pages must be bounded by the type in the index read."""
LIST_FILTERS: list[dict[str, Any]] = [{}, *({"circuit_type": kind} for kind in CircuitType)]
QUERY_FILTERS: list[list[dict[str, Any]]] = [
    [{"field": "circuit_type", "op": "eq", "value": "station"}],
    [{"field": "circuit_type", "op": "in", "value": ["emom", "tabata"]}],
    [{"field": "circuit_type", "op": "ne", "value": "amrap"}],
    [{"field": "circuit_type", "op": "nin", "value": ["amrap", "rounds_for_time"]}],
    [{"field": "difficulty_tier", "op": "eq", "value": 3}],
    [{"field": "difficulty_tier", "op": "gte", "value": 2}],
    [{"field": "default_rounds", "op": "gte", "value": 5}],
    [{"field": "default_duration_seconds", "op": "lte", "value": 900}],
    [{"field": "created_at", "op": "gte", "value": "2025-06-01T00:00:00Z"}],
    [{"field": "created_at", "op": "lt", "value": "2025-06-01T00:00:00Z"}],
    [
        {"field": "created_at", "op": "gte", "value": "2025-10-01T00:00:00Z"},
        {"field": "created_at", "op": "lt", "value": "2025-10-20T00:00:00Z"},
    ],
    [{"field": "name", "op": "like", "value": "a"}],
    [{"field": "name", "op": "gte", "value": "Circuit 8"}],
    [
        {"field": "circuit_type", "op": "eq", "value": "emom"},
        {"field": "difficulty_tier", "op": "lte", "value": 3},
    ],
    [
        {"field": "circuit_type", "op": "eq", "value": "amrap"},
        {"field": "created_at", "op": "gte", "value": "2025-06-01T00:00:00Z"},
    ],
]
PICKED_EVERY = 200
"""Circuits picked by id: one in 200 by name, thirty spread over the whole library."""


@pytest.fixture
async def large_library(running_app) -> None:
    """The shipped library and thousands of imported circuits."""
    await movements_service.seed_library()
    await service.seed_library()
    await run_sql(CIRCUITS)
    await run_sql("ANALYZE circuit")


def sort_column(sort_token: str) -> str:
    return CIRCUIT_FILTERS.sorts[sort_token.removeprefix("-")]


def structured_query(clauses: list[FilterClause]) -> ListCall[PageQuery]:
    """`POST /v1/circuits/query` with these filters, its sort clause given as the list's token
    (what `query_circuits` hands the repository; a `PageQuery` lets the walk skip pages)."""

    async def list_page(query: PageQuery) -> Page[Any]:
        return await service.circuits.list_matching(clauses, query)

    return list_page


def circuit_read(sort_token: str, fixed: set[str], circuit_type: Any) -> ListRead:
    """`fixed`: the columns an `eq` or `in` filter fixes to the values it lists."""
    confined = {"circuit_type"} if circuit_type == RARE_TYPE else set()
    return ListRead("circuit", sort_column(sort_token), fixed, confined_by=confined)


def query_read(sort_token: str, clauses: list[FilterClause]) -> ListRead:
    fixed = {
        CIRCUIT_FILTERS.fields[clause.field].column
        for clause in clauses
        if clause.op in (FilterOperator.EQ, FilterOperator.IN)
    }
    circuit_type = next(
        (
            clause.value
            for clause in clauses
            if clause.field == "circuit_type" and clause.op == FilterOperator.EQ
        ),
        None,
    )
    return circuit_read(sort_token, fixed, circuit_type)


@pytest.mark.parametrize("sort_token", sort_tokens(CIRCUIT_FILTERS.sorts))
async def test_circuit_pages_read_an_index_in_order(running_app, large_library, sort_token) -> None:
    for filters in LIST_FILTERS:
        await assert_pages_read_by_index(
            running_app,
            service.list_circuits,
            CircuitListQuery(sort=sort_token, **filters),
            circuit_read(sort_token, set(filters), filters.get("circuit_type")),
        )


@pytest.mark.parametrize("sort_token", sort_tokens(CIRCUIT_FILTERS.sorts))
async def test_circuit_query_pages_read_an_index_in_order(
    running_app, large_library, sort_token
) -> None:
    for filters in QUERY_FILTERS:
        clauses = [FilterClause(**clause) for clause in filters]
        await assert_pages_read_by_index(
            running_app,
            structured_query(clauses),
            PageQuery(sort=sort_token),
            query_read(sort_token, clauses),
        )


@pytest.mark.parametrize("sort_token", sort_tokens(CIRCUIT_FILTERS.sorts))
async def test_circuits_picked_by_id_are_found_through_the_primary_key(
    running_app, large_library, sort_token
) -> None:
    by_name = await service.circuits.queryset().order_by("name").values_list("id", flat=True)
    ids = [str(circuit_id) for circuit_id in by_name[::PICKED_EVERY]]
    await assert_pages_read_by_index(
        running_app,
        structured_query([FilterClause(field="id", op=FilterOperator.IN, value=ids)]),
        PageQuery(sort=sort_token),
        ListRead("circuit", sort_column(sort_token), {"id"}, scope_column="id"),
    )
