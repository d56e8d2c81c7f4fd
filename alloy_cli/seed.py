"""`alloy seed`: load the movement library, the circuits and the default scoring config."""

from alloy_api.auth.dependencies import Principal
from alloy_api.circuits import service as circuits_service
from alloy_api.db.seeding import SeedReport
from alloy_api.movements import service as movements_service
from alloy_api.scoring import service as scoring_service
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console


async def seed_everything(principal: Principal) -> dict[str, SeedReport]:
    """Each part in its own transaction, in dependency order; existing entries are kept."""
    return {
        "movements": await movements_service.seed_library(principal=principal),
        "circuits": await circuits_service.seed_library(principal=principal),
        "scoring config": await scoring_service.seed_default(principal),
    }


def seed() -> None:
    """Add the shipped library (idempotent: what exists by name is skipped); audited."""
    principal = operator()

    async def work(_: Settings) -> dict[str, SeedReport]:
        return await seed_everything(principal)

    reports = with_database(work)
    for part, report in reports.items():
        console.print(f"{part}: added {len(report.added)}, skipped {len(report.skipped)}")


def seed_summary(reports: dict[str, SeedReport]) -> str:
    return ", ".join(f"{part} +{len(report.added)}" for part, report in reports.items())
