"""`alloy db` on empty databases of both backends, and models that match their migrations."""

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from tortoise import connections

from alloy_api.auth.models import RefreshToken
from alloy_api.db import migrations
from alloy_api.db.lifecycle import close_database, open_database
from alloy_api.settings import Settings
from tests.conftest import TEST_DATABASE_URL, recreate_postgres_database

FRESH_POSTGRES_SUFFIX = "_fresh"


def alloy(*arguments: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def empty_database_urls(tmp_path: Path) -> list[str]:
    urls = [f"sqlite://{tmp_path / 'empty.sqlite3'}"]
    if TEST_DATABASE_URL:
        fresh_url = TEST_DATABASE_URL + FRESH_POSTGRES_SUFFIX
        asyncio.run(recreate_postgres_database(fresh_url))
        urls.append(fresh_url)
    return urls


def test_upgrade_applies_every_migration_to_an_empty_database(tmp_path) -> None:
    for database_url in empty_database_urls(tmp_path):
        environment = {"ALLOY_DATA_DIR": str(tmp_path), "ALLOY_DATABASE_URL": database_url}
        first = alloy("db", "upgrade", environment=environment)
        assert first.returncode == 0, first.stderr
        assert "applied" in first.stdout
        second = alloy("db", "upgrade", environment=environment)
        assert "nothing to apply" in second.stdout
        history = alloy("db", "history", environment=environment)
        assert history.returncode == 0
        for name in migrations.migration_files(Settings(data_dir=tmp_path)):
            assert name.removesuffix(".py") in history.stdout


def test_upgrade_reports_an_unreachable_database_in_one_line(tmp_path) -> None:
    completed = alloy(
        "db",
        "upgrade",
        environment={
            "ALLOY_DATA_DIR": str(tmp_path),
            "ALLOY_DATABASE_URL": "postgres://a@127.0.0.1:1/x",
        },
    )
    assert completed.returncode == 1
    assert len(completed.stderr.strip().splitlines()) == 1
    assert completed.stderr.startswith("error: upgrade failed")


def test_every_version_file_has_sql_for_both_backends(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    for name in migrations.migration_files(settings):
        namespace: dict = {}
        source = (migrations.migration_location(settings) / name).read_text(encoding="utf-8")
        exec(compile(source, name, "exec"), namespace)  # noqa: S102 - our own migration file
        assert set(namespace["UPGRADE"]) == {"postgres", "sqlite"}, name
        assert set(namespace["DOWNGRADE"]) == {"postgres", "sqlite"}, name


def test_models_match_the_last_migration(tmp_path) -> None:
    scratch_migrations = tmp_path / "migrations"
    shutil.copytree(Settings().migrations_dir, scratch_migrations)
    completed = alloy(
        "db",
        "migrate",
        "--name",
        "probe",
        environment={
            "ALLOY_DATA_DIR": str(tmp_path),
            "ALLOY_MIGRATIONS_DIR": str(scratch_migrations),
        },
    )
    assert completed.returncode == 1
    assert "no model changes" in completed.stderr


FAMILY_AGE_MIGRATION = "refresh_family_age"
FAMILY_STARTED_AT = datetime(2026, 1, 1, tzinfo=UTC)
TOKENS_OF_ONE_FAMILY_BEFORE_FAMILY_AGE = """
INSERT INTO "users" ("id", "email", "name", "password_hash", "role", "is_active",
    "token_version", "created_at", "updated_at")
VALUES ('0193a000-0000-7000-8000-000000000001', 'old@example.com', 'Old', 'x', 'user', TRUE, 1,
    '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00');
INSERT INTO "refresh_tokens" ("id", "user_id", "token_hash", "family_id", "parent_id",
    "expires_at", "created_at")
VALUES ('0193a000-0000-7000-8000-00000000000a', '0193a000-0000-7000-8000-000000000001', 'a',
    '0193a000-0000-7000-8000-0000000000ff', NULL, '2026-01-31 00:00:00+00:00',
    '2026-01-01 00:00:00+00:00'),
    ('0193a000-0000-7000-8000-00000000000b', '0193a000-0000-7000-8000-000000000001', 'b',
    '0193a000-0000-7000-8000-0000000000ff', '0193a000-0000-7000-8000-00000000000a',
    '2026-02-10 00:00:00+00:00', '2026-01-11 00:00:00+00:00');
"""


def run_with_database(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    async def session() -> Any:
        await open_database(settings)
        try:
            return await work()
        finally:
            await close_database()

    return asyncio.run(session())


def test_family_age_migration_starts_existing_families_at_their_first_token(tmp_path) -> None:
    [version_file] = [
        name
        for name in migrations.migration_files(Settings(data_dir=tmp_path))
        if FAMILY_AGE_MIGRATION in name
    ]
    version = version_file.split("_", 1)[0]
    for database_url in empty_database_urls(tmp_path):
        environment = {"ALLOY_DATA_DIR": str(tmp_path), "ALLOY_DATABASE_URL": database_url}
        settings = Settings(data_dir=tmp_path, database_url=database_url)
        assert alloy("db", "upgrade", environment=environment).returncode == 0
        rolled_back = alloy(
            "db", "downgrade", "--version", version, "--yes", environment=environment
        )
        assert rolled_back.returncode == 0, rolled_back.stderr

        async def insert_old_tokens() -> None:
            await connections.get("default").execute_script(TOKENS_OF_ONE_FAMILY_BEFORE_FAMILY_AGE)

        run_with_database(settings, insert_old_tokens)
        upgraded = alloy("db", "upgrade", environment=environment)
        assert upgraded.returncode == 0, upgraded.stderr

        async def family_starts() -> list[datetime]:
            tokens = await RefreshToken.all().order_by("created_at")
            return [token.family_started_at for token in tokens]

        assert run_with_database(settings, family_starts) == [FAMILY_STARTED_AT] * 2


async def index_definitions(database_url: str) -> set[str]:
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://")
        with sqlite3.connect(path) as connection:
            rows = connection.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall()
        return {row[0] for row in rows}
    connection = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await connection.fetch("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")
    finally:
        await connection.close()
    return {row["indexdef"] for row in rows}


def test_rolling_back_the_last_migration_restores_the_indexes_before_it_and_back(
    tmp_path,
) -> None:
    settings = Settings(data_dir=tmp_path)
    all_but_last = tmp_path / "all_but_last"
    shutil.copytree(settings.migrations_dir, all_but_last)
    last = migrations.migration_files(settings)[-1]
    (migrations.migration_location(Settings(migrations_dir=all_but_last)) / last).unlink()
    for database_url in empty_database_urls(tmp_path):
        environment = {"ALLOY_DATA_DIR": str(tmp_path), "ALLOY_DATABASE_URL": database_url}
        before_last = {**environment, "ALLOY_MIGRATIONS_DIR": str(all_but_last)}
        assert alloy("db", "upgrade", environment=before_last).returncode == 0
        before = asyncio.run(index_definitions(database_url))
        assert alloy("db", "upgrade", environment=environment).returncode == 0
        after = asyncio.run(index_definitions(database_url))
        rolled_back = alloy("db", "downgrade", "--yes", environment=environment)
        assert rolled_back.returncode == 0, rolled_back.stderr
        assert asyncio.run(index_definitions(database_url)) == before
        again = alloy("db", "upgrade", environment=environment)
        assert again.returncode == 0, again.stderr
        assert asyncio.run(index_definitions(database_url)) == after


SUBSTITUTIONS_MIGRATION = "top_set_substitutions"


async def top_set_columns(database_url: str) -> set[str]:
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as connection:
            return {row[1] for row in connection.execute('PRAGMA table_info("top_set")')}
    connection = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await connection.fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'top_set'"
        )
    finally:
        await connection.close()
    return {row["column_name"] for row in rows}


def test_the_substitution_column_comes_and_goes_with_its_migration(tmp_path) -> None:
    [version_file] = [
        name
        for name in migrations.migration_files(Settings(data_dir=tmp_path))
        if SUBSTITUTIONS_MIGRATION in name
    ]
    version = version_file.split("_", 1)[0]
    for database_url in empty_database_urls(tmp_path):
        environment = {"ALLOY_DATA_DIR": str(tmp_path), "ALLOY_DATABASE_URL": database_url}
        assert alloy("db", "upgrade", environment=environment).returncode == 0
        assert "substitutes_exercise_id" in asyncio.run(top_set_columns(database_url))
        rolled_back = alloy(
            "db", "downgrade", "--version", version, "--yes", environment=environment
        )
        assert rolled_back.returncode == 0, rolled_back.stderr
        columns = asyncio.run(top_set_columns(database_url))
        assert "substitutes_exercise_id" not in columns and "estimated_1rm_kg" in columns
        upgraded = alloy("db", "upgrade", environment=environment)
        assert upgraded.returncode == 0, upgraded.stderr
        assert "substitutes_exercise_id" in asyncio.run(top_set_columns(database_url))


DURABILITY_MIGRATION = "durable_idempotency_and_outbox"
DURABILITY_TABLES = {"idempotency_keys", "cache_invalidations"}


async def table_names(database_url: str) -> set[str]:
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return {row[0] for row in rows}
    connection = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await connection.close()
    return {row["tablename"] for row in rows}


def test_the_idempotency_and_outbox_tables_come_and_go_with_their_migration(tmp_path) -> None:
    [version_file] = [
        name
        for name in migrations.migration_files(Settings(data_dir=tmp_path))
        if DURABILITY_MIGRATION in name
    ]
    version = version_file.split("_", 1)[0]
    for database_url in empty_database_urls(tmp_path):
        environment = {"ALLOY_DATA_DIR": str(tmp_path), "ALLOY_DATABASE_URL": database_url}
        assert alloy("db", "upgrade", environment=environment).returncode == 0
        assert asyncio.run(table_names(database_url)) >= DURABILITY_TABLES
        rolled_back = alloy(
            "db", "downgrade", "--version", version, "--yes", environment=environment
        )
        assert rolled_back.returncode == 0, rolled_back.stderr
        tables = asyncio.run(table_names(database_url))
        assert not DURABILITY_TABLES & tables and "audit_events" in tables
        upgraded = alloy("db", "upgrade", environment=environment)
        assert upgraded.returncode == 0, upgraded.stderr
        assert asyncio.run(table_names(database_url)) >= DURABILITY_TABLES
