from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from alloy_api.db.repository import TortoiseRepository
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.programs.models import (
    Microcycle,
    Program,
    ProgramSession,
    SessionExercise,
    TopSet,
    WorkoutLog,
)
from alloy_api.reference.enums import SessionStatus


class ActiveProgramConflictError(Exception):
    """The database refused a second active program for one owner."""


class ProgramRepository(TortoiseRepository[Program]):
    model = Program
    sorts: ClassVar[Mapping[str, str]] = {
        "created_at": "created_at",
        "name": "name",
        "start_date": "start_date",
    }
    default_sort = "-created_at"

    async def list_owned(
        self, owner_id: UUID, is_active: bool | None, query: PageQuery
    ) -> Page[Program]:
        where = Q(owner_id=owner_id)
        applied: dict[str, Any] = {}
        if is_active is not None:
            where &= Q(is_active=is_active)
            applied["is_active"] = is_active
        return await self.list(query, where=where, filters_applied=applied)

    async def get_owned(self, owner_id: UUID, program_id: UUID) -> Program | None:
        return await self.get(program_id, where=Q(owner_id=owner_id))

    async def lock_owned(self, owner_id: UUID) -> list[UUID]:
        """Lock every program of the owner (in id order) until the transaction ends.

        Activations of one owner's programs queue behind each other instead of racing.
        """
        locked = await (
            self.queryset().filter(owner_id=owner_id).order_by("id").select_for_update().only("id")
        )
        return [program.id for program in locked]

    async def deactivate_others(self, owner_id: UUID, keep_id: UUID | None) -> int:
        others = self.queryset().filter(owner_id=owner_id, is_active=True)
        if keep_id is not None:
            others = others.exclude(id=keep_id)
        return await others.update(is_active=False)

    async def update_guarded(self, program: Program, **values: Any) -> Program:
        try:
            return await self.update(program, **values)
        except IntegrityError as error:
            raise ActiveProgramConflictError(str(program.owner_id)) from error

    async def insert_plan(
        self,
        program: Program,
        microcycles: Sequence[Microcycle],
        sessions: Sequence[ProgramSession],
        exercises: Sequence[SessionExercise],
    ) -> None:
        """Write a whole generated program: one statement per table (the rows are batched)."""
        connection = self.connection
        try:
            await program.save(using_db=connection, force_create=True)
        except IntegrityError as error:
            raise ActiveProgramConflictError(str(program.owner_id)) from error
        await Microcycle.bulk_create(microcycles, using_db=connection)
        await ProgramSession.bulk_create(sessions, using_db=connection)
        await SessionExercise.bulk_create(exercises, using_db=connection)

    async def owned_with_microcycles(
        self, owner_id: UUID, program_id: UUID
    ) -> tuple[Program, list[Microcycle]] | None:
        """The owner's program and its microcycles in order, in one statement (the microcycles
        with their program joined); a program without microcycles costs a second one."""
        microcycles = await (
            Microcycle.filter(program_id=program_id, program__owner_id=owner_id)
            .select_related("program")
            .using_db(self.connection)
            .order_by("sequence")
        )
        if microcycles:
            return microcycles[0].program, microcycles
        program = await self.get_owned(owner_id, program_id)
        return None if program is None else (program, [])

    async def microcycles_of(self, program_id: UUID) -> list[Microcycle]:
        return await (
            Microcycle.filter(program_id=program_id).using_db(self.connection).order_by("sequence")
        )


class MicrocycleRepository(TortoiseRepository[Microcycle]):
    model = Microcycle
    sorts: ClassVar[Mapping[str, str]] = {"sequence": "sequence"}
    default_sort = "sequence"

    async def list_of(self, program_id: UUID, query: PageQuery) -> Page[Microcycle]:
        return await self.list(query, where=Q(program_id=program_id), filters_applied={})


class SessionRepository(TortoiseRepository[ProgramSession]):
    model = ProgramSession
    sorts: ClassVar[Mapping[str, str]] = {"date": "date", "day_number": "day_number"}
    default_sort = "date"

    async def list_of(
        self,
        program_id: UUID,
        query: PageQuery,
        *,
        date_from: date | None,
        date_to: date | None,
        status: SessionStatus | None,
    ) -> Page[ProgramSession]:
        where = Q(program_id=program_id)
        applied: dict[str, Any] = {}
        if date_from is not None:
            where &= Q(date__gte=date_from)
            applied["date_from"] = date_from.isoformat()
        if date_to is not None:
            where &= Q(date__lte=date_to)
            applied["date_to"] = date_to.isoformat()
        if status is not None:
            where &= Q(status=status)
            applied["status"] = status.value
        return await self.list(query, where=where, filters_applied=applied)

    async def get_in_program(self, program_id: UUID, session_id: UUID) -> ProgramSession | None:
        return await self.get(session_id, where=Q(program_id=program_id))

    async def lock_in_program(self, program_id: UUID, session_id: UUID) -> ProgramSession | None:
        """The session, locked until the transaction ends (concurrent writers queue)."""
        return await (
            self.queryset().filter(id=session_id, program_id=program_id).select_for_update().first()
        )

    async def planned_movements(self, session_id: UUID) -> dict[UUID, UUID]:
        """The session's exercise ids and the movement each one plans."""
        rows = await (
            SessionExercise.filter(session_id=session_id)
            .using_db(self.connection)
            .values_list("id", "movement_id")
        )
        return {UUID(str(exercise_id)): UUID(str(movement_id)) for exercise_id, movement_id in rows}

    async def load_exercises(self, session: ProgramSession) -> ProgramSession:
        await ProgramSession.fetch_for_list(
            [session], "exercises__movement", using_db=self.connection
        )
        return session


class WorkoutLogRepository(TortoiseRepository[WorkoutLog]):
    model = WorkoutLog
    sorts: ClassVar[Mapping[str, str]] = {
        "performed_at": "performed_at",
        "created_at": "created_at",
    }
    default_sort = "-performed_at"
    related: ClassVar[Sequence[str]] = ("top_sets",)

    async def get_owned(self, owner_id: UUID, workout_log_id: UUID) -> WorkoutLog | None:
        return await self.get(workout_log_id, where=Q(owner_id=owner_id))

    async def list_owned(
        self, owner_id: UUID, program_id: UUID | None, query: PageQuery
    ) -> Page[WorkoutLog]:
        where = Q(owner_id=owner_id)
        applied: dict[str, Any] = {}
        if program_id is not None:
            where &= Q(program_id=program_id)
            applied["program_id"] = str(program_id)
        return await self.list(query, where=where, filters_applied=applied)

    async def add_with_top_sets(
        self, values: Mapping[str, Any], top_sets: Sequence[Mapping[str, Any]]
    ) -> WorkoutLog:
        log = await self.create(**values)
        await TopSet.bulk_create(
            [
                TopSet(workout_log_id=log.id, position=position, **top_set)
                for position, top_set in enumerate(top_sets)
            ],
            using_db=self.connection,
        )
        await self.load_related([log])
        return log
