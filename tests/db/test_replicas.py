"""Read replicas: reads go to a replica; writes and transactions to the primary; writers are pinned.

A second database stands in for the replica; the primary and the replica hold different marker
rows, so each response tells which database its read went to.
"""

import asyncio
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from aerich.models import Aerich
from quart import Blueprint, Quart, Response
from tortoise import connections
from tortoise.transactions import in_transaction

from alloy_api.app import create_app
from alloy_api.db import migrations
from alloy_api.db.config import REPLICA_ROUTER, tortoise_config
from alloy_api.db.replicas import PRIMARY
from alloy_api.kit.envelope import respond
from alloy_api.settings import Settings
from tests.conftest import TEST_DATABASE_URL, recreate_postgres_database

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


@pytest.fixture
def app(settings_factory, tmp_path) -> Quart:
    replica = replica_url(tmp_path)
    if TEST_DATABASE_URL:
        asyncio.run(recreate_postgres_database(replica))
    asyncio.run(migrations.upgrade(Settings(database_url=replica, data_dir=tmp_path)))
    application = create_app(settings_factory(database_replica_urls=[replica]))
    application.register_blueprint(probes)
    return application


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
    assert replicated["connections"]["replica_1"].startswith("postgres://alloy@r2/alloy?")
