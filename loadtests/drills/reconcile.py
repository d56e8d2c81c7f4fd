"""The ledger against the database, read with asyncpg straight from the private cluster.

A program is found by its name, which carries its ledger id, so every program one idempotency key
produced is counted. A complete program (see `alloy_api/programs/generator/`) has one
microcycle per week numbered 1..duration_weeks, `days_per_week` sessions in each of them,
`session_count` sessions in all, and at least one exercise in every session; anything less is
half-written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import asyncpg

from loadtests.drills.ledger import Edit, Intent

PROGRAMS_QUERY = """
SELECT p.id::text AS id,
       p.name,
       p.duration_weeks,
       p.days_per_week,
       p.session_count,
       (SELECT count(*) FROM microcycle m WHERE m.program_id = p.id) AS microcycles,
       (SELECT count(DISTINCT m.sequence) FROM microcycle m
         WHERE m.program_id = p.id AND m.sequence BETWEEN 1 AND p.duration_weeks) AS weeks_numbered,
       (SELECT count(*) FROM microcycle m
         WHERE m.program_id = p.id
           AND (SELECT count(*) FROM program_session s WHERE s.microcycle_id = m.id)
               <> p.days_per_week) AS uneven_microcycles,
       (SELECT count(*) FROM program_session s WHERE s.program_id = p.id) AS sessions,
       (SELECT count(*) FROM program_session s
         WHERE s.program_id = p.id
           AND NOT EXISTS (SELECT 1 FROM session_exercise e WHERE e.session_id = s.id))
         AS empty_sessions
FROM program p
WHERE starts_with(p.name, $1)
"""
MOVEMENTS_QUERY = "SELECT id::text AS id, description FROM movement WHERE id = ANY($1::uuid[])"


@dataclass(frozen=True, slots=True)
class StoredProgram:
    id: str
    name: str
    duration_weeks: int
    days_per_week: int
    session_count: int
    microcycles: int
    weeks_numbered: int
    uneven_microcycles: int
    sessions: int
    empty_sessions: int

    def complete(self) -> bool:
        return (
            self.microcycles == self.duration_weeks
            and self.weeks_numbered == self.duration_weeks
            and self.uneven_microcycles == 0
            and self.sessions == self.session_count == self.duration_weeks * self.days_per_week
            and self.empty_sessions == 0
        )


@dataclass(slots=True)
class Reconciliation:
    acknowledged: int = 0
    found: int = 0
    lost: list[str] = field(default_factory=list)
    duplicated_keys: list[str] = field(default_factory=list)
    extra_programs: int = 0
    half_written: list[str] = field(default_factory=list)
    stored: int = 0
    stored_unacknowledged: int = 0
    edits_acknowledged: int = 0
    edits_lost: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "acknowledged": self.acknowledged,
            "found": self.found,
            "lost": len(self.lost),
            "lost_ledger_ids": self.lost,
            "duplicates": len(self.duplicated_keys),
            "duplicated_ledger_ids": self.duplicated_keys,
            "extra_programs": self.extra_programs,
            "half_written": len(self.half_written),
            "half_written_program_ids": self.half_written,
            "programs_stored": self.stored,
            "programs_stored_unacknowledged": self.stored_unacknowledged,
            "edits_acknowledged": self.edits_acknowledged,
            "edits_lost": len(self.edits_lost),
            "edits_lost_movement_ids": self.edits_lost,
        }


def reconcile_programs(
    intents: list[Intent], stored: list[StoredProgram], name_prefix: str
) -> Reconciliation:
    """Acknowledged writes found and lost, keys with more than one program, half-written ones."""
    result = Reconciliation(stored=len(stored))
    by_name: dict[str, list[StoredProgram]] = {}
    for program in stored:
        by_name.setdefault(program.name, []).append(program)
    ledger_ids = {intent.name: intent.ledger_id for intent in intents}
    for name, programs in sorted(by_name.items()):
        if len(programs) > 1:
            result.duplicated_keys.append(ledger_ids.get(name, name.removeprefix(name_prefix)))
            result.extra_programs += len(programs) - 1
    result.half_written = sorted(program.id for program in stored if not program.complete())
    acknowledged_names = set()
    for intent in intents:
        if intent.program_id is None:
            continue
        result.acknowledged += 1
        acknowledged_names.add(intent.name)
        ids_under_name = {program.id for program in by_name.get(intent.name, [])}
        if intent.program_id in ids_under_name:
            result.found += 1
        else:
            result.lost.append(intent.ledger_id)
    result.stored_unacknowledged = sum(
        len(programs) for name, programs in by_name.items() if name not in acknowledged_names
    )
    return result


def reconcile_edits(result: Reconciliation, edits: list[Edit], stored: dict[str, str]) -> None:
    """An acknowledged edit to version n is lost when the movement's description is older.

    Each account edits its own movement one request at a time, so versions only grow.
    """
    newest: dict[str, int] = {}
    for edit in edits:
        if edit.acknowledged:
            result.edits_acknowledged += 1
            newest[edit.movement_id] = max(newest.get(edit.movement_id, 0), edit.version)
    for movement_id, version in sorted(newest.items()):
        description = stored.get(movement_id, "")
        stored_version = int(description[1:]) if description[1:].isdigit() else -1
        if stored_version < version:
            result.edits_lost.append(movement_id)


async def stored_programs(connection: asyncpg.Connection, name_prefix: str) -> list[StoredProgram]:
    rows = await connection.fetch(PROGRAMS_QUERY, name_prefix)
    return [StoredProgram(**dict(row)) for row in rows]


async def stored_descriptions(
    connection: asyncpg.Connection, movement_ids: list[str]
) -> dict[str, str]:
    rows = await connection.fetch(MOVEMENTS_QUERY, movement_ids)
    return {row["id"]: row["description"] for row in rows}


async def reconcile(
    database_url: str, intents: list[Intent], edits: list[Edit], name_prefix: str
) -> Reconciliation:
    connection = await asyncpg.connect(database_url, timeout=10)
    try:
        stored = await stored_programs(connection, name_prefix)
        descriptions = await stored_descriptions(
            connection, sorted({edit.movement_id for edit in edits})
        )
    finally:
        await connection.close()
    result = reconcile_programs(intents, stored, name_prefix)
    reconcile_edits(result, edits, descriptions)
    return result
