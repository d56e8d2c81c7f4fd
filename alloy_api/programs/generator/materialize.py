"""Turns a session template and its week's doses into the planned session the service stores."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from alloy_api.programs.generator.doses import Dose, SessionTemplate, session_seconds
from alloy_api.programs.generator.progression import exercise_note, reps_in_reserve
from alloy_api.programs.generator.tables import RECOVERY_EXEMPT_ROLES
from alloy_api.programs.plan import (
    PlannedExercise,
    PlannedSession,
)
from alloy_api.reference.enums import (
    ExerciseRole,
    MovementPattern,
)


def _intent_patterns(template: SessionTemplate) -> tuple[MovementPattern, ...]:
    ordered = sorted(
        (ex for ex in template.exercises if ex.role not in RECOVERY_EXEMPT_ROLES),
        key=lambda ex: ex.role != ExerciseRole.MAIN,
    )
    return tuple(dict.fromkeys(ex.movement.pattern for ex in ordered))


@dataclass(frozen=True, slots=True)
class _ExerciseLayout:
    movement_id: str
    role: ExerciseRole
    superset_group: int | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class SessionLayout:
    """What every week's copy of a block's session shares, whatever its doses."""

    exercises: tuple[_ExerciseLayout, ...]
    intent_patterns: tuple[MovementPattern, ...]


def session_layout(template: SessionTemplate) -> SessionLayout:
    groups = {}
    for number, (first, second) in enumerate(template.superset_pairs, start=1):
        groups[first] = groups[second] = number
    exercises = tuple(
        _ExerciseLayout(ex.movement.id, ex.role, groups.get(index), exercise_note(ex.movement))
        for index, ex in enumerate(template.exercises)
    )
    return SessionLayout(exercises, _intent_patterns(template))


def materialize_session(
    template: SessionTemplate,
    layout: SessionLayout,
    session_date: date,
    doses: Sequence[Dose],
    deload: bool,
) -> PlannedSession:
    exercises = tuple(
        PlannedExercise(
            movement_id=ex.movement_id,
            role=ex.role,
            order=index + 1,
            superset_group=ex.superset_group,
            target_sets=dose.sets,
            rep_range_min=dose.reps_min,
            rep_range_max=dose.reps_max,
            target_rpe=dose.rpe,
            target_rir=reps_in_reserve(dose.rpe),
            rest_seconds=dose.rest_seconds,
            notes=ex.notes,
        )
        for index, (ex, dose) in enumerate(zip(layout.exercises, doses, strict=True))
    )
    seconds = session_seconds(template, doses, with_circuits=not deload)
    return PlannedSession(
        date=session_date,
        day_number=template.offset + 1,
        session_type=template.session_type,
        intent_patterns=layout.intent_patterns,
        estimated_minutes=math.ceil(seconds / 60),
        main_circuit_id=None if deload or not template.main_circuit else template.main_circuit.id,
        finisher_circuit_id=(
            None if deload or not template.finisher_circuit else template.finisher_circuit.id
        ),
        exercises=exercises,
        notes="Deload: half the sets at easier efforts" if deload else None,
    )
