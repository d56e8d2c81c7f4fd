"""Tests marked `drill` start private PostgreSQL clusters, Redis servers and `alloy serve`: they
are skipped unless asked for with `-m drill`."""

import asyncio
import os
from collections.abc import Iterator

import pytest

from loadtests.drills.runner import DATABASE, create_database
from loadtests.drills.server import check_alloy
from loadtests.drills.services import Cleanup, PrivatePostgres


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "drill" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="starts private services; run with -m drill")
    for item in items:
        if "drill" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def drill_cleanup() -> Iterator[Cleanup]:
    cleanup = Cleanup()
    yield cleanup
    assert cleanup.run() == []


@pytest.fixture(scope="session")
def private_database(drill_cleanup: Cleanup, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A private cluster with the `alloy` database migrated and seeded through the CLI."""
    cluster = PrivatePostgres(drill_cleanup)
    cluster.init()
    cluster.start()
    asyncio.run(create_database(cluster))
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("ALLOY_")
    }
    environment["ALLOY_DATABASE_URL"] = cluster.url(DATABASE)
    environment["ALLOY_DATA_DIR"] = str(tmp_path_factory.mktemp("alloy-data"))
    check_alloy(environment, "db", "upgrade")
    check_alloy(environment, "seed")
    return cluster.url(DATABASE)
