from typing import Self
from uuid import UUID

from pydantic import BaseModel, Field, model_validator

from alloy_api.kit.pagination import PageQuery
from alloy_api.kit.time import UtcDateTime
from alloy_api.scoring.models import ScoringConfigVersion

MAX_WEIGHT = 10.0
MAX_SETS = 10
MAX_REPS = 100


class DimensionWeights(BaseModel):
    """How much each scoring dimension counts when the generator ranks movements."""

    pattern_alignment: float = Field(ge=0, le=MAX_WEIGHT)
    muscle_coverage: float = Field(ge=0, le=MAX_WEIGHT)
    discipline_preference: float = Field(ge=0, le=MAX_WEIGHT)
    compound_bonus: float = Field(ge=0, le=MAX_WEIGHT)
    specialization: float = Field(ge=0, le=MAX_WEIGHT)
    goal_alignment: float = Field(ge=0, le=MAX_WEIGHT)
    time_utilization: float = Field(ge=0, le=MAX_WEIGHT)

    @model_validator(mode="after")
    def _not_all_zero(self) -> Self:
        if not any(self.model_dump().values()):
            raise ValueError("at least one weight must be above zero")
        return self


class SetRepRange(BaseModel):
    sets_min: int = Field(ge=1, le=MAX_SETS)
    sets_max: int = Field(ge=1, le=MAX_SETS)
    reps_min: int = Field(ge=1, le=MAX_REPS)
    reps_max: int = Field(ge=1, le=MAX_REPS)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.sets_min > self.sets_max or self.reps_min > self.reps_max:
            raise ValueError("each minimum must not exceed its maximum")
        return self


class SetRepRanges(BaseModel):
    """Set and rep ranges per exercise role."""

    warmup: SetRepRange
    main: SetRepRange
    accessory: SetRepRange
    finisher: SetRepRange
    cooldown: SetRepRange


class ScoringConfigRequest(BaseModel):
    weights: DimensionWeights
    set_rep_ranges: SetRepRanges


class ScoringConfigResponse(BaseModel):
    id: UUID
    version: int
    weights: DimensionWeights
    set_rep_ranges: SetRepRanges
    is_active: bool
    author: str
    author_id: UUID | None
    created_at: UtcDateTime

    @classmethod
    def from_model(cls, config: ScoringConfigVersion) -> Self:
        return cls.model_construct(
            id=config.id,
            version=config.version,
            weights=DimensionWeights.model_construct(**config.weights),
            set_rep_ranges=SetRepRanges.model_construct(
                **{
                    role: SetRepRange.model_construct(**limits)
                    for role, limits in config.set_rep_ranges.items()
                }
            ),
            is_active=config.is_active,
            author=config.author,
            author_id=config.author_id,
            created_at=config.created_at,
        )


class ScoringConfigVersionsQuery(PageQuery):
    pass
