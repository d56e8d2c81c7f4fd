"""Fixtures: a clean database per test (SQLite by default, PostgreSQL when configured) and the app.

`ALLOY_TEST_DATABASE_URL=postgres://...` and `ALLOY_TEST_REDIS_URL=redis://...` switch the suite
to the real services; without them it runs on a SQLite file and the in-process cache.
"""

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
import redis
from quart import Quart
from quart.typing import TestAppProtocol, TestClientProtocol

from alloy_api.app import create_app
from alloy_api.db import migrations
from alloy_api.settings import Settings

pytest_plugins = ["tests.library_support", "tests.servers"]

TEST_DATABASE_URL = os.environ.get("ALLOY_TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("ALLOY_TEST_REDIS_URL")
KEPT_TABLES = ("aerich",)
FAST_PASSWORD_HASHING = {
    "password_hash_time_cost": 1,
    "password_hash_memory_kib": 1024,
    "password_hash_parallelism": 1,
    "login_slowdown_seconds": 0,
}


def _postgres_admin_url(database_url: str) -> tuple[str, str]:
    """The URL of the server's `postgres` database, and the name of the test database."""
    parts = urlsplit(database_url)
    database_name = parts.path.lstrip("/")
    return urlunsplit(parts._replace(scheme="postgresql", path="/postgres")), database_name


async def recreate_postgres_database(database_url: str) -> None:
    admin_url, database_name = _postgres_admin_url(database_url)
    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{database_name}"')
    finally:
        await connection.close()


async def _truncate_postgres(database_url: str) -> None:
    connection = await asyncpg.connect(
        urlunsplit(urlsplit(database_url)._replace(scheme="postgresql"))
    )
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables"
            " WHERE schemaname = 'public' AND NOT tablename = ANY($1)",
            list(KEPT_TABLES),
        )
        if tables:
            names = ", ".join(f'"{row["tablename"]}"' for row in tables)
            await connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()


def base_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "database_url": TEST_DATABASE_URL,
        "redis_url": TEST_REDIS_URL,
        "log_json": True,
        "log_level": "INFO",
        **FAST_PASSWORD_HASHING,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose database has every migration applied, made once per run."""
    template_dir = tmp_path_factory.mktemp("template")
    if TEST_DATABASE_URL:
        asyncio.run(recreate_postgres_database(TEST_DATABASE_URL))
    asyncio.run(migrations.upgrade(base_settings(template_dir)))
    return template_dir


@pytest.fixture
def settings_factory(migrated_template: Path, tmp_path: Path) -> Iterator[Callable[..., Settings]]:
    """Settings for a clean, migrated database; keyword arguments override any setting."""
    data_dir = tmp_path / "data"
    shutil.copytree(migrated_template, data_dir)
    if TEST_DATABASE_URL:
        asyncio.run(_truncate_postgres(TEST_DATABASE_URL))
    if TEST_REDIS_URL:
        redis.Redis.from_url(TEST_REDIS_URL).flushdb()

    def make(**overrides: Any) -> Settings:
        return base_settings(**{"data_dir": data_dir, **overrides})

    yield make


@pytest.fixture
def settings(settings_factory: Callable[..., Settings]) -> Settings:
    return settings_factory()


@pytest.fixture
def app(settings: Settings) -> Quart:
    return create_app(settings)


@pytest.fixture
async def running_app(app: Quart) -> AsyncIterator[TestAppProtocol]:
    async with app.test_app() as test_app:
        yield test_app


@pytest.fixture
def client(running_app: TestAppProtocol) -> TestClientProtocol:
    return running_app.test_client()


@pytest.fixture
def account_factory(running_app: TestAppProtocol, settings: Settings) -> Callable[..., Any]:
    """`await account_factory(role=Role.ADMIN)`: a new account with ready auth headers."""
    from tests.auth.factories import make_account

    async def make(**options: Any) -> Any:
        return await make_account(settings, **options)

    return make


@pytest.fixture
async def user_account(account_factory: Callable[..., Any]) -> Any:
    return await account_factory()


@pytest.fixture
async def other_user_account(account_factory: Callable[..., Any]) -> Any:
    return await account_factory()


@pytest.fixture
async def admin_account(account_factory: Callable[..., Any]) -> Any:
    from alloy_api.auth.roles import Role

    return await account_factory(role=Role.ADMIN)


@pytest.fixture
async def super_admin_account(account_factory: Callable[..., Any]) -> Any:
    from alloy_api.auth.roles import Role

    return await account_factory(role=Role.SUPER_ADMIN)
