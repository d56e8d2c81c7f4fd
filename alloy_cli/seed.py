"""`alloy seed`: load the movement library, the circuits and the default scoring config."""

from alloy_api.circuits import service as circuits_service
from alloy_api.db.lifecycle import close_database, open_database
from alloy_api.db.seeding import SeedReport
from alloy_api.movements import service as movements_service
from alloy_api.scoring import service as scoring_service
from alloy_api.settings import Settings
from alloy_cli.common import console, fail, load_settings, run


async def seed_everything(settings: Settings) -> dict[str, SeedReport]:
    """Each part in its own transaction, in dependency order; existing entries are kept."""
    await open_database(settings)
    try:
        return {
            "movements": await movements_service.seed_library(),
            "circuits": await circuits_service.seed_library(),
            "scoring config": await scoring_service.seed_default(),
        }
    finally:
        await close_database()


def seed() -> None:
    """Add the shipped library (idempotent: what exists by name is skipped)."""
    settings = load_settings()
    try:
        reports = run(seed_everything(settings))
    except Exception as error:
        fail(f"seed failed: {type(error).__name__}: {error}")
    for part, report in reports.items():
        console.print(f"{part}: added {len(report.added)}, skipped {len(report.skipped)}")
