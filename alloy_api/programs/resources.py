"""Request and response bodies of the program endpoints besides program creation."""

import datetime as dt
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from alloy_api.kit.pagination import PageQuery
from alloy_api.kit.time import BoundedDate, UtcDateTime
from alloy_api.kit.validation import FreeText
from alloy_api.programs.models import (
    NAME_MAX_LENGTH,
    Microcycle,
    Program,
    ProgramSession,
    SessionExercise,
    TopSet,
    WorkoutLog,
)
from alloy_api.reference.enums import (
    Discipline,
    ExerciseRole,
    Goal,
    MicrocycleStatus,
    MovementPattern,
    ProgressionStyle,
    SessionStatus,
    SessionType,
    SplitTemplate,
)

MAX_NOTES_LENGTH = 2000
MAX_TOP_SETS = 30
MAX_WEIGHT_KG = 1000
MAX_REPS = 100
MAX_DURATION_MINUTES = 600

ProgramName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH)
]
Notes = Annotated[FreeText, StringConstraints(max_length=MAX_NOTES_LENGTH)]


class ProgramListQuery(PageQuery):
    is_active: bool | None = None


class ProgramUpdateRequest(BaseModel):
    name: ProgramName | None = None
    is_active: bool | None = None


class SessionListQuery(PageQuery):
    date_from: BoundedDate | None = None
    date_to: BoundedDate | None = None
    status: SessionStatus | None = None


class SessionUpdateRequest(BaseModel):
    date: BoundedDate | None = None
    notes: Notes | None = None
    status: SessionStatus | None = None


class TopSetRequest(BaseModel):
    movement_id: UUID
    weight_kg: float = Field(ge=0, le=MAX_WEIGHT_KG)
    reps: int = Field(ge=1, le=MAX_REPS)
    rpe: float | None = Field(default=None, ge=1, le=10)
    rir: int | None = Field(default=None, ge=0, le=10)
    substitutes_exercise_id: UUID | None = Field(
        default=None,
        description="For a movement the session did not plan: the planned exercise it replaced",
    )


class WorkoutLogRequest(BaseModel):
    performed_at: UtcDateTime
    duration_minutes: int = Field(ge=1, le=MAX_DURATION_MINUTES)
    perceived_difficulty: int = Field(ge=1, le=10)
    enjoyment: int = Field(ge=1, le=5)
    notes: Notes | None = None
    top_sets: list[TopSetRequest] = Field(default_factory=list, max_length=MAX_TOP_SETS)


class WorkoutLogListQuery(PageQuery):
    program_id: UUID | None = None


class GoalWeightResponse(BaseModel):
    goal: Goal
    weight: int


class DisciplineWeightResponse(BaseModel):
    discipline: Discipline
    weight: int


class MicrocycleResponse(BaseModel):
    id: UUID
    program_id: UUID
    sequence: int
    start_date: date
    length_days: int
    is_deload: bool
    status: MicrocycleStatus

    @classmethod
    def from_model(cls, microcycle: Microcycle) -> Self:
        return cls.model_construct(
            id=microcycle.id,
            program_id=microcycle.program_id,  # type: ignore[attr-defined]
            sequence=microcycle.sequence,
            start_date=microcycle.start_date,
            length_days=microcycle.length_days,
            is_deload=microcycle.is_deload,
            status=microcycle.status,
        )


class ProgramResponse(BaseModel):
    id: UUID
    name: str
    start_date: date
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    goals: list[GoalWeightResponse]
    disciplines: list[DisciplineWeightResponse]
    split_template: SplitTemplate | None
    progression_style: ProgressionStyle
    deload_every_n_microcycles: int
    is_active: bool
    scoring_config_version: int
    seed: int
    session_count: int
    created_at: UtcDateTime
    microcycles: list[MicrocycleResponse] | None = None

    @classmethod
    def from_model(cls, program: Program, microcycles: Sequence[Microcycle] | None = None) -> Self:
        return cls.model_construct(
            id=program.id,
            name=program.name,
            start_date=program.start_date,
            duration_weeks=program.duration_weeks,
            days_per_week=program.days_per_week,
            max_session_minutes=program.max_session_minutes,
            goals=[
                GoalWeightResponse.model_construct(goal=Goal(item["goal"]), weight=item["weight"])
                for item in program.goals
            ],
            disciplines=[
                DisciplineWeightResponse.model_construct(
                    discipline=Discipline(item["discipline"]), weight=item["weight"]
                )
                for item in program.disciplines
            ],
            split_template=program.split_template,
            progression_style=program.progression_style,
            deload_every_n_microcycles=program.deload_every_n_microcycles,
            is_active=program.is_active,
            scoring_config_version=program.scoring_config_version,
            seed=program.seed,
            session_count=program.session_count,
            created_at=program.created_at,
            microcycles=(
                None
                if microcycles is None
                else [MicrocycleResponse.from_model(cycle) for cycle in microcycles]
            ),
        )


class SessionResponse(BaseModel):
    id: UUID
    program_id: UUID
    microcycle_id: UUID
    date: dt.date
    day_number: int
    session_type: SessionType
    intent_patterns: list[MovementPattern]
    status: SessionStatus
    estimated_minutes: int
    main_circuit_id: UUID | None
    finisher_circuit_id: UUID | None
    notes: str | None

    @classmethod
    def fields_of(cls, session: ProgramSession) -> dict[str, object]:
        return {
            "id": session.id,
            "program_id": session.program_id,  # type: ignore[attr-defined]
            "microcycle_id": session.microcycle_id,  # type: ignore[attr-defined]
            "date": session.date,
            "day_number": session.day_number,
            "session_type": session.session_type,
            "intent_patterns": [MovementPattern(item) for item in session.intent_patterns],
            "status": session.status,
            "estimated_minutes": session.estimated_minutes,
            "main_circuit_id": session.main_circuit_id,
            "finisher_circuit_id": session.finisher_circuit_id,
            "notes": session.notes,
        }

    @classmethod
    def from_model(cls, session: ProgramSession) -> Self:
        return cls.model_construct(**cls.fields_of(session))


class ExerciseMovementResponse(BaseModel):
    id: UUID
    name: str
    pattern: MovementPattern


class ExerciseResponse(BaseModel):
    id: UUID
    movement_id: UUID
    movement: ExerciseMovementResponse
    role: ExerciseRole
    order: int
    superset_group: int | None
    target_sets: int
    rep_range_min: int
    rep_range_max: int
    target_rpe: float | None
    target_rir: int | None
    rest_seconds: int
    notes: str | None

    @classmethod
    def from_model(cls, exercise: SessionExercise) -> Self:
        movement = exercise.movement
        return cls.model_construct(
            id=exercise.id,
            movement_id=movement.id,
            movement=ExerciseMovementResponse.model_construct(
                id=movement.id,
                name=movement.name,  # type: ignore[attr-defined]
                pattern=movement.pattern,  # type: ignore[attr-defined]
            ),
            role=exercise.role,
            order=exercise.order,
            superset_group=exercise.superset_group,
            target_sets=exercise.target_sets,
            rep_range_min=exercise.rep_range_min,
            rep_range_max=exercise.rep_range_max,
            target_rpe=exercise.target_rpe,
            target_rir=exercise.target_rir,
            rest_seconds=exercise.rest_seconds,
            notes=exercise.notes,
        )


class SessionDetailResponse(SessionResponse):
    exercises: list[ExerciseResponse]

    @classmethod
    def from_model(cls, session: ProgramSession) -> Self:
        exercises = sorted(session.exercises, key=lambda exercise: exercise.order)
        return cls.model_construct(
            **cls.fields_of(session),
            exercises=[ExerciseResponse.from_model(exercise) for exercise in exercises],
        )


class TopSetResponse(BaseModel):
    movement_id: UUID
    weight_kg: float
    reps: int
    rpe: float | None
    rir: int | None
    estimated_1rm_kg: float
    substitutes_exercise_id: UUID | None

    @classmethod
    def from_model(cls, top_set: TopSet) -> Self:
        return cls.model_construct(
            movement_id=top_set.movement_id,  # type: ignore[attr-defined]
            weight_kg=top_set.weight_kg,
            reps=top_set.reps,
            rpe=top_set.rpe,
            rir=top_set.rir,
            estimated_1rm_kg=top_set.estimated_1rm_kg,
            substitutes_exercise_id=top_set.substitutes_exercise_id,
        )


class WorkoutLogResponse(BaseModel):
    id: UUID
    session_id: UUID
    program_id: UUID
    performed_at: UtcDateTime
    duration_minutes: int
    perceived_difficulty: int
    enjoyment: int
    notes: str | None
    top_sets: list[TopSetResponse]
    created_at: UtcDateTime

    @classmethod
    def from_model(cls, log: WorkoutLog) -> Self:
        top_sets = sorted(log.top_sets, key=lambda top_set: top_set.position)
        return cls.model_construct(
            id=log.id,
            session_id=log.session_id,  # type: ignore[attr-defined]
            program_id=log.program_id,  # type: ignore[attr-defined]
            performed_at=log.performed_at,
            duration_minutes=log.duration_minutes,
            perceived_difficulty=log.perceived_difficulty,
            enjoyment=log.enjoyment,
            notes=log.notes,
            top_sets=[TopSetResponse.from_model(top_set) for top_set in top_sets],
            created_at=log.created_at,
        )
