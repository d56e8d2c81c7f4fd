"""`alloy seed`: the whole library the first time, nothing the second."""

import asyncio

from alloy_api.audit.models import AuditEvent
from alloy_api.db.lifecycle import close_database, open_database
from alloy_api.settings import Settings
from tests.conftest import TEST_DATABASE_URL
from tests.test_migrations import alloy


async def library_seeded_events(settings: Settings) -> list[tuple[str, str]]:
    await open_database(settings)
    try:
        events = await AuditEvent.filter(action="library_seeded").order_by("created_at")
        return [(event.target_type, event.actor) for event in events]
    finally:
        await close_database()


def test_seed_twice_adds_nothing_the_second_time(settings) -> None:
    environment = {"ALLOY_DATA_DIR": str(settings.data_dir)}
    if TEST_DATABASE_URL:
        environment["ALLOY_DATABASE_URL"] = TEST_DATABASE_URL
    first = alloy("seed", environment=environment)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "movements: added 150, skipped 0",
        "circuits: added 22, skipped 0",
        "scoring config: added 1, skipped 0",
    ]
    audited = asyncio.run(library_seeded_events(settings))
    assert [(part, actor.startswith("cli:")) for part, actor in audited] == [
        ("movement", True),
        ("circuit", True),
        ("scoring_config", True),
    ]
    second = alloy("seed", environment=environment)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == [
        "movements: added 0, skipped 150",
        "circuits: added 0, skipped 22",
        "scoring config: added 0, skipped 1",
    ]


def test_seed_reports_an_unreachable_database_in_one_line(tmp_path) -> None:
    completed = alloy(
        "seed",
        environment={
            "ALLOY_DATA_DIR": str(tmp_path),
            "ALLOY_DATABASE_URL": "postgres://a@127.0.0.1:1/x",
        },
    )
    assert completed.returncode == 1
    assert completed.stderr.startswith("error: ")
    assert len(completed.stderr.strip().splitlines()) == 1
