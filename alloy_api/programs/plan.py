"""Plain values in and out of the program generator: no ORM, no I/O, all frozen."""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from alloy_api.reference.enums import (
    CircuitType,
    CnsLoad,
    Discipline,
    Equipment,
    ExerciseRole,
    Goal,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    ProgressionStyle,
    SessionType,
    SkillLevel,
    SplitTemplate,
)

SECONDS_PER_CIRCUIT_STATION = 40


@dataclass(frozen=True, slots=True)
class MovementOption:
    id: str
    name: str
    pattern: MovementPattern
    primary_muscle: PrimaryMuscle
    secondary_muscles: tuple[PrimaryMuscle, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    disciplines: tuple[Discipline, ...] = ()
    skill_level: SkillLevel = SkillLevel.BEGINNER
    cns_load: CnsLoad = CnsLoad.MODERATE
    compound: bool = False
    unilateral: bool = False
    metric_type: MetricType = MetricType.REPS
    min_recovery_hours: int = 48

    @property
    def muscles(self) -> frozenset[PrimaryMuscle]:
        return frozenset((self.primary_muscle, *self.secondary_muscles))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "MovementOption":
        """The option back from its JSON form (`dataclasses.asdict` written with orjson)."""
        return cls(
            id=data["id"],
            name=data["name"],
            pattern=MovementPattern(data["pattern"]),
            primary_muscle=PrimaryMuscle(data["primary_muscle"]),
            secondary_muscles=tuple(map(PrimaryMuscle, data["secondary_muscles"])),
            equipment=tuple(map(Equipment, data["equipment"])),
            disciplines=tuple(map(Discipline, data["disciplines"])),
            skill_level=SkillLevel(data["skill_level"]),
            cns_load=CnsLoad(data["cns_load"]),
            compound=data["compound"],
            unilateral=data["unilateral"],
            metric_type=MetricType(data["metric_type"]),
            min_recovery_hours=data["min_recovery_hours"],
        )


@dataclass(frozen=True, slots=True)
class CircuitOption:
    id: str
    name: str
    circuit_type: CircuitType
    movement_ids: tuple[str, ...] = ()
    default_rounds: int | None = None
    default_duration_seconds: int | None = None
    difficulty_tier: int = 1

    @property
    def estimated_minutes(self) -> int:
        if self.default_duration_seconds:
            return math.ceil(self.default_duration_seconds / 60)
        stations = max(1, len(self.movement_ids))
        rounds = self.default_rounds or 1
        return math.ceil(rounds * stations * SECONDS_PER_CIRCUIT_STATION / 60)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "CircuitOption":
        """The option back from its JSON form (`dataclasses.asdict` written with orjson)."""
        return cls(
            id=data["id"],
            name=data["name"],
            circuit_type=CircuitType(data["circuit_type"]),
            movement_ids=tuple(data["movement_ids"]),
            default_rounds=data["default_rounds"],
            default_duration_seconds=data["default_duration_seconds"],
            difficulty_tier=data["difficulty_tier"],
        )


@dataclass(frozen=True, slots=True)
class ScoringWeights:
    pattern_alignment: float
    muscle_coverage: float
    discipline_preference: float
    compound_bonus: float
    specialization: float
    goal_alignment: float
    time_utilization: float

    @property
    def total(self) -> float:
        return (
            self.pattern_alignment
            + self.muscle_coverage
            + self.discipline_preference
            + self.compound_bonus
            + self.specialization
            + self.goal_alignment
            + self.time_utilization
        )


@dataclass(frozen=True, slots=True)
class RolePrescription:
    """Set, rep, effort and rest ranges for one exercise role."""

    sets_min: int
    sets_max: int
    reps_min: int
    reps_max: int
    target_rpe: float | None
    rest_seconds: int


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """One scoring config version; `roles` holds warmup, main, accessory and cooldown at least."""

    version: int
    weights: ScoringWeights
    roles: Mapping[ExerciseRole, RolePrescription]


@dataclass(frozen=True, slots=True)
class ProgramSpec:
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    goals: tuple[tuple[Goal, int], ...]
    disciplines: tuple[tuple[Discipline, int], ...]
    start_date: date
    seed: int
    split_template: SplitTemplate | None = None
    progression_style: ProgressionStyle = ProgressionStyle.LINEAR
    deload_every_n_microcycles: int = 4

    def goal_weight(self, goal: Goal) -> int:
        return sum(weight for chosen, weight in self.goals if chosen == goal)

    def discipline_weight(self, discipline: Discipline) -> int:
        return sum(weight for chosen, weight in self.disciplines if chosen == discipline)


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    movement_id: str
    role: ExerciseRole
    order: int
    superset_group: int | None
    target_sets: int
    rep_range_min: int
    rep_range_max: int
    target_rpe: float | None
    target_rir: int | None
    rest_seconds: int
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedSession:
    date: date
    day_number: int
    session_type: SessionType
    intent_patterns: tuple[MovementPattern, ...]
    estimated_minutes: int
    main_circuit_id: str | None
    finisher_circuit_id: str | None
    exercises: tuple[PlannedExercise, ...]
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedMicrocycle:
    sequence: int
    start_date: date
    length_days: int
    is_deload: bool
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True)
class PlannedProgram:
    seed: int
    scoring_config_version: int
    microcycles: tuple[PlannedMicrocycle, ...] = field(default_factory=tuple)

    @property
    def sessions(self) -> tuple[PlannedSession, ...]:
        return tuple(session for cycle in self.microcycles for session in cycle.sessions)

    @property
    def session_count(self) -> int:
        return sum(len(cycle.sessions) for cycle in self.microcycles)
