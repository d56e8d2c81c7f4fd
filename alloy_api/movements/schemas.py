from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from alloy_api.kit.pagination import PageQuery
from alloy_api.kit.time import UtcDateTime
from alloy_api.kit.validation import FreeText
from alloy_api.movements.models import NAME_MAX_LENGTH, SUBSTITUTION_GROUP_MAX_LENGTH, Movement
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

MovementName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH)
]
MAX_DESCRIPTION_LENGTH = 2000
MAX_RECOVERY_HOURS = 168
MAX_SEARCH_LENGTH = 100


class MovementResponse(BaseModel):
    id: UUID
    name: str
    pattern: MovementPattern
    primary_muscle: PrimaryMuscle
    secondary_muscles: list[PrimaryMuscle]
    region: BodyRegion
    equipment: list[Equipment]
    disciplines: list[Discipline]
    skill_level: SkillLevel
    cns_load: CnsLoad
    compound: bool
    unilateral: bool
    metric_type: MetricType
    min_recovery_hours: int
    substitution_group: str | None
    description: str
    is_custom: bool
    created_at: UtcDateTime

    @classmethod
    def from_model(cls, movement: Movement) -> Self:
        return cls.model_construct(
            id=movement.id,
            name=movement.name,
            pattern=movement.pattern,
            primary_muscle=movement.primary_muscle,
            secondary_muscles=[PrimaryMuscle(muscle) for muscle in movement.secondary_muscles],
            region=movement.region,
            equipment=sorted(
                (Equipment(link.equipment) for link in movement.equipment_links),
                key=list(Equipment).index,
            ),
            disciplines=sorted(
                (Discipline(link.discipline) for link in movement.discipline_links),
                key=list(Discipline).index,
            ),
            skill_level=movement.skill_level,
            cns_load=movement.cns_load,
            compound=movement.compound,
            unilateral=movement.unilateral,
            metric_type=movement.metric_type,
            min_recovery_hours=movement.min_recovery_hours,
            substitution_group=movement.substitution_group,
            description=movement.description,
            is_custom=movement.is_custom,
            created_at=movement.created_at,
        )


class MovementFields(BaseModel):
    """The optional classification of a movement; omitted fields take library defaults."""

    secondary_muscles: list[PrimaryMuscle] = Field(default_factory=list, max_length=10)
    equipment: list[Equipment] = Field(default_factory=list, max_length=10)
    disciplines: list[Discipline] = Field(default_factory=list, max_length=9)
    region: BodyRegion | None = None
    skill_level: SkillLevel = SkillLevel.BEGINNER
    cns_load: CnsLoad = CnsLoad.LOW
    compound: bool = False
    unilateral: bool = False
    metric_type: MetricType = MetricType.REPS
    min_recovery_hours: int = Field(48, ge=0, le=MAX_RECOVERY_HOURS)
    substitution_group: str | None = Field(None, max_length=SUBSTITUTION_GROUP_MAX_LENGTH)
    description: FreeText = Field("", max_length=MAX_DESCRIPTION_LENGTH)


class MovementCreateRequest(MovementFields):
    name: MovementName
    pattern: MovementPattern
    primary_muscle: PrimaryMuscle
    is_custom: bool = Field(
        True, description="false creates a system movement, visible to everyone (admins only)"
    )


class MovementUpdateRequest(BaseModel):
    name: MovementName | None = None
    pattern: MovementPattern | None = None
    primary_muscle: PrimaryMuscle | None = None
    secondary_muscles: list[PrimaryMuscle] | None = Field(None, max_length=10)
    equipment: list[Equipment] | None = Field(None, max_length=10)
    disciplines: list[Discipline] | None = Field(None, max_length=9)
    region: BodyRegion | None = None
    skill_level: SkillLevel | None = None
    cns_load: CnsLoad | None = None
    compound: bool | None = None
    unilateral: bool | None = None
    metric_type: MetricType | None = None
    min_recovery_hours: int | None = Field(None, ge=0, le=MAX_RECOVERY_HOURS)
    substitution_group: str | None = Field(None, max_length=SUBSTITUTION_GROUP_MAX_LENGTH)
    description: FreeText | None = Field(None, max_length=MAX_DESCRIPTION_LENGTH)


class MovementListQuery(PageQuery):
    pattern: MovementPattern | None = None
    discipline: Discipline | None = None
    equipment: Equipment | None = None
    q: str | None = Field(
        None, max_length=MAX_SEARCH_LENGTH, description="case-insensitive substring of the name"
    )
