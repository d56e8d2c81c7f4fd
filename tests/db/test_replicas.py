"""Read replicas: reads go to a replica; writes and transactions to the primary; writers are pinned.

A second database stands in for the replica; the primary and the replica hold different marker
rows, so each response tells which database its read went to.
"""

import asyncio
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from aerich.models import Aerich
from quart import Blueprint, Quart, Response
from tortoise import connections
from tortoise.transactions import in_transaction

from alloy_api.app import create_app
from alloy_api.db import migrations
from alloy_api.db.config import REPLICA_ROUTER, tortoise_config
from alloy_api.db.replicas import PRIMARY, failing_replicas
from alloy_api.kit.envelope import respond
from alloy_api.settings import Settings
from tests.conftest import TEST_DATABASE_URL, _postgres_admin_url, recreate_postgres_database

MARKER_APP = "replica_probe"
probes = Blueprint("replica_probes", __name__, url_prefix="/v1/replica_probes")


async def latest_marker() -> str:
    row = await Aerich.filter(app=MARKER_APP).order_by("-id").first()
    return row.version if row else "none"


@probes.get("")
async def read_marker() -> Response:
    return respond({"read": await latest_marker()})


@probes.post("")
async def write_then_read() -> Response:
    await Aerich.create(version="written", app=MARKER_APP, content={})
    return respond({"read": await latest_marker()}, HTTPStatus.CREATED)


@probes.post("/transactions")
async def read_in_transaction() -> Response:
    async with in_transaction(PRIMARY):
        read = await latest_marker()
    return respond({"read": read}, HTTPStatus.CREATED)


def replica_url(tmp_path: Path) -> str:
    if TEST_DATABASE_URL is None:
        return f"sqlite://{tmp_path / 'replica.sqlite3'}"
    parts = urlsplit(TEST_DATABASE_URL)
    return urlunsplit(parts._replace(path=f"{parts.path}_replica"))


async def mark(connection_name: str, marker: str) -> None:
    await connections.get(connection_name).execute_query(
        "INSERT INTO aerich (version, app, content) VALUES ($1, $2, '{}')"
        if TEST_DATABASE_URL
        else "INSERT INTO aerich (version, app, content) VALUES (?, ?, '{}')",
        [marker, MARKER_APP],
    )


def replicated_app(settings: Settings) -> Quart:
    application = create_app(settings)
    application.register_blueprint(probes)
    return application


@pytest.fixture
def replica(tmp_path) -> str:
    """The URL of a migrated, empty database standing in for a replica."""
    url = replica_url(tmp_path)
    if TEST_DATABASE_URL:
        asyncio.run(recreate_postgres_database(url))
    asyncio.run(migrations.upgrade(Settings(database_url=url, data_dir=tmp_path)))
    return url


@pytest.fixture
def app(settings_factory, replica) -> Quart:
    return replicated_app(settings_factory(database_replica_urls=[replica]))


async def read(client, method: str, path: str = "/v1/replica_probes") -> str:
    response = await client.open(path, method=method, json={} if method == "POST" else None)
    assert response.status_code < 300, await response.get_data()
    return (await response.get_json())["data"]["read"]


async def test_reads_writes_transactions_and_pinning_go_where_they_should(client) -> None:
    await mark(PRIMARY, "primary")
    await mark("replica_0", "replica")
    assert await read(client, "GET") == "replica"
    assert await read(client, "POST") == "written"
    assert await read(client, "GET") == "replica"
    assert await read(client, "POST", "/v1/replica_probes/transactions") == "written"


def test_replicas_are_configured_only_when_named(tmp_path) -> None:
    plain = tortoise_config(Settings(data_dir=tmp_path))
    replicated = tortoise_config(
        Settings(
            database_url="postgres://alloy@db/alloy",
            database_replica_urls="postgres://alloy@r1/alloy, postgres://alloy@r2/alloy",
        )
    )
    assert "routers" not in plain
    assert list(plain["connections"]) == [PRIMARY]
    assert replicated["routers"] == [REPLICA_ROUTER]
    assert list(replicated["connections"]) == [PRIMARY, "replica_0", "replica_1"]
    assert replicated["connections"]["replica_1"]["credentials"]["host"] == "r2"


UNREACHABLE_PASSWORD = "replica-secret-pw"
UNREACHABLE_REPLICA = f"postgres://alloy:{UNREACHABLE_PASSWORD}@127.0.0.1:1/alloy"
on_postgres_only = pytest.mark.skipif(
    TEST_DATABASE_URL is None,
    reason="replicas are PostgreSQL; Tortoise's SQLite client cannot reopen a failed file",
)


async def readiness(client) -> tuple[int, dict, str]:
    response = await client.get("/health/ready")
    text = await response.get_data(as_text=True)
    return response.status_code, (await response.get_json())["data"], text


async def test_readiness_checks_each_replica_without_showing_its_url(client, replica) -> None:
    status, data, text = await readiness(client)
    assert status == 200
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "migrations", "cache", "replica_0"}
    assert data["checks"]["replica_0"]["status"] == "ok"
    assert data["checks"]["replica_0"]["latency_ms"] >= 0
    assert replica not in text


@on_postgres_only
async def test_a_failing_replica_degrades_readiness_and_its_reads_go_elsewhere(
    settings_factory, replica
) -> None:
    settings = settings_factory(
        database_replica_urls=[replica, UNREACHABLE_REPLICA], database_replica_check_seconds=0
    )
    async with replicated_app(settings).test_app() as test_app:
        client = test_app.test_client()
        await mark("replica_0", "replica")
        assert await read(client, "GET") == "replica"
        unchecked = await client.get("/v1/replica_probes")
        assert unchecked.status_code == 503
        status, data, text = await readiness(client)
        reads = [await read(client, "GET") for _ in range(4)]
    assert status == 200
    assert data["status"] == "degraded"
    assert data["checks"]["replica_0"]["status"] == "ok"
    assert data["checks"]["replica_1"]["status"] == "failing"
    assert data["checks"]["database"]["status"] == "ok"
    assert UNREACHABLE_PASSWORD not in text
    assert reads == ["replica"] * 4


@on_postgres_only
async def test_reads_go_to_the_primary_while_no_replica_answers(settings_factory) -> None:
    settings = settings_factory(
        database_replica_urls=[UNREACHABLE_REPLICA], database_replica_check_seconds=0
    )
    async with replicated_app(settings).test_app() as test_app:
        client = test_app.test_client()
        await mark(PRIMARY, "primary")
        status, data, _ = await readiness(client)
        read_after_check = await read(client, "GET")
    assert (status, data["status"]) == (200, "degraded")
    assert read_after_check == "primary"


async def allow_connections(database_url: str, allowed: bool) -> None:
    admin_url, database_name = _postgres_admin_url(database_url)
    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(
            f'ALTER DATABASE "{database_name}" WITH ALLOW_CONNECTIONS {str(allowed).lower()}'
        )
    finally:
        await connection.close()


@on_postgres_only
async def test_a_replica_takes_reads_again_once_a_check_finds_it_answering(
    settings_factory, replica
) -> None:
    await allow_connections(replica, allowed=False)
    settings = settings_factory(database_replica_urls=[replica], database_replica_check_seconds=0)
    try:
        async with replicated_app(settings).test_app() as test_app:
            client = test_app.test_client()
            await mark(PRIMARY, "primary")
            _, before, _ = await readiness(client)
            read_before = await read(client, "GET")
            await allow_connections(replica, allowed=True)
            await mark("replica_0", "replica")
            _, after, _ = await readiness(client)
            read_after = await read(client, "GET")
    finally:
        await allow_connections(replica, allowed=True)
    assert (before["checks"]["replica_0"]["status"], read_before) == ("failing", "primary")
    assert (after["checks"]["replica_0"]["status"], read_after) == ("ok", "replica")


@on_postgres_only
async def test_the_periodic_check_takes_a_failing_replica_out_of_the_reads(
    settings_factory,
) -> None:
    settings = settings_factory(
        database_replica_urls=[UNREACHABLE_REPLICA], database_replica_check_seconds=0.01
    )
    async with replicated_app(settings).test_app() as test_app:
        client = test_app.test_client()
        await mark(PRIMARY, "primary")
        for _ in range(500):
            if "replica_0" in failing_replicas():
                break
            await asyncio.sleep(0.01)
        assert "replica_0" in failing_replicas()
        assert await read(client, "GET") == "primary"
