"""Loading and deload doses week by week, and the efforts and notes shown with an exercise."""

import math

from alloy_api.programs.generator.doses import Dose, TemplateExercise
from alloy_api.programs.generator.tables import DELOAD_RPE_DROP, HIGHEST_RPE, LOWEST_RPE
from alloy_api.programs.plan import (
    MovementOption,
)
from alloy_api.reference.enums import (
    MetricType,
    ProgressionStyle,
)


def loading_dose(
    exercise: TemplateExercise, style: ProgressionStyle, week: int, session_index: int
) -> Dose:
    """The dose of a loading week: `week` counts loading weeks from the block's start."""
    peak = exercise.peak
    if peak.rpe is None:
        return peak
    if style == ProgressionStyle.DOUBLE_PROGRESSION:
        return peak._replace(sets=min(peak.sets, exercise.sets_floor + week))
    if style == ProgressionStyle.UNDULATING:
        middle = (peak.reps_min + peak.reps_max) // 2
        variant = session_index % 3
        if variant == 0:
            return peak._replace(reps_max=max(peak.reps_min, middle), rpe=_rpe(peak.rpe + 0.5))
        if variant == 2:
            return peak._replace(reps_min=min(peak.reps_max, middle), rpe=_rpe(peak.rpe - 1.0))
        return peak
    return peak._replace(rpe=_rpe(min(peak.rpe + 1.0, peak.rpe - 1.0 + 0.5 * week)))


def deload_dose(dose: Dose) -> Dose:
    rpe = None if dose.rpe is None else _rpe(dose.rpe - DELOAD_RPE_DROP)
    return dose._replace(sets=math.ceil(dose.sets / 2), rpe=rpe)


def _rpe(value: float) -> float:
    return min(HIGHEST_RPE, max(LOWEST_RPE, value))


def reps_in_reserve(rpe: float | None) -> int | None:
    return None if rpe is None else max(0, int(HIGHEST_RPE - rpe))


def exercise_note(movement: MovementOption) -> str | None:
    notes = []
    if movement.metric_type == MetricType.DURATION:
        notes.append("Rep range in seconds per set")
    elif movement.metric_type == MetricType.DISTANCE:
        notes.append("Rep range in meters per set")
    if movement.unilateral:
        notes.append("each side")
    return ", ".join(notes).capitalize() if notes else None
