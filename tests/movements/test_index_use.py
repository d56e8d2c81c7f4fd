"""Paging the library on PostgreSQL reads an index in sort order, for every allowed sort."""

import pytest
from tortoise import connections

from alloy_api.kit.ids import new_id
from alloy_api.kit.pagination import _beyond, _ordering, resolve_sort
from alloy_api.movements.models import Movement
from alloy_api.movements.repository import MOVEMENT_FILTERS, visible_to
from alloy_api.movements.service import seed_library
from tests.conftest import TEST_DATABASE_URL
from tests.db.test_transactions import library_entry_values

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")
SORTS = [option for name in MOVEMENT_FILTERS.sorts for option in (name, f"-{name}")]
CUSTOM_ROWS = 5000
PAGE = 20


async def explain(sql: str) -> str:
    _, rows = await connections.get("default").execute_query(f"EXPLAIN {sql}")
    return "\n".join(row["QUERY PLAN"] for row in rows)


@pytest.fixture
async def large_library(running_app) -> None:
    await seed_library()
    owners = [new_id() for _ in range(50)]
    await Movement.bulk_create(
        [
            Movement(
                **{**library_entry_values(f"Custom {index:05d}"), "owner_id": owners[index % 50]}
            )
            for index in range(CUSTOM_ROWS)
        ],
        batch_size=1000,
    )
    await connections.get("default").execute_script("ANALYZE movement")


@pytest.mark.parametrize("sort_token", SORTS)
async def test_every_page_of_every_sort_is_an_index_scan(large_library, sort_token) -> None:
    sort = resolve_sort(sort_token, MOVEMENT_FILTERS.sorts, MOVEMENT_FILTERS.default_sort)
    ascending = not sort.descending
    visible = Movement.filter(visible_to(new_id()))
    first_page = visible.order_by(*_ordering(Movement, sort, ascending)).limit(PAGE + 1)
    middle = await visible.order_by(*_ordering(Movement, sort, ascending)).offset(60).first()
    key = [getattr(middle, sort.field), middle.id]
    later_page = (
        visible.filter(_beyond(Movement, sort, key, ascending))
        .order_by(*_ordering(Movement, sort, ascending))
        .limit(PAGE + 1)
    )
    for queryset in (first_page, later_page):
        plan = await explain(queryset.sql(params_inline=True))
        assert "Index Scan" in plan, plan
        assert "Sort" not in plan.split("->")[0], plan
        assert f"idx_movement_{sort.field[:7]}" in plan, plan
