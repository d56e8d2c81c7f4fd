"""Writing a new migration that runs on both PostgreSQL and SQLite.

aerich writes SQL for one dialect. `author_migration` asks it, offline, for the PostgreSQL and the
SQLite SQL of the same model change, and writes one version file that picks the SQL by the
dialect of the database it runs against.
"""

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aerich import Command
from aerich.migrate import Migrate
from tortoise import Tortoise

from alloy_api.db.config import MODELS_APP, tortoise_config
from alloy_api.settings import Settings

OFFLINE_URLS = {
    "postgres": "postgres://alloy@127.0.0.1:1/alloy_offline",
    "sqlite": "sqlite://:memory:",
}

VERSION_TEMPLATE = """from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {upgrade!r}

DOWNGRADE = {downgrade!r}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = {models_state!r}
"""


class NothingToMigrateError(RuntimeError):
    """The models match the last migration."""


async def _generate_for_dialect(dialect: str, location: Path, name: str) -> str | None:
    """One dialect's version file, written by aerich into `location`; None when nothing changed."""
    settings = Settings(database_url=OFFLINE_URLS[dialect], migrations_dir=location)
    command = Command(tortoise_config(settings), app=MODELS_APP, location=str(location))
    try:
        if not any((location / MODELS_APP).glob("*.py")):
            await command.init_migrations(safe=True)
            return Migrate.get_last_version_file()
        await command.init(offline=True)
        return await command.migrate(name=name, no_input=True, offline=True) or None
    finally:
        await Tortoise.close_connections()


def _run_dialect_in_subprocess(dialect: str, location: Path, name: str) -> Path | None:
    """aerich keeps class-level state per dialect, so each dialect runs in a fresh interpreter."""
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "alloy_api.db.authoring", dialect, str(location), name],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"aerich failed for {dialect}: {completed.stderr.strip()[-2000:]}")
    version = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else ""
    if not version:
        return None
    return location / MODELS_APP / (version if version.endswith(".py") else f"{version}.py")


def _load_version(path: Path) -> tuple[str, str, str]:
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102

    class _Dialect:
        def __init__(self, dialect: str) -> None:
            self.capabilities = type("Capabilities", (), {"dialect": dialect})()

    upgrade_sql = asyncio.run(namespace["upgrade"](_Dialect("any")))  # type: ignore[operator]
    downgrade_sql = asyncio.run(namespace["downgrade"](_Dialect("any")))  # type: ignore[operator]
    return upgrade_sql.strip(), downgrade_sql.strip(), str(namespace["MODELS_STATE"])


def author_migration(settings: Settings, name: str) -> Path:
    """Write the next version file into the project's migrations; return its path."""
    target_dir = settings.migrations_dir / MODELS_APP
    target_dir.mkdir(parents=True, exist_ok=True)
    upgrade: dict[str, str] = {}
    downgrade: dict[str, str] = {}
    models_state = ""
    version_name = ""
    with tempfile.TemporaryDirectory() as scratch:
        for dialect in OFFLINE_URLS:
            location = Path(scratch, dialect)
            shutil.copytree(settings.migrations_dir, location, dirs_exist_ok=True)
            (location / MODELS_APP).mkdir(parents=True, exist_ok=True)
            version_path = _run_dialect_in_subprocess(dialect, location, name)
            if version_path is None:
                raise NothingToMigrateError("the models match the last migration")
            upgrade[dialect], downgrade[dialect], models_state = _load_version(version_path)
            version_name = version_path.name
    target = target_dir / version_name
    target.write_text(
        VERSION_TEMPLATE.format(upgrade=upgrade, downgrade=downgrade, models_state=models_state),
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    dialect_name, location_arg, migration_name = sys.argv[1:4]
    written = asyncio.run(_generate_for_dialect(dialect_name, Path(location_arg), migration_name))
    print(written or "")
