"""Database spans: each SQL statement of a request is a client span under its server span.

Runs on whichever backend the suite runs on (SQLite by default, PostgreSQL with
`ALLOY_TEST_DATABASE_URL`), so both are covered.
"""

from urllib.parse import urlsplit

import asyncpg
import pytest
import wrapt
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from quart import Quart
from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper

from alloy_api.app import create_app
from alloy_api.observability.db_spans import SEMCONV_OPT_IN_VARIABLE, database_attribute_names
from alloy_api.observability.tracing import TRACER_PROVIDER_KEY
from alloy_api.settings import Settings
from tests.conftest import TEST_DATABASE_URL
from tests.programs.support import seeded_program

PATCHED_METHODS = (
    (asyncpg.connection.Connection, "fetch"),
    (asyncpg.connection.Connection, "execute"),
    (SqliteClient, "execute_query"),
    (SqliteTransactionWrapper, "execute_many"),
)


@pytest.fixture
def finished() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def app(settings_factory, finished) -> Quart:
    application = create_app(settings_factory(otel_traces_exporter="console"))
    application.extensions[TRACER_PROVIDER_KEY].add_span_processor(SimpleSpanProcessor(finished))
    return application


def expected_system_and_name(settings: Settings) -> tuple[str, str]:
    url = urlsplit(settings.resolved_database_url)
    if url.scheme == "sqlite":
        return "sqlite", f"{url.netloc}{url.path}"
    return "postgresql", url.path.lstrip("/")


def server_span(spans: tuple[ReadableSpan, ...], name: str) -> ReadableSpan:
    [span] = [span for span in spans if span.kind is SpanKind.SERVER and span.name == name]
    return span


def database_children(spans: tuple[ReadableSpan, ...], parent: ReadableSpan) -> list[ReadableSpan]:
    return [
        span
        for span in spans
        if span.kind is SpanKind.CLIENT
        and span.parent is not None
        and span.parent.span_id == parent.context.span_id
    ]


def assert_reads_traced(
    spans: tuple[ReadableSpan, ...], route: str, table: str, secret: str, settings: Settings
) -> None:
    server = server_span(spans, route)
    children = database_children(spans, server)
    statements = [child.attributes["db.statement"] for child in children]
    system, database = expected_system_and_name(settings)
    assert any(
        statement.startswith("SELECT") and f'"{table}"' in statement for statement in statements
    ), statements
    for child in children:
        assert child.context.trace_id == server.context.trace_id
        assert child.attributes["db.system"] == system
        assert child.attributes["db.name"] == database
        assert child.name == child.attributes["db.statement"].split()[0].upper()
        assert "db.statement.parameters" not in child.attributes
        assert secret not in child.attributes["db.statement"]


async def test_reading_a_program_traces_its_statements(
    client, user_account, finished, settings
) -> None:
    program = await seeded_program(client, user_account.headers)
    finished.clear()
    response = await client.get(f"/v1/programs/{program['id']}", headers=user_account.headers)
    assert response.status_code == 200
    assert_reads_traced(
        finished.get_finished_spans(),
        "GET /v1/programs/{program_id}",
        "program",
        program["id"],
        settings,
    )


async def test_reading_a_movement_traces_its_statements(
    client, user_account, finished, settings
) -> None:
    created = await client.post(
        "/v1/movements",
        json={"name": "Traced Squat", "pattern": "squat", "primary_muscle": "quadriceps"},
        headers=user_account.headers,
    )
    movement = (await created.get_json())["data"]
    finished.clear()
    response = await client.get(f"/v1/movements/{movement['id']}", headers=user_account.headers)
    assert response.status_code == 200
    assert_reads_traced(
        finished.get_finished_spans(),
        "GET /v1/movements/{movement_id}",
        "movement",
        movement["id"],
        settings,
    )


async def test_a_program_write_traces_its_transaction(client, user_account, finished) -> None:
    await seeded_program(client, user_account.headers)
    server = server_span(finished.get_finished_spans(), "POST /v1/programs")
    statements = [
        child.attributes["db.statement"]
        for child in database_children(finished.get_finished_spans(), server)
    ]
    assert any(statement.startswith("BEGIN") for statement in statements), statements
    assert any(statement.startswith("COMMIT") for statement in statements), statements
    assert any(
        statement.startswith("INSERT") and '"program_session"' in statement
        for statement in statements
    ), statements


def is_patched(owner: type, method: str) -> bool:
    return isinstance(owner.__dict__[method], wrapt.FunctionWrapper)


async def test_database_clients_are_patched_only_while_a_tracing_app_serves(
    app, settings_factory
) -> None:
    async with create_app(settings_factory()).test_app():
        assert not any(is_patched(owner, method) for owner, method in PATCHED_METHODS)
    async with app.test_app():
        assert all(is_patched(owner, method) for owner, method in PATCHED_METHODS)
    assert not any(is_patched(owner, method) for owner, method in PATCHED_METHODS)


@pytest.mark.skipif(TEST_DATABASE_URL is None, reason="the pool reset is asyncpg's")
async def test_connections_go_back_to_the_pool_without_a_reset_statement(
    client, user_account, finished
) -> None:
    finished.clear()
    response = await client.get("/v1/programs", headers=user_account.headers)
    assert response.status_code == 200
    statements = [
        str(span.attributes.get("db.statement", "")) for span in finished.get_finished_spans()
    ]
    assert any('"program"' in statement for statement in statements), statements
    assert not any("RESET ALL" in statement for statement in statements), statements


@pytest.mark.parametrize(
    ("opt_in", "statement_names"),
    [
        (None, ["db.statement"]),
        ("http, database", ["db.query.text"]),
        ("database/dup", ["db.statement", "db.query.text"]),
    ],
)
def test_sqlite_spans_name_their_attributes_as_the_opt_in_variable_asks(
    monkeypatch, opt_in, statement_names
) -> None:
    if opt_in is None:
        monkeypatch.delenv(SEMCONV_OPT_IN_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(SEMCONV_OPT_IN_VARIABLE, opt_in)
    names = database_attribute_names()
    assert [each["statement"] for each in names] == statement_names
