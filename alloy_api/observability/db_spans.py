"""Database spans: every SQL statement a request sends is a client span under its server span.

Imported only when tracing is on (it needs the `alloy[tracing]` extra); with tracing off nothing
is patched. PostgreSQL is traced by the OpenTelemetry asyncpg instrumentation: every
statement asyncpg sends, transactions and the pool's connection reset included. SQLite is traced
here, at Tortoise's client: aiosqlite runs sqlite3 in a thread of its own, where the request's
span is not current, so instrumenting sqlite3 itself would give orphan spans. Statements keep
their placeholders; parameter values are never recorded. The attributes follow the semantic
conventions that `OTEL_SEMCONV_STABILITY_OPT_IN` selects (`db.statement` by default,
`db.query.text` with `database` or `database/dup`).
"""

import os
from collections.abc import Awaitable, Callable
from typing import Any

import wrapt
from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
from opentelemetry.instrumentation.utils import unwrap
from opentelemetry.trace import SpanKind, Tracer, TracerProvider
from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper

SQLITE_SYSTEM = "sqlite"
SQLITE_STATEMENT_METHODS: dict[type, tuple[str, ...]] = {
    SqliteClient: (
        "execute_insert",
        "execute_many",
        "execute_query",
        "execute_query_dict",
        "execute_script",
    ),
    SqliteTransactionWrapper: ("execute_many",),
}
SQLITE_TRANSACTION_METHODS: dict[str, str] = {
    "begin": "BEGIN",
    "commit": "COMMIT",
    "rollback": "ROLLBACK",
}


SEMCONV_OPT_IN_VARIABLE = "OTEL_SEMCONV_STABILITY_OPT_IN"
OLD_ATTRIBUTES = {"system": "db.system", "name": "db.name", "statement": "db.statement"}
STABLE_ATTRIBUTES = {
    "system": "db.system.name",
    "name": "db.namespace",
    "statement": "db.query.text",
}


def database_attribute_names() -> tuple[dict[str, str], ...]:
    """The attribute names OpenTelemetry's `OTEL_SEMCONV_STABILITY_OPT_IN` asks for, as the asyncpg
    instrumentation reads it: `database` for the stable names, `database/dup` for both."""
    opted_in = {value.strip() for value in os.environ.get(SEMCONV_OPT_IN_VARIABLE, "").split(",")}
    if "database/dup" in opted_in:
        return (OLD_ATTRIBUTES, STABLE_ATTRIBUTES)
    if "database" in opted_in:
        return (STABLE_ATTRIBUTES,)
    return (OLD_ATTRIBUTES,)


def _sqlite_file(client: Any) -> str | None:
    """A transaction's client has no file name of its own: its parent (or theirs) has it."""
    while client is not None:
        filename = getattr(client, "filename", None)
        if filename:
            return filename
        client = getattr(client, "_parent", None)
    return None


def operation_name(statement: str) -> str:
    words = statement.split(maxsplit=1)
    return words[0].upper() if words else SQLITE_SYSTEM


class SqliteSpans:
    """Wraps Tortoise's SQLite client methods so that each statement runs inside a span."""

    def __init__(self, tracer: Tracer, attribute_names: tuple[dict[str, str], ...]) -> None:
        self._tracer = tracer
        self._attribute_names = attribute_names

    def _attributes(self, statement: str, client: Any) -> dict[str, Any]:
        values = {"system": SQLITE_SYSTEM, "name": _sqlite_file(client), "statement": statement}
        return {
            names[key]: value
            for names in self._attribute_names
            for key, value in values.items()
            if value
        }

    async def _traced(self, statement: str, client: Any, call: Callable[[], Awaitable[Any]]) -> Any:
        attributes = self._attributes(statement, client)
        with self._tracer.start_as_current_span(
            operation_name(statement), kind=SpanKind.CLIENT, attributes=attributes
        ):
            return await call()

    async def statement(
        self, wrapped: Callable[..., Awaitable[Any]], client: Any, args: Any, kwargs: Any
    ) -> Any:
        query = args[0] if args else kwargs["query"]
        return await self._traced(query, client, lambda: wrapped(*args, **kwargs))

    def transaction(self, statement: str) -> Callable[..., Awaitable[Any]]:
        async def traced(
            wrapped: Callable[..., Awaitable[Any]], client: Any, args: Any, kwargs: Any
        ) -> Any:
            return await self._traced(statement, client, lambda: wrapped(*args, **kwargs))

        return traced

    def install(self) -> None:
        for owner, methods in SQLITE_STATEMENT_METHODS.items():
            for method in methods:
                wrapt.wrap_function_wrapper(owner, method, self.statement)
        for method, statement in SQLITE_TRANSACTION_METHODS.items():
            wrapt.wrap_function_wrapper(
                SqliteTransactionWrapper, method, self.transaction(statement)
            )

    @staticmethod
    def uninstall() -> None:
        for owner, methods in SQLITE_STATEMENT_METHODS.items():
            for method in methods:
                unwrap(owner, method)
        for method in SQLITE_TRANSACTION_METHODS:
            unwrap(SqliteTransactionWrapper, method)


def instrument_databases(provider: TracerProvider) -> None:
    """Patches the process's database clients once; `uninstrument_databases` undoes it."""
    if AsyncPGInstrumentor().is_instrumented_by_opentelemetry:
        return
    AsyncPGInstrumentor().instrument(tracer_provider=provider)
    tracer = provider.get_tracer(__name__)
    SqliteSpans(tracer, database_attribute_names()).install()


def uninstrument_databases() -> None:
    if not AsyncPGInstrumentor().is_instrumented_by_opentelemetry:
        return
    AsyncPGInstrumentor().uninstrument()
    SqliteSpans.uninstall()
