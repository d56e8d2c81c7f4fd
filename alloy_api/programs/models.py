from typing import Any

from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id
from alloy_api.reference.enums import (
    ExerciseRole,
    MicrocycleStatus,
    ProgressionStyle,
    SessionStatus,
    SessionType,
    SplitTemplate,
)

NAME_MAX_LENGTH = 120


class Program(Model):
    """A generated multi-week program; at most one per owner is active.

    The partial unique index `uq_program_one_active_per_owner` in the migration enforces the
    single active program (aerich does not write partial indexes).
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    owner_id = fields.UUIDField()
    name = fields.CharField(max_length=NAME_MAX_LENGTH)
    start_date = fields.DateField()
    duration_weeks = fields.SmallIntField()
    days_per_week = fields.SmallIntField()
    max_session_minutes = fields.SmallIntField()
    split_template = fields.CharEnumField(SplitTemplate, max_length=32, null=True)
    progression_style = fields.CharEnumField(ProgressionStyle, max_length=32)
    deload_every_n_microcycles = fields.SmallIntField()
    goals: fields.Field[list[dict[str, Any]]] = fields.JSONField()
    disciplines: fields.Field[list[dict[str, Any]]] = fields.JSONField()
    is_active = fields.BooleanField(default=False)
    scoring_config_version = fields.IntField()
    seed = fields.BigIntField()
    session_count = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    microcycles: fields.ReverseRelation["Microcycle"]

    class Meta:
        table = "program"
        indexes = (
            ("owner_id", "created_at", "id"),
            ("owner_id", "name", "id"),
            ("owner_id", "start_date", "id"),
            ("owner_id", "is_active", "created_at", "id"),
        )


class Microcycle(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    program: fields.ForeignKeyRelation[Program] = fields.ForeignKeyField(
        "models.Program", related_name="microcycles", on_delete=fields.CASCADE
    )
    sequence = fields.SmallIntField()
    start_date = fields.DateField()
    length_days = fields.SmallIntField()
    is_deload = fields.BooleanField()
    status = fields.CharEnumField(MicrocycleStatus, max_length=16, default=MicrocycleStatus.PLANNED)

    class Meta:
        table = "microcycle"
        unique_together = (("program", "sequence"),)


class ProgramSession(Model):
    """One planned training day of a program."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    program: fields.ForeignKeyRelation[Program] = fields.ForeignKeyField(
        "models.Program", related_name="sessions", on_delete=fields.CASCADE
    )
    microcycle: fields.ForeignKeyRelation[Microcycle] = fields.ForeignKeyField(
        "models.Microcycle", related_name="sessions", on_delete=fields.CASCADE
    )
    date = fields.DateField()
    day_number = fields.SmallIntField()
    session_type = fields.CharEnumField(SessionType, max_length=16)
    intent_patterns: fields.Field[list[str]] = fields.JSONField(default=list)
    status = fields.CharEnumField(SessionStatus, max_length=16, default=SessionStatus.PLANNED)
    estimated_minutes = fields.SmallIntField()
    main_circuit_id = fields.UUIDField(null=True)
    finisher_circuit_id = fields.UUIDField(null=True)
    notes = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    exercises: fields.ReverseRelation["SessionExercise"]

    class Meta:
        table = "program_session"
        indexes = (
            ("program", "date", "id"),
            ("program", "status", "date", "id"),
            ("program", "day_number", "id"),
            ("microcycle",),
        )


class SessionExercise(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    session: fields.ForeignKeyRelation[ProgramSession] = fields.ForeignKeyField(
        "models.ProgramSession", related_name="exercises", on_delete=fields.CASCADE
    )
    movement: fields.ForeignKeyRelation[Model] = fields.ForeignKeyField(
        "models.Movement", related_name="session_exercises", on_delete=fields.RESTRICT
    )
    role = fields.CharEnumField(ExerciseRole, max_length=16)
    order = fields.SmallIntField(source_field="position")
    superset_group = fields.SmallIntField(null=True)
    target_sets = fields.SmallIntField()
    rep_range_min = fields.SmallIntField()
    rep_range_max = fields.SmallIntField()
    target_rpe = fields.FloatField(null=True)
    target_rir = fields.SmallIntField(null=True)
    rest_seconds = fields.SmallIntField()
    notes = fields.TextField(null=True)

    class Meta:
        table = "session_exercise"
        unique_together = (("session", "order"),)
        indexes = (("movement",),)


class WorkoutLog(Model):
    """What was done in a session; logging it completes the session."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    owner_id = fields.UUIDField()
    program: fields.ForeignKeyRelation[Program] = fields.ForeignKeyField(
        "models.Program", related_name="workout_logs", on_delete=fields.CASCADE
    )
    session: fields.OneToOneRelation[ProgramSession] = fields.OneToOneField(
        "models.ProgramSession", related_name="workout_log", on_delete=fields.CASCADE
    )
    performed_at = fields.DatetimeField()
    duration_minutes = fields.SmallIntField()
    perceived_difficulty = fields.SmallIntField()
    enjoyment = fields.SmallIntField()
    notes = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    top_sets: fields.ReverseRelation["TopSet"]

    class Meta:
        table = "workout_log"
        indexes = (
            ("owner_id", "performed_at", "id"),
            ("owner_id", "created_at", "id"),
            ("program", "performed_at", "id"),
        )


class TopSet(Model):
    """The heaviest set of one movement in a workout, with its Epley estimate of the 1RM.

    A movement the session did not plan is a substitution: it names the exercise it replaced.
    That id is a plain column, not a foreign key: SQLite cannot add a foreign key to an existing
    table (nor drop the column again) without rebuilding it, and the service checks that the
    exercise is one of the session's, whose exercises never change and go only with the program.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    workout_log: fields.ForeignKeyRelation[WorkoutLog] = fields.ForeignKeyField(
        "models.WorkoutLog", related_name="top_sets", on_delete=fields.CASCADE
    )
    position = fields.SmallIntField()
    movement: fields.ForeignKeyRelation[Model] = fields.ForeignKeyField(
        "models.Movement", related_name="top_sets", on_delete=fields.RESTRICT
    )
    weight_kg = fields.FloatField()
    reps = fields.SmallIntField()
    rpe = fields.FloatField(null=True)
    rir = fields.SmallIntField(null=True)
    estimated_1rm_kg = fields.FloatField()
    substitutes_exercise_id = fields.UUIDField(
        null=True, description="the planned exercise of the session this movement replaced"
    )

    class Meta:
        table = "top_set"
        unique_together = (("workout_log", "position"),)
        ordering = ("position",)
        indexes = (("movement",),)
