"""Applying aerich migrations and telling whether a database is current."""

from pathlib import Path

from aerich import Command
from tortoise import connections
from tortoise.exceptions import OperationalError

from alloy_api.db.config import MODELS_APP, tortoise_config
from alloy_api.settings import Settings

AERICH_TABLE = "aerich"


def migration_location(settings: Settings) -> Path:
    return settings.migrations_dir / MODELS_APP


def migration_files(settings: Settings) -> list[str]:
    """Version files in apply order (`0_...py`, `1_...py`, ...)."""
    files = [
        path.name
        for path in migration_location(settings).glob("*.py")
        if path.stem.split("_", 1)[0].isdigit()
    ]
    return sorted(files, key=lambda name: int(name.split("_", 1)[0]))


async def applied_migrations() -> list[str]:
    """Versions recorded in the connected database; empty when it was never migrated."""
    try:
        _, rows = await connections.get("default").execute_query(
            f"SELECT version FROM {AERICH_TABLE} WHERE app = '{MODELS_APP}'"  # noqa: S608
        )
    except OperationalError:
        return []
    return [row["version"] for row in rows]


async def pending_migrations(settings: Settings) -> list[str]:
    applied = set(await applied_migrations())
    return [name for name in migration_files(settings) if name not in applied]


def migration_command(settings: Settings) -> Command:
    if settings.uses_embedded_database:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Command(
        tortoise_config=tortoise_config(settings),
        app=MODELS_APP,
        location=str(settings.migrations_dir),
    )


async def upgrade(settings: Settings) -> list[str]:
    async with migration_command(settings) as command:
        await command.init()
        return await command.upgrade(run_in_transaction=True)


async def downgrade(settings: Settings, version: int) -> list[str]:
    async with migration_command(settings) as command:
        await command.init()
        return await command.downgrade(version=version, delete=False)


async def history(settings: Settings) -> tuple[list[str], list[str]]:
    """All migration files and the ones already applied to the configured database."""
    async with migration_command(settings) as command:
        await command.init()
        return migration_files(settings), await applied_migrations()
