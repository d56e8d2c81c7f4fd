"""Program, microcycle, session and workout log lists on PostgreSQL, page by page.

For every allowed sort (both directions) and every filter, the statement each page of a list
really sends is explained over thousands of rows of many owners. An owner's lists read the sort's
index in order; the lists one program caps (84 sessions at most) are found through an index on the
program, and the planner may sort their few rows.
"""

from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest

from alloy_api.db.repository import TortoiseRepository
from alloy_api.kit.ids import new_id
from alloy_api.kit.pagination import PageQuery
from alloy_api.programs import service
from alloy_api.programs.models import Program
from alloy_api.programs.repository import (
    MicrocycleRepository,
    ProgramRepository,
    SessionRepository,
    WorkoutLogRepository,
)
from alloy_api.programs.resources import ProgramListQuery, SessionListQuery, WorkoutLogListQuery
from alloy_api.reference.enums import SessionStatus
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListRead, assert_pages_read_by_index, run_sql, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")

PROGRAM_OWNERS = 500
PROGRAMS_PER_OWNER = 6
HEAVY_OWNER_PROGRAMS = 300
PROGRAM_ROWS = HEAVY_OWNER_PROGRAMS + PROGRAM_OWNERS * PROGRAMS_PER_OWNER
PROGRAM_COLUMNS = """program (id, owner_id, name, start_date, duration_weeks, days_per_week,
    max_session_minutes, progression_style, deload_every_n_microcycles, goals, disciplines,
    is_active, scoring_config_version, seed, session_count, created_at, updated_at)"""
MANY_PROGRAMS = f"""
INSERT INTO {PROGRAM_COLUMNS}
SELECT gen_random_uuid(),
    CASE WHEN n % {PROGRAM_ROWS // HEAVY_OWNER_PROGRAMS} = 0 THEN $1::uuid
        ELSE md5($1::text || n % {PROGRAM_OWNERS})::uuid END,
    'Block ' || md5(n::text), date '2023-01-01' + n * 7919 % 900, 8, 3, 60, 'linear', 4,
    '[]', '[]', false, 1, n, 24, timestamptz '2026-01-01' - n * interval '37 minutes', now()
FROM generate_series(1, {PROGRAM_ROWS}) AS n
"""  # noqa: S608 - built from this module's constants
ONE_ACTIVE_PER_OWNER = """
UPDATE program SET is_active = true WHERE id IN (
    SELECT DISTINCT ON (owner_id) id FROM program ORDER BY owner_id, created_at DESC)
"""

TRAINED_OWNER_PROGRAMS = 12
OTHER_TRAINING_OWNERS = 400
TODAY = date(2025, 8, 25)
"""Halfway through the trained owner's twelfth 12-week program."""
PROGRAM_DAYS = 84
TRAINING_PROGRAMS = f"""
INSERT INTO {PROGRAM_COLUMNS}
SELECT gen_random_uuid(), CASE WHEN n <= {TRAINED_OWNER_PROGRAMS} THEN $1::uuid
        ELSE md5($1::text || n)::uuid END,
    'Block ' || n, starts.day, weeks, days, 60, 'linear', 4, '[]', '[]', false, 1, n,
    weeks * days, starts.day - interval '1 day', now()
FROM generate_series(1, {TRAINED_OWNER_PROGRAMS + OTHER_TRAINING_OWNERS}) AS n
CROSS JOIN LATERAL (SELECT
    CASE WHEN n <= {TRAINED_OWNER_PROGRAMS} THEN 12 ELSE 8 END AS weeks,
    CASE WHEN n <= {TRAINED_OWNER_PROGRAMS} THEN 7 ELSE 4 END AS days,
    CASE WHEN n <= {TRAINED_OWNER_PROGRAMS} THEN date '2023-01-01' + (n - 1) * {PROGRAM_DAYS}
        ELSE date '2023-01-01' + n * 7919 % 960 END AS day) AS starts
"""  # noqa: S608 - built from this module's constants
MICROCYCLES = """
INSERT INTO microcycle (id, program_id, sequence, start_date, length_days, is_deload, status)
SELECT gen_random_uuid(), program.id, week, program.start_date + (week - 1) * 7, 7,
    week % 4 = 0, 'planned'
FROM program CROSS JOIN LATERAL generate_series(1, program.duration_weeks) AS week
"""
SESSIONS = """
INSERT INTO program_session (id, program_id, microcycle_id, date, day_number, session_type,
    intent_patterns, status, estimated_minutes, created_at, updated_at)
SELECT gen_random_uuid(), program.id, microcycle.id, day.date, day.number, 'full_body', '[]',
    CASE WHEN day.date < $1 THEN 'completed' ELSE 'planned' END, 60, program.created_at, now()
FROM microcycle JOIN program ON program.id = microcycle.program_id
CROSS JOIN LATERAL generate_series(1, program.days_per_week) AS day_number
CROSS JOIN LATERAL (SELECT day_number AS number,
    microcycle.start_date + (day_number - 1) * 7 / program.days_per_week AS date) AS day
"""
WORKOUT_LOGS = """
INSERT INTO workout_log (id, owner_id, program_id, session_id, performed_at, duration_minutes,
    perceived_difficulty, enjoyment, created_at)
SELECT gen_random_uuid(), program.owner_id, program.id, session.id,
    session.date + time '18:00', 55, 7, 4,
    session.date + time '19:00' + (get_byte(uuid_send(session.id), 15) % 3) * interval '1 day'
FROM program_session AS session JOIN program ON program.id = session.program_id
WHERE session.status = 'completed'
"""


@pytest.fixture
async def program_owner(running_app) -> UUID:
    """An owner with hundreds of programs, among thousands of other owners' programs."""
    owner_id = new_id()
    await run_sql(MANY_PROGRAMS, owner_id)
    await run_sql(ONE_ACTIVE_PER_OWNER)
    await run_sql("ANALYZE program")
    return owner_id


@pytest.fixture
async def trained_owner(running_app) -> UUID:
    """Three years of training: twelve 12-week programs, 7 days a week, each done day logged.

    Hundreds of other owners each have an 8-week program, part of it done and logged.
    """
    owner_id = new_id()
    await run_sql(TRAINING_PROGRAMS, owner_id)
    await run_sql(MICROCYCLES)
    await run_sql(SESSIONS, TODAY)
    await run_sql(WORKOUT_LOGS)
    await run_sql("ANALYZE program, microcycle, program_session, workout_log")
    return owner_id


def sort_column(repository: type[TortoiseRepository[Any]], sort_token: str) -> str:
    return repository.sorts[sort_token.removeprefix("-")]


async def program_of(owner_id: UUID, position: int) -> Program:
    """The owner's program at `position` in start order."""
    return await Program.filter(owner_id=owner_id).order_by("start_date").offset(position).first()


@pytest.mark.parametrize("sort_token", sort_tokens(ProgramRepository.sorts))
async def test_program_pages_read_an_index_in_order(running_app, program_owner, sort_token) -> None:
    for filters in ({}, {"is_active": True}, {"is_active": False}):
        await assert_pages_read_by_index(
            running_app,
            lambda query: service.list_programs(program_owner, query),
            ProgramListQuery(sort=sort_token, **filters),
            ListRead("program", sort_column(ProgramRepository, sort_token), {"owner_id", *filters}),
        )


@pytest.mark.parametrize("sort_token", sort_tokens(MicrocycleRepository.sorts))
async def test_microcycle_pages_are_found_through_the_program_index(
    running_app, trained_owner, sort_token
) -> None:
    program = await program_of(trained_owner, TRAINED_OWNER_PROGRAMS - 1)
    await assert_pages_read_by_index(
        running_app,
        lambda query: service.list_microcycles(trained_owner, program.id, query),
        PageQuery(sort=sort_token),
        ListRead(
            "microcycle",
            sort_column(MicrocycleRepository, sort_token),
            {"program_id"},
            scope_column="program_id",
        ),
    )


def session_filters(program_start: date) -> list[dict[str, Any]]:
    first_week_after = program_start + timedelta(days=7)
    last_week_before = program_start + timedelta(days=PROGRAM_DAYS - 7)
    return [
        {},
        {"date_from": first_week_after},
        {"date_to": last_week_before},
        {"date_from": first_week_after, "date_to": last_week_before},
        {"status": SessionStatus.COMPLETED},
        {"status": SessionStatus.PLANNED, "date_to": last_week_before},
    ]


@pytest.mark.parametrize("sort_token", sort_tokens(SessionRepository.sorts))
async def test_session_pages_are_found_through_the_program_index(
    running_app, trained_owner, sort_token
) -> None:
    program = await program_of(trained_owner, TRAINED_OWNER_PROGRAMS - 1)
    for filters in session_filters(program.start_date):
        await assert_pages_read_by_index(
            running_app,
            lambda query: service.list_sessions(trained_owner, program.id, query),
            SessionListQuery(sort=sort_token, **filters),
            ListRead(
                "program_session",
                sort_column(SessionRepository, sort_token),
                {"program_id", *filters.keys() & {"status"}},
                scope_column="program_id",
            ),
        )


@pytest.mark.parametrize("sort_token", sort_tokens(WorkoutLogRepository.sorts))
async def test_workout_log_pages_read_an_index_in_order(
    running_app, trained_owner, sort_token
) -> None:
    finished_program = await program_of(trained_owner, 0)
    for filters in ({}, {"program_id": finished_program.id}):
        await assert_pages_read_by_index(
            running_app,
            lambda query: service.list_workout_logs(trained_owner, query),
            WorkoutLogListQuery(sort=sort_token, **filters),
            ListRead(
                "workout_log",
                sort_column(WorkoutLogRepository, sort_token),
                {"owner_id", *filters},
                scope_column="program_id" if filters else None,
            ),
        )
