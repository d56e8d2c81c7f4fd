"""Reconciliation against a real, migrated database with rows written here: programs complete or
missing a part, two programs under one key, a write the client never heard of, movement edits."""

import asyncio
from datetime import date, timedelta
from uuid import UUID, uuid4

import asyncpg
import orjson
import pytest

from loadtests.drills.ledger import Edit, Intent, Outcome
from loadtests.drills.reconcile import reconcile

pytestmark = pytest.mark.drill
PREFIX = "drill test postgres_stopped "
START = date(2026, 12, 7)
WEEKS = 2
DAYS = 2


def new_id() -> str:
    return str(uuid4())


def name(number: int) -> str:
    return f"{PREFIX}postgres_stopped-{number:05d}"


async def insert_program(
    connection: asyncpg.Connection,
    movement_id: str,
    name: str,
    *,
    weeks_stored: int = WEEKS,
    sessions_in_first_week: int = DAYS,
    empty_session: bool = False,
) -> str:
    """A program of WEEKS weeks and DAYS days, with what the keyword arguments take away."""
    program_id = new_id()
    await connection.execute(
        """INSERT INTO program (id, owner_id, name, start_date, duration_weeks, days_per_week,
           max_session_minutes, progression_style, deload_every_n_microcycles, goals, disciplines,
           is_active, scoring_config_version, seed, session_count, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 60, 'linear', 4, $7, $7, false, 1, 1, $8,
                   now(), now())""",
        UUID(program_id), UUID(new_id()), name, START, WEEKS, DAYS, orjson.dumps([]).decode(),
        WEEKS * DAYS,
    )  # fmt: skip
    for week in range(1, weeks_stored + 1):
        cycle_id = UUID(new_id())
        await connection.execute(
            """INSERT INTO microcycle (id, sequence, start_date, length_days, is_deload, status,
               program_id) VALUES ($1, $2, $3, 7, false, 'planned', $4)""",
            cycle_id, week, START + timedelta(weeks=week - 1), UUID(program_id),
        )  # fmt: skip
        days = sessions_in_first_week if week == 1 else DAYS
        for day in range(1, days + 1):
            session_id = UUID(new_id())
            await connection.execute(
                """INSERT INTO program_session (id, date, day_number, session_type,
                   intent_patterns, status, estimated_minutes, created_at, updated_at,
                   microcycle_id, program_id)
                   VALUES ($1, $2, $3, 'full_body', '[]', 'planned', 60, now(), now(), $4, $5)""",
                session_id, START + timedelta(days=day), day, cycle_id, UUID(program_id),
            )  # fmt: skip
            if empty_session and week == WEEKS and day == DAYS:
                continue
            await connection.execute(
                """INSERT INTO session_exercise (id, role, position, target_sets, rep_range_min,
                   rep_range_max, rest_seconds, movement_id, session_id)
                   VALUES ($1, 'main', 1, 3, 5, 8, 120, $2, $3)""",
                UUID(new_id()), UUID(movement_id), session_id,
            )  # fmt: skip
    return program_id


def intent(number: int, program_id: str | None) -> Intent:
    return Intent(
        ledger_id=f"postgres_stopped-{number:05d}",
        key=f"key-{number}",
        name=name(number),
        owner="trainee@example.com",
        body=b"{}",
        started_at=0.0,
        outcome=Outcome.ACKNOWLEDGED if program_id else Outcome.UNRESOLVED,
        program_id=program_id,
    )


async def write_rows(url: str) -> tuple[list[Intent], list[Edit], list[str]]:
    connection = await asyncpg.connect(url)
    try:
        movements = [
            str(row["id"])
            for row in await connection.fetch(
                "SELECT id FROM movement WHERE owner_id IS NULL ORDER BY name LIMIT 3"
            )
        ]
        complete = await insert_program(connection, movements[0], name(1))
        first_of_two = await insert_program(connection, movements[0], name(2))
        await insert_program(connection, movements[0], name(2))
        missing_week = await insert_program(connection, movements[0], name(3), weeks_stored=1)
        short_week = await insert_program(
            connection, movements[0], name(4), sessions_in_first_week=1
        )
        empty = await insert_program(connection, movements[0], name(5), empty_session=True)
        await insert_program(connection, movements[0], name(6))  # never acknowledged
        await insert_program(connection, movements[0], "drill test other_drill x-00001")
        await connection.execute(
            "UPDATE movement SET description = 'v3' WHERE id = $1", UUID(movements[1])
        )
        await connection.execute(
            "UPDATE movement SET description = 'v1' WHERE id = $1", UUID(movements[2])
        )
    finally:
        await connection.close()
    intents = [
        intent(1, complete),
        intent(2, first_of_two),
        intent(3, missing_week),
        intent(4, short_week),
        intent(5, empty),
        intent(6, None),
        intent(7, new_id()),  # acknowledged, never stored
    ]
    edits = [
        Edit(movements[1], 3, 0.0, True),
        Edit(movements[2], 1, 0.0, True),
        Edit(movements[2], 2, 1.0, True),
    ]
    return intents, edits, [missing_week, short_week, empty, movements[2]]


def test_reconciliation_counts_what_the_database_holds(private_database: str) -> None:
    intents, edits, expected = asyncio.run(write_rows(private_database))
    missing_week, short_week, empty, stale_movement = expected
    result = asyncio.run(reconcile(private_database, intents, edits, PREFIX))
    assert result.acknowledged == 6
    assert result.found == 5
    assert result.lost == ["postgres_stopped-00007"]
    assert result.duplicated_keys == ["postgres_stopped-00002"]
    assert result.extra_programs == 1
    assert result.half_written == sorted([missing_week, short_week, empty])
    assert result.stored == 7
    assert result.stored_unacknowledged == 1
    assert result.edits_acknowledged == 3
    assert result.edits_lost == [stale_movement]
