"""Program rules: generation and storage, one active program per owner, sessions and workouts."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any, TypeVar
from uuid import UUID

from alloy_api.circuits import service as circuits_service
from alloy_api.db.transactions import transactional
from alloy_api.kit.cache import CacheKey, Lifetime, cached
from alloy_api.kit.errors import (
    BusinessRuleError,
    ConflictError,
    ErrorCode,
    FieldValidationError,
    NotFoundError,
)
from alloy_api.kit.ids import new_id
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.kit.time import utc_now
from alloy_api.movements import service as movements_service
from alloy_api.programs.generator import generate_program
from alloy_api.programs.models import (
    Microcycle,
    Program,
    ProgramSession,
    SessionExercise,
    WorkoutLog,
)
from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    PlannedProgram,
    RolePrescription,
    ScoringConfig,
    ScoringWeights,
)
from alloy_api.programs.repository import (
    ActiveProgramConflictError,
    MicrocycleRepository,
    ProgramRepository,
    SessionRepository,
    WorkoutLogRepository,
)
from alloy_api.programs.resources import (
    ProgramListQuery,
    ProgramUpdateRequest,
    SessionListQuery,
    SessionUpdateRequest,
    TopSetRequest,
    WorkoutLogListQuery,
    WorkoutLogRequest,
)
from alloy_api.programs.schemas import MAX_SEED, ProgramCreateRequest
from alloy_api.programs.workout_rules import check_performed_at, check_top_sets
from alloy_api.reference.enums import (
    CircuitType,
    CnsLoad,
    Discipline,
    Equipment,
    ExerciseRole,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SessionStatus,
    SkillLevel,
)
from alloy_api.scoring import service as scoring_service

programs = ProgramRepository()
microcycles = MicrocycleRepository()
sessions = SessionRepository()
workout_logs = WorkoutLogRepository()

ROLE_TARGET_RPE: dict[ExerciseRole, float | None] = {
    ExerciseRole.WARMUP: None,
    ExerciseRole.MAIN: 8.0,
    ExerciseRole.ACCESSORY: 7.5,
    ExerciseRole.FINISHER: 8.0,
    ExerciseRole.COOLDOWN: None,
}
ROLE_REST_SECONDS: dict[ExerciseRole, int] = {
    ExerciseRole.WARMUP: 30,
    ExerciseRole.MAIN: 180,
    ExerciseRole.ACCESSORY: 90,
    ExerciseRole.FINISHER: 60,
    ExerciseRole.COOLDOWN: 15,
}
EPLEY_REPS_DIVISOR = 30
ESTIMATE_DECIMALS = 2


@dataclass(frozen=True, slots=True)
class CreatedProgram:
    program: Program
    microcycles: list[Microcycle]


def program_not_found(program_id: UUID) -> NotFoundError:
    return NotFoundError(
        f"Program {program_id} not found",
        code=ErrorCode.NF_PROGRAM,
        details={"program_id": str(program_id)},
    )


def session_not_found(session_id: UUID) -> NotFoundError:
    return NotFoundError(
        f"Session {session_id} not found",
        code=ErrorCode.NF_SESSION,
        details={"session_id": str(session_id)},
    )


def active_program_changed() -> ConflictError:
    return ConflictError(
        "Another request changed which program is active at the same time; retry",
        code=ErrorCode.CF_ACTIVE_PROGRAM_CHANGED,
    )


def session_complete(session: ProgramSession) -> BusinessRuleError:
    return BusinessRuleError(
        f"Session {session.id} is completed and can no longer change",
        code=ErrorCode.BR_SESSION_COMPLETE,
        details={"session_id": str(session.id), "status": SessionStatus.COMPLETED.value},
    )


def epley_one_rep_max(weight_kg: float, reps: int) -> float:
    """Epley's estimate of the one-repetition maximum; a single is its own maximum."""
    if reps <= 1:
        return round(weight_kg, ESTIMATE_DECIMALS)
    return round(weight_kg * (1 + reps / EPLEY_REPS_DIVISOR), ESTIMATE_DECIMALS)


EnumT = TypeVar("EnumT", bound=Enum)


def _in_enum_order(values: Iterable[str], enum_type: type[EnumT]) -> tuple[EnumT, ...]:
    """The values as members of `enum_type`, in the enum's declaration order."""
    order = list(enum_type)
    return tuple(sorted((enum_type(value) for value in values), key=order.index))


def movement_options(movements: Iterable[Any]) -> list[MovementOption]:
    """The generator's view of library movements (models with their links loaded)."""
    return [
        MovementOption(
            id=str(movement.id),
            name=movement.name,
            pattern=MovementPattern(movement.pattern),
            primary_muscle=PrimaryMuscle(movement.primary_muscle),
            secondary_muscles=tuple(PrimaryMuscle(item) for item in movement.secondary_muscles),
            equipment=_in_enum_order(
                (link.equipment for link in movement.equipment_links), Equipment
            ),
            disciplines=_in_enum_order(
                (link.discipline for link in movement.discipline_links), Discipline
            ),
            skill_level=SkillLevel(movement.skill_level),
            cns_load=CnsLoad(movement.cns_load),
            compound=movement.compound,
            unilateral=movement.unilateral,
            metric_type=MetricType(movement.metric_type),
            min_recovery_hours=movement.min_recovery_hours,
        )
        for movement in movements
    ]


def circuit_options(circuits: Iterable[Any]) -> list[CircuitOption]:
    return [
        CircuitOption(
            id=str(circuit.id),
            name=circuit.name,
            circuit_type=CircuitType(circuit.circuit_type),
            movement_ids=tuple(
                str(item.movement_id)
                for item in sorted(circuit.items, key=lambda item: item.position)
            ),
            default_rounds=circuit.default_rounds,
            default_duration_seconds=circuit.default_duration_seconds,
            difficulty_tier=circuit.difficulty_tier,
        )
        for circuit in circuits
    ]


def scoring_config(version: Any) -> ScoringConfig:
    """The generator's view of a stored scoring config version."""
    roles = {
        ExerciseRole(role): RolePrescription(
            sets_min=ranges["sets_min"],
            sets_max=ranges["sets_max"],
            reps_min=ranges["reps_min"],
            reps_max=ranges["reps_max"],
            target_rpe=ROLE_TARGET_RPE[ExerciseRole(role)],
            rest_seconds=ROLE_REST_SECONDS[ExerciseRole(role)],
        )
        for role, ranges in version.set_rep_ranges.items()
    }
    return ScoringConfig(
        version=version.version, weights=ScoringWeights(**version.weights), roles=roles
    )


def _program_row(owner_id: UUID, request: ProgramCreateRequest, plan: PlannedProgram) -> Program:
    return Program(
        id=new_id(),
        owner_id=owner_id,
        name=request.name,
        start_date=request.start_date,
        duration_weeks=request.duration_weeks,
        days_per_week=request.days_per_week,
        max_session_minutes=request.max_session_minutes,
        split_template=request.split_template,
        progression_style=request.progression_style,
        deload_every_n_microcycles=request.deload_every_n_microcycles,
        goals=[item.model_dump(mode="json") for item in request.goals],
        disciplines=[item.model_dump(mode="json") for item in request.disciplines],
        is_active=True,
        scoring_config_version=plan.scoring_config_version,
        seed=plan.seed,
        session_count=plan.session_count,
    )


@dataclass(slots=True)
class ProgramRows:
    program: Program
    microcycles: list[Microcycle]
    sessions: list[ProgramSession]
    exercises: list[SessionExercise]


def program_rows(
    owner_id: UUID, request: ProgramCreateRequest, plan: PlannedProgram
) -> ProgramRows:
    """Every row of a generated program, with ids assigned, ready for bulk inserts."""
    program = _program_row(owner_id, request, plan)
    rows = ProgramRows(program, [], [], [])
    for planned_cycle in plan.microcycles:
        cycle = Microcycle(
            id=new_id(),
            program_id=program.id,
            sequence=planned_cycle.sequence,
            start_date=planned_cycle.start_date,
            length_days=planned_cycle.length_days,
            is_deload=planned_cycle.is_deload,
        )
        rows.microcycles.append(cycle)
        for planned_session in planned_cycle.sessions:
            session = ProgramSession(
                id=new_id(),
                program_id=program.id,
                microcycle_id=cycle.id,
                date=planned_session.date,
                day_number=planned_session.day_number,
                session_type=planned_session.session_type,
                intent_patterns=[pattern.value for pattern in planned_session.intent_patterns],
                estimated_minutes=planned_session.estimated_minutes,
                main_circuit_id=planned_session.main_circuit_id,
                finisher_circuit_id=planned_session.finisher_circuit_id,
                notes=planned_session.notes,
            )
            rows.sessions.append(session)
            rows.exercises.extend(
                SessionExercise(
                    id=new_id(),
                    session_id=session.id,
                    movement_id=UUID(exercise.movement_id),
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
                for exercise in planned_session.exercises
            )
    return rows


@dataclass(frozen=True, slots=True)
class GeneratorLibrary:
    movements: list[MovementOption]
    circuits: list[CircuitOption]
    config: ScoringConfig


SHARED_LIBRARY_KEY = CacheKey(
    "programs",
    "generator_library",
    Lifetime.LIST,
    generations=(movements_service.CACHE_NAMESPACE, circuits_service.CACHE_NAMESPACE),
)
"""System movements and circuits as the generator sees them; any library write retires it."""


async def _shared_library() -> dict[str, Any]:
    async def load() -> dict[str, Any]:
        movements = movement_options(await movements_service.movements_owned_by(None))
        circuits = circuit_options(await circuits_service.all_circuits())
        return {
            "movements": [asdict(option) for option in movements],
            "circuits": [asdict(option) for option in circuits],
        }

    return await cached(SHARED_LIBRARY_KEY, load)


async def load_library(owner_id: UUID) -> GeneratorLibrary:
    """The movements the owner sees (the cached system library and their own), every circuit and
    the active config."""
    config = scoring_config(await scoring_service.get_active_config())
    shared = await _shared_library()
    own_movements = movement_options(await movements_service.movements_owned_by(owner_id))
    movements = [MovementOption.from_data(data) for data in shared["movements"]] + own_movements
    circuits = [CircuitOption.from_data(data) for data in shared["circuits"]]
    return GeneratorLibrary(movements, circuits, config)


async def plan_program(owner_id: UUID, request: ProgramCreateRequest) -> PlannedProgram:
    """Generate the program from the library the owner sees and the active scoring config."""
    library = await load_library(owner_id)
    seed = request.seed if request.seed is not None else secrets.randbelow(MAX_SEED + 1)
    spec = request.program_spec(seed)
    return await asyncio.to_thread(
        generate_program, spec, library.movements, library.circuits, library.config
    )


@transactional()
async def _store_program(rows: ProgramRows) -> None:
    owner_id = rows.program.owner_id
    await programs.lock_owned(owner_id)
    await programs.deactivate_others(owner_id, None)
    try:
        await programs.insert_plan(rows.program, rows.microcycles, rows.sessions, rows.exercises)
    except ActiveProgramConflictError as error:
        raise active_program_changed() from error


async def create_program(owner_id: UUID, request: ProgramCreateRequest) -> CreatedProgram:
    """Generate and store a whole program in one transaction; it becomes the active one."""
    plan = await plan_program(owner_id, request)
    rows = program_rows(owner_id, request, plan)
    await _store_program(rows)
    return CreatedProgram(rows.program, rows.microcycles)


async def list_programs(owner_id: UUID, query: ProgramListQuery) -> Page[Program]:
    return await programs.list_owned(owner_id, query.is_active, query)


async def _owned_program(owner_id: UUID, program_id: UUID) -> Program:
    program = await programs.get_owned(owner_id, program_id)
    if program is None:
        raise program_not_found(program_id)
    return program


async def get_program(owner_id: UUID, program_id: UUID) -> CreatedProgram:
    found = await programs.owned_with_microcycles(owner_id, program_id)
    if found is None:
        raise program_not_found(program_id)
    return CreatedProgram(*found)


@transactional()
async def update_program(
    owner_id: UUID, program_id: UUID, request: ProgramUpdateRequest
) -> CreatedProgram:
    """Rename and (de)activate; activating one deactivates the owner's others."""
    await programs.lock_owned(owner_id)
    program = await _owned_program(owner_id, program_id)
    changes: dict[str, Any] = {}
    if request.name is not None:
        changes["name"] = request.name
    if request.is_active is not None and request.is_active != program.is_active:
        changes["is_active"] = request.is_active
        if request.is_active:
            await programs.deactivate_others(owner_id, program.id)
    if changes:
        try:
            await programs.update_guarded(program, **changes)
        except ActiveProgramConflictError as error:
            raise active_program_changed() from error
    return CreatedProgram(program, await programs.microcycles_of(program.id))


@transactional()
async def delete_program(owner_id: UUID, program_id: UUID) -> None:
    await programs.lock_owned(owner_id)
    program = await _owned_program(owner_id, program_id)
    if program.is_active:
        raise BusinessRuleError(
            f"Program {program_id} is the active program; activate another or deactivate it first",
            code=ErrorCode.BR_PROGRAM_ACTIVE,
            details={"program_id": str(program_id), "is_active": True},
        )
    await programs.delete(program)


async def list_microcycles(owner_id: UUID, program_id: UUID, query: PageQuery) -> Page[Microcycle]:
    program = await _owned_program(owner_id, program_id)
    return await microcycles.list_of(program.id, query)


async def list_sessions(
    owner_id: UUID, program_id: UUID, query: SessionListQuery
) -> Page[ProgramSession]:
    program = await _owned_program(owner_id, program_id)
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise FieldValidationError.single(
            "date_to",
            "date_to is before date_from",
            min=query.date_from.isoformat(),
            actual=query.date_to.isoformat(),
        )
    return await sessions.list_of(
        program.id, query, date_from=query.date_from, date_to=query.date_to, status=query.status
    )


async def _session_in(program_id: UUID, session_id: UUID, *, lock: bool) -> ProgramSession:
    if lock:
        session = await sessions.lock_in_program(program_id, session_id)
    else:
        session = await sessions.get_in_program(program_id, session_id)
    if session is None:
        raise session_not_found(session_id)
    return session


async def get_session(owner_id: UUID, program_id: UUID, session_id: UUID) -> ProgramSession:
    program = await _owned_program(owner_id, program_id)
    session = await _session_in(program.id, session_id, lock=False)
    return await sessions.load_exercises(session)


@transactional()
async def update_session(
    owner_id: UUID, program_id: UUID, session_id: UUID, request: SessionUpdateRequest
) -> ProgramSession:
    program = await _owned_program(owner_id, program_id)
    session = await _session_in(program.id, session_id, lock=True)
    if session.status == SessionStatus.COMPLETED:
        raise session_complete(session)
    changes = {
        name: value
        for name, value in request.model_dump(exclude_unset=True).items()
        if value is not None or name == "notes"
    }
    if changes:
        await sessions.update(session, **changes)
    return await sessions.load_exercises(session)


async def _check_top_set_movements(owner_id: UUID, top_sets: Sequence[TopSetRequest]) -> None:
    wanted = {top_set.movement_id for top_set in top_sets}
    visible = await movements_service.visible_movement_ids(owner_id, wanted)
    missing = sorted(str(movement_id) for movement_id in wanted - visible)
    if missing:
        raise FieldValidationError.single(
            "top_sets.movement_id",
            f"Movement {missing[0]} not found",
            actual=missing,
        )


@transactional()
async def log_workout(
    owner_id: UUID, program_id: UUID, session_id: UUID, request: WorkoutLogRequest
) -> WorkoutLog:
    """Record the workout and complete its session, together.

    It happened between the program's start and now; each top set is of a planned movement or a
    substitution naming the planned exercise it replaced.
    """
    program = await _owned_program(owner_id, program_id)
    session = await _session_in(program.id, session_id, lock=True)
    if session.status == SessionStatus.COMPLETED:
        raise session_complete(session)
    check_performed_at(request.performed_at, program.start_date, utc_now())
    await _check_top_set_movements(owner_id, request.top_sets)
    check_top_sets(request.top_sets, await sessions.planned_movements(session.id))
    log = await workout_logs.add_with_top_sets(
        {
            "owner_id": owner_id,
            "program_id": program.id,
            "session_id": session.id,
            **request.model_dump(exclude={"top_sets"}),
        },
        [
            {
                **top_set.model_dump(),
                "estimated_1rm_kg": epley_one_rep_max(top_set.weight_kg, top_set.reps),
            }
            for top_set in request.top_sets
        ],
    )
    await sessions.update(session, status=SessionStatus.COMPLETED)
    return log


async def get_workout_log(owner_id: UUID, workout_log_id: UUID) -> WorkoutLog:
    log = await workout_logs.get_owned(owner_id, workout_log_id)
    if log is None:
        raise NotFoundError(
            f"Workout log {workout_log_id} not found",
            code=ErrorCode.NF_WORKOUT_LOG,
            details={"workout_log_id": str(workout_log_id)},
        )
    return log


async def list_workout_logs(owner_id: UUID, query: WorkoutLogListQuery) -> Page[WorkoutLog]:
    return await workout_logs.list_owned(owner_id, query.program_id, query)
