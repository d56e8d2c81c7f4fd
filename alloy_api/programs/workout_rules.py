"""What a workout log must satisfy besides its shape: when it happened and what was done.

Pure checks on plain values; the service loads the program, the session's plan and the clock.
"""

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from alloy_api.kit.errors import ErrorCode, ErrorDetail, FieldValidationError, field_code
from alloy_api.kit.time import format_utc
from alloy_api.programs.resources import TopSetRequest

CLOCK_SKEW = timedelta(minutes=5)
EARLIEST_UTC_OFFSET = timedelta(hours=14)
"""A start date begins first at UTC+14: earlier than that, it has begun nowhere."""
SUBSTITUTES_FIELD = "substitutes_exercise_id"


def performed_at_window(program_start: date, now: datetime) -> tuple[datetime, datetime]:
    """The first and last moments a workout of the program may have been performed at."""
    earliest = datetime.combine(program_start, time.min, tzinfo=UTC) - EARLIEST_UTC_OFFSET
    return earliest, now + CLOCK_SKEW


def check_performed_at(performed_at: datetime, program_start: date, now: datetime) -> None:
    earliest, latest = performed_at_window(program_start, now)
    if performed_at > latest:
        raise FieldValidationError.single(
            "performed_at",
            "performed_at is in the future (more than 5 minutes ahead of the server's clock)",
            reason="in_future",
            max=format_utc(latest),
            actual=format_utc(performed_at),
        )
    if performed_at < earliest:
        raise FieldValidationError.single(
            "performed_at",
            f"performed_at is before the program starts on {program_start.isoformat()}",
            reason="before_program_start",
            min=format_utc(earliest),
            actual=format_utc(performed_at),
        )


def _unplanned(index: int, top_set: TopSetRequest) -> ErrorDetail:
    return ErrorDetail(
        ErrorCode.VAL_UNPLANNED_MOVEMENT.code,
        f"Movement {top_set.movement_id} is not planned in this session; name the planned"
        f" exercise it replaces in top_sets.{index}.{SUBSTITUTES_FIELD}",
        {
            "field": f"top_sets.{index}.movement_id",
            "index": index,
            "actual": str(top_set.movement_id),
        },
    )


def _bad_substitution(index: int, top_set: TopSetRequest, reason: str, message: str) -> ErrorDetail:
    field = f"top_sets.{index}.{SUBSTITUTES_FIELD}"
    return ErrorDetail(
        field_code(field),
        message,
        {
            "field": field,
            "index": index,
            "reason": reason,
            "actual": str(top_set.substitutes_exercise_id),
        },
    )


def _top_set_problem(
    index: int, top_set: TopSetRequest, planned: Mapping[UUID, UUID]
) -> ErrorDetail | None:
    replaced = top_set.substitutes_exercise_id
    if replaced is None:
        return None if top_set.movement_id in planned.values() else _unplanned(index, top_set)
    if replaced not in planned:
        return _bad_substitution(
            index, top_set, "not_in_session", f"Exercise {replaced} is not one of this session's"
        )
    if planned[replaced] == top_set.movement_id:
        return _bad_substitution(
            index,
            top_set,
            "same_movement",
            "A substitution must use another movement than the exercise it replaces",
        )
    return None


def check_top_sets(top_sets: Sequence[TopSetRequest], planned: Mapping[UUID, UUID]) -> None:
    """Each top set is of a planned movement, or a substitution naming the exercise it replaced.

    `planned` maps the session's exercise ids to their movement ids.
    """
    problems = [
        problem
        for index, top_set in enumerate(top_sets)
        if (problem := _top_set_problem(index, top_set, planned)) is not None
    ]
    if problems:
        raise FieldValidationError(problems)
