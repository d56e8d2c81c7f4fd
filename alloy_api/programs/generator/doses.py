"""Doses and session templates: how long an exercise takes, which dose fits a time budget, and
how a movement scores for a role."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from alloy_api.programs.generator.tables import (
    CONDITIONING_PATTERNS,
    GOAL_REP_BIAS,
    ISOLATION_MUSCLES,
    METERS_PER_SECOND,
    RECOVERY_EXEMPT_ROLES,
    SECONDS_PER_REP,
    TRANSITION_SECONDS,
    WEIGHT_SCALE,
    P,
)
from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    ProgramSpec,
    RolePrescription,
    ScoringWeights,
)
from alloy_api.reference.enums import (
    CnsLoad,
    Discipline,
    ExerciseRole,
    Goal,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SessionType,
)


def _goal_affinity(movement: MovementOption, goal: Goal) -> float:
    pattern = movement.pattern
    if goal == Goal.STRENGTH:
        if pattern in CONDITIONING_PATTERNS or pattern == P.MOBILITY:
            return 0.0
        if movement.compound:
            return 1.0 if movement.cns_load != CnsLoad.LOW else 0.7
        return 0.2
    if goal == Goal.HYPERTROPHY:
        if movement.metric_type != MetricType.REPS:
            return 0.1
        return 1.0 if pattern == P.ISOLATION else 0.8 if movement.compound else 0.6
    if goal == Goal.ENDURANCE:
        if pattern in CONDITIONING_PATTERNS:
            return 1.0
        return 0.8 if movement.metric_type != MetricType.REPS else 0.2
    if goal == Goal.FAT_LOSS:
        if pattern in CONDITIONING_PATTERNS:
            return 1.0
        return 0.8 if pattern == P.PLYOMETRIC else 0.6 if movement.compound else 0.2
    if goal == Goal.MOBILITY:
        if pattern == P.MOBILITY:
            return 1.0
        return 0.8 if Discipline.YOGA in movement.disciplines else 0.1
    if goal == Goal.EXPLOSIVENESS:
        if pattern in {P.PLYOMETRIC, P.OLYMPIC}:
            return 1.0
        return 0.6 if movement.cns_load == CnsLoad.HIGH else 0.1
    if pattern == P.PLYOMETRIC:
        return 1.0
    return 0.8 if pattern == P.CARDIO else 0.6 if pattern == P.OLYMPIC else 0.1


def rep_window(prescription: RolePrescription, spec: ProgramSpec) -> tuple[int, int]:
    """The part of a role's rep range that the program's goals lean towards."""
    span = prescription.reps_max - prescription.reps_min
    width = max(2, math.ceil(span / 2))
    if width >= span:
        return prescription.reps_min, prescription.reps_max
    bias = sum(GOAL_REP_BIAS[goal] * weight for goal, weight in spec.goals) / WEIGHT_SCALE
    start = prescription.reps_min + round((bias + 1) / 2 * (span - width))
    return start, start + width


def work_seconds(movement: MovementOption, reps_max: int) -> int:
    if movement.metric_type == MetricType.REPS:
        seconds = reps_max * SECONDS_PER_REP
    elif movement.metric_type == MetricType.DURATION:
        seconds = reps_max
    else:
        seconds = math.ceil(reps_max / METERS_PER_SECOND)
    return seconds * 2 if movement.unilateral else seconds


class Dose(NamedTuple):
    sets: int
    reps_min: int
    reps_max: int
    rpe: float | None
    rest_seconds: int


@dataclass(frozen=True, slots=True)
class TemplateExercise:
    movement: MovementOption
    role: ExerciseRole
    peak: Dose
    sets_floor: int

    def seconds(self, dose: Dose) -> int:
        work = work_seconds(self.movement, dose.reps_max)
        return dose.sets * (work + dose.rest_seconds) + TRANSITION_SECONDS


def superset_seconds(pair: Sequence[tuple[TemplateExercise, Dose]]) -> int:
    work = sum(item.sets * work_seconds(ex.movement, item.reps_max) for ex, item in pair)
    rounds = max(item.sets for _, item in pair)
    rest = max(item.rest_seconds for _, item in pair)
    return work + rounds * rest + TRANSITION_SECONDS * len(pair)


@dataclass(slots=True)
class SessionTemplate:
    offset: int
    session_type: SessionType
    exercises: list[TemplateExercise] = field(default_factory=list)
    superset_pairs: list[tuple[int, int]] = field(default_factory=list)
    main_circuit: CircuitOption | None = None
    finisher_circuit: CircuitOption | None = None

    @property
    def movement_ids(self) -> frozenset[str]:
        return frozenset(
            ex.movement.id for ex in self.exercises if ex.role not in RECOVERY_EXEMPT_ROLES
        )

    @property
    def main_patterns(self) -> frozenset[MovementPattern]:
        return frozenset(
            ex.movement.pattern for ex in self.exercises if ex.role == ExerciseRole.MAIN
        )


def session_seconds(
    template: SessionTemplate, doses: Sequence[Dose], with_circuits: bool = True
) -> int:
    grouped = {index for pair in template.superset_pairs for index in pair}
    seconds = sum(
        ex.seconds(dose)
        for index, (ex, dose) in enumerate(zip(template.exercises, doses, strict=True))
        if index not in grouped
    )
    for first, second in template.superset_pairs:
        seconds += superset_seconds(
            [(template.exercises[first], doses[first]), (template.exercises[second], doses[second])]
        )
    if with_circuits:
        for circuit in (template.main_circuit, template.finisher_circuit):
            seconds += circuit.estimated_minutes * 60 if circuit else 0
    return seconds


@dataclass(frozen=True, slots=True)
class DoseOption:
    """One way to dose a movement in a role: its sets and the seconds the exercise takes."""

    seconds: int
    dose: Dose
    sets_floor: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A movement with every part of its score that stays the same for the whole program.

    The fixed terms are kept apart, not summed, so that a score adds its terms in the same order
    (and so rounds the same way) as the weighted sum it stands for.
    """

    movement: MovementOption
    id: str
    pattern: MovementPattern
    muscles: frozenset[PrimaryMuscle]
    discipline_term: float
    compound_term: float
    specialization_term: float
    goal_term: float
    doses: dict[ExerciseRole, tuple[DoseOption, ...]]
    """Per role, the doses from the most sets of the role down to the fewest."""


def scored_candidate(
    movement: MovementOption,
    spec: ProgramSpec,
    weights: ScoringWeights,
    doses: dict[ExerciseRole, tuple[DoseOption, ...]],
) -> Candidate:
    preferences = [spec.discipline_weight(d) / WEIGHT_SCALE for d in movement.disciplines]
    specialization = sum(preferences) / len(preferences) if preferences else 0.0
    goal_alignment = sum(
        weight / WEIGHT_SCALE * _goal_affinity(movement, goal) for goal, weight in spec.goals
    )
    return Candidate(
        movement=movement,
        id=movement.id,
        pattern=movement.pattern,
        muscles=movement.muscles,
        discipline_term=weights.discipline_preference * min(1.0, sum(preferences)),
        compound_term=weights.compound_bonus * (1.0 if movement.compound else 0.0),
        specialization_term=weights.specialization * specialization,
        goal_term=weights.goal_alignment * goal_alignment,
        doses=doses,
    )


def fits_role(movement: MovementOption, role: ExerciseRole, session_type: SessionType) -> bool:
    """Whether the movement may fill a slot of this role in a session of this type, if rested."""
    if role in RECOVERY_EXEMPT_ROLES:
        return movement.cns_load == CnsLoad.LOW
    if role != ExerciseRole.ACCESSORY:
        return True
    if movement.cns_load == CnsLoad.HIGH:
        return False
    isolation_muscles = ISOLATION_MUSCLES.get(session_type)
    return (
        movement.pattern != P.ISOLATION
        or isolation_muscles is None
        or movement.primary_muscle in isolation_muscles
    )


def first_fitting(options: tuple[DoseOption, ...], seconds: int) -> DoseOption | None:
    for option in options:
        if option.seconds <= seconds:
            return option
    return None
