"""Movements for tests, built like the shipped library's entries."""

from alloy_api.movements.library_data import LibraryMovement
from alloy_api.reference.enums import (
    BodyRegion,
    CnsLoad,
    Discipline,
    Equipment,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SkillLevel,
)


def library_entry(
    name: str,
    *,
    pattern: MovementPattern = MovementPattern.SQUAT,
    equipment: tuple[Equipment, ...] = (Equipment.BARBELL,),
    disciplines: tuple[Discipline, ...] = (Discipline.POWERLIFTING,),
    min_recovery_hours: int = 48,
    compound: bool = True,
) -> LibraryMovement:
    return LibraryMovement(
        name=name,
        pattern=pattern,
        primary_muscle=PrimaryMuscle.QUADRICEPS,
        secondary_muscles=(PrimaryMuscle.GLUTES,),
        region=BodyRegion.LOWER,
        equipment=equipment,
        disciplines=disciplines,
        skill_level=SkillLevel.BEGINNER,
        cns_load=CnsLoad.MODERATE,
        compound=compound,
        unilateral=False,
        metric_type=MetricType.REPS,
        min_recovery_hours=min_recovery_hours,
        substitution_group="test",
        description=f"{name} for tests",
    )
