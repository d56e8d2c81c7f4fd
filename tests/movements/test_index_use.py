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
from tests.query_plans import PAGE, assert_index_scan, assert_starts_at_cursor, explain, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")
SYSTEM_ROWS = 5000
CUSTOM_ROWS = 1000


@pytest.fixture
async def large_library(running_app) -> None:
    await seed_library()
    owners = [new_id() for _ in range(20)]
    await Movement.bulk_create(
        [
            Movement(**{**library_entry_values(f"Library {index:05d}"), "owner_id": None})
            for index in range(SYSTEM_ROWS)
        ]
        + [
            Movement(
                **{**library_entry_values(f"Custom {index:05d}"), "owner_id": owners[index % 20]}
            )
            for index in range(CUSTOM_ROWS)
        ],
        batch_size=1000,
    )
    await connections.get("default").execute_script("ANALYZE movement")


@pytest.mark.parametrize("sort_token", sort_tokens(MOVEMENT_FILTERS.sorts))
async def test_every_page_of_every_sort_is_an_index_scan(large_library, sort_token) -> None:
    sort = resolve_sort(sort_token, MOVEMENT_FILTERS.sorts, MOVEMENT_FILTERS.default_sort)
    ascending = not sort.descending
    ordering = _ordering(Movement, sort, ascending)
    visible = Movement.filter(visible_to(new_id()))
    pages = [visible.order_by(*ordering).limit(PAGE + 1)]
    for position in (60, SYSTEM_ROWS // 2, SYSTEM_ROWS - PAGE):
        row = await visible.order_by(*ordering).offset(position).first()
        key = [getattr(row, sort.field), row.id]
        pages.append(
            visible.filter(_beyond(Movement, sort, key, ascending))
            .order_by(*ordering)
            .limit(PAGE + 1)
        )
    for number, page in enumerate(pages):
        plan = await explain(page.sql(params_inline=True))
        is_tail = number == len(pages) - 1
        index_names = [f"idx_movement_{sort.field[:7]}"]
        assert_index_scan(plan, index_names, streamed_in_order=not is_tail)
        if number > 0:
            assert_starts_at_cursor(plan, sort.field)
