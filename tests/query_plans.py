"""The SQL the ORM sends, and PostgreSQL's plans for it: the helpers of the index-use tests.

A list's pages are read the way a client reads them, through the service and its real cursors;
each page's statement is captured with the parameters the ORM sent and explained with them bound.
"""

import logging
import re
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from quart.typing import TestAppProtocol
from tortoise import connections

from alloy_api.kit.pagination import Page, PageQuery

TORTOISE_QUERY_LOGGER = "tortoise.db_client"
PAGE = 20

QueryT = TypeVar("QueryT", bound=PageQuery)
ListCall = Callable[[QueryT], Awaitable[Page[Any]]]


@dataclass
class StatementLog(logging.Handler):
    """Every SQL statement the ORM sends (an executemany counts once: it is one pipelined batch)."""

    statements: list[str] = field(default_factory=list)
    parameters: list[list[Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        arguments = record.args if isinstance(record.args, tuple) else ()
        self.statements.append(str(arguments[0] if arguments else record.msg))
        values = arguments[1] if len(arguments) > 1 else None
        self.parameters.append(list(values) if isinstance(values, list | tuple) else [])

    def __hash__(self) -> int:
        return id(self)


@contextmanager
def counting_statements() -> Iterator[StatementLog]:
    logger = logging.getLogger(TORTOISE_QUERY_LOGGER)
    handler = StatementLog()
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)


async def explain(sql: str, values: Sequence[Any] = ()) -> str:
    _, rows = await connections.get("default").execute_query(f"EXPLAIN {sql}", list(values))
    return "\n".join(row["QUERY PLAN"] for row in rows)


async def run_sql(statement: str, *values: Any) -> None:
    await connections.get("default").execute_query(statement, list(values))


def sort_tokens(sorts: Iterable[str]) -> list[str]:
    """Every sort a list allows, ascending and descending."""
    return [option for name in sorts for option in (name, f"-{name}")]


def assert_index_scan(plan: str, index_names: Collection[str], *, streamed_in_order: bool) -> None:
    """The sort's index drives the read; pages with many rows left read it in order, unsorted.

    Near the end of the list the planner may fetch the few remaining rows through the same index
    as a bitmap and sort them, which is cheaper there; it never reads the whole table.
    """
    assert "Seq Scan" not in plan, plan
    index_lines = [line for line in plan.splitlines() if "Index Scan" in line]
    assert any(name in line for line in index_lines for name in index_names), plan
    if streamed_in_order:
        assert "Sort" not in plan, plan


def _has_index_condition(plan: str, column: str, operator: str) -> bool:
    """An `Index Cond` compares `column` (cast or not) with a regex `operator`."""
    comparison = re.compile(rf"\b{column}\b\)?(::[a-z ]+?)? {operator} ")
    conditions = [line for line in plan.splitlines() if "Index Cond:" in line]
    return any(comparison.search(line) for line in conditions)


def assert_starts_at_cursor(plan: str, sort_column: str) -> None:
    """The index read begins at the cursor's sort value instead of filtering out earlier rows."""
    assert _has_index_condition(plan, sort_column, "[<>]="), plan


def assert_confined_by(plan: str, column: str) -> None:
    """The index read is bounded by the equality on `column`, not only filtered by it."""
    assert _has_index_condition(plan, column, "="), plan


async def ordering_indexes(
    table: str, sort_column: str, bound_columns: Collection[str]
) -> set[str]:
    """Indexes of `table` that give rows in `sort_column` order once `bound_columns` are fixed.

    An index gives that order when its leading columns, apart from those an equality condition
    fixes, are the sort column and then the id, or the sort column alone in a unique index.
    """
    _, rows = await connections.get("default").execute_query(
        "SELECT index_class.relname AS name, entry.indisunique AS is_unique,"
        " array_agg(attribute.attname ORDER BY key.position) AS columns FROM pg_index AS entry"
        " JOIN pg_class AS index_class ON index_class.oid = entry.indexrelid"
        " JOIN pg_class AS table_class ON table_class.oid = entry.indrelid"
        " CROSS JOIN LATERAL unnest(entry.indkey) WITH ORDINALITY AS key(attnum, position)"
        " JOIN pg_attribute AS attribute"
        " ON attribute.attrelid = entry.indrelid AND attribute.attnum = key.attnum"
        " WHERE table_class.relname = $1 AND entry.indpred IS NULL"
        " GROUP BY index_class.relname, entry.indisunique",
        [table],
    )
    names = set()
    for row in rows:
        columns = list(row["columns"])
        while columns and columns[0] in bound_columns and columns[0] != sort_column:
            columns.pop(0)
        if columns[:2] == [sort_column, "id"] or (row["is_unique"] and columns == [sort_column]):
            names.add(row["name"])
    return names


def page_statement(log: StatementLog, table: str) -> tuple[str, list[Any]]:
    """The one statement of `log` that read a page (it has a LIMIT) of `table`."""
    reads = [
        (sql, values)
        for sql, values in zip(log.statements, log.parameters, strict=True)
        if sql.lstrip().upper().startswith("SELECT")
        and f'FROM "{table}"' in sql
        and " LIMIT " in sql
    ]
    assert len(reads) == 1, log.statements
    return reads[0]


@dataclass(frozen=True, slots=True)
class PagePlan:
    position: int
    plan: str
    streamed_in_order: bool
    """More than two pages of rows are left, so the sort's index must give them in order (for
    the last few rows the planner may rather sort them)."""


async def cursor_after(list_page: ListCall[QueryT], query: QueryT, rows: int) -> str | None:
    """The cursor a client holds after reading the first `rows` rows.

    One oversized page gets there (`model_copy` skips the limit's validation); its next cursor is
    the one the client would hold after walking the same rows page by page.
    """
    page = await list_page(query.model_copy(update={"limit": rows}))
    return page.next_cursor


async def page_plans(list_page: ListCall[QueryT], query: QueryT, table: str) -> list[PagePlan]:
    """Plans of the first page, the middle page and the last page of a list (those that exist)."""
    first = await list_page(query.model_copy(update={"limit": PAGE, "include_total": True}))
    total = first.total or 0
    positions = [0] + [position for position in (total // 2, total - PAGE) if position > 0]
    plans = []
    for position in dict.fromkeys(positions):
        cursor = await cursor_after(list_page, query, position) if position else None
        with counting_statements() as log:
            await list_page(query.model_copy(update={"limit": PAGE, "cursor": cursor}))
        plan = await explain(*page_statement(log, table))
        plans.append(PagePlan(position, plan, streamed_in_order=total - position > 2 * PAGE))
    return plans


def assert_scoped_index_read(plan: str, scope_column: str) -> None:
    """The rows are found through an index confined to one value of `scope_column`."""
    assert "Seq Scan" not in plan, plan
    conditions = [line for line in plan.splitlines() if "Index Cond:" in line]
    assert any(f"{scope_column} = " in line for line in conditions), plan


@dataclass(frozen=True, slots=True)
class ListRead:
    """How one list reads its table, for the plan assertions."""

    table: str
    sort_column: str
    bound_columns: Collection[str]
    """Columns the list's equality conditions fix (the owner, an enum filter...)."""
    scope_column: str | None = None
    """A fixed column whose value alone caps the list at a few dozen rows (a program's sessions):
    the planner may sort those instead of streaming them from the sort's index."""
    confined_by: Collection[str] = ()
    """Fixed columns every page's index read must be bounded by (an enum filter with rare values:
    filtering the sort's whole index would read many rows for each row kept)."""


async def assert_pages_read_by_index(
    running_app: TestAppProtocol, list_page: ListCall[QueryT], query: QueryT, read: ListRead
) -> None:
    """Every page of the list is read through an index; unless the list is capped by its scope,
    the sort's own index streams the rows in order on every page but the last."""
    indexes = await ordering_indexes(read.table, read.sort_column, read.bound_columns)
    async with running_app.app.app_context():
        plans = await page_plans(list_page, query, read.table)
    for page in plans:
        context = f"{query!r} at row {page.position}:\n{page.plan}"
        try:
            if read.scope_column is not None:
                assert_scoped_index_read(page.plan, read.scope_column)
                continue
            assert indexes, f"no index gives {read.sort_column} after {read.bound_columns}"
            assert_index_scan(page.plan, indexes, streamed_in_order=page.streamed_in_order)
            if page.position > 0:
                assert_starts_at_cursor(page.plan, read.sort_column)
            for column in read.confined_by:
                assert_confined_by(page.plan, column)
        except AssertionError as error:
            raise AssertionError(context) from error
