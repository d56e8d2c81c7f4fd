from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints, model_validator

from alloy_api.circuits.models import NAME_MAX_LENGTH, Circuit, CircuitItem
from alloy_api.kit.pagination import PageQuery
from alloy_api.kit.time import UtcDateTime
from alloy_api.kit.validation import FreeText
from alloy_api.reference.enums import CircuitType

CircuitName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH)
]
MAX_ITEMS = 30
MAX_DESCRIPTION_LENGTH = 2000
MAX_NOTES_LENGTH = 500
MIN_DIFFICULTY_TIER = 1
MAX_DIFFICULTY_TIER = 5


class CircuitItemRequest(BaseModel):
    movement_id: UUID
    reps: int | None = Field(None, ge=1, le=1000)
    distance_meters: int | None = Field(None, ge=1, le=100_000)
    duration_seconds: int | None = Field(None, ge=1, le=7200)
    rest_seconds: int | None = Field(None, ge=0, le=3600)
    notes: FreeText | None = Field(None, max_length=MAX_NOTES_LENGTH)

    @model_validator(mode="after")
    def _has_a_target(self) -> Self:
        if self.reps is None and self.distance_meters is None and self.duration_seconds is None:
            raise ValueError("an item needs reps, distance_meters or duration_seconds")
        return self


class CircuitRequest(BaseModel):
    """A whole circuit: the body of POST and PUT."""

    name: CircuitName
    circuit_type: CircuitType
    description: FreeText = Field("", max_length=MAX_DESCRIPTION_LENGTH)
    default_rounds: int | None = Field(None, ge=1, le=100)
    default_duration_seconds: int | None = Field(None, ge=1, le=7200)
    difficulty_tier: int = Field(
        MIN_DIFFICULTY_TIER, ge=MIN_DIFFICULTY_TIER, le=MAX_DIFFICULTY_TIER
    )
    items: list[CircuitItemRequest] = Field(min_length=1, max_length=MAX_ITEMS)


class CircuitPatchRequest(BaseModel):
    name: CircuitName | None = None
    circuit_type: CircuitType | None = None
    description: FreeText | None = Field(None, max_length=MAX_DESCRIPTION_LENGTH)
    default_rounds: int | None = Field(None, ge=1, le=100)
    default_duration_seconds: int | None = Field(None, ge=1, le=7200)
    difficulty_tier: int | None = Field(None, ge=MIN_DIFFICULTY_TIER, le=MAX_DIFFICULTY_TIER)
    items: list[CircuitItemRequest] | None = Field(None, min_length=1, max_length=MAX_ITEMS)


class CircuitItemResponse(BaseModel):
    movement_id: UUID
    movement_name: str
    reps: int | None
    distance_meters: int | None
    duration_seconds: int | None
    rest_seconds: int | None
    notes: str | None

    @classmethod
    def from_model(cls, item: CircuitItem) -> Self:
        return cls.model_construct(
            movement_id=item.movement.id,
            movement_name=item.movement.name,
            reps=item.reps,
            distance_meters=item.distance_meters,
            duration_seconds=item.duration_seconds,
            rest_seconds=item.rest_seconds,
            notes=item.notes,
        )


class CircuitResponse(BaseModel):
    id: UUID
    name: str
    circuit_type: CircuitType
    description: str
    default_rounds: int | None
    default_duration_seconds: int | None
    difficulty_tier: int
    items: list[CircuitItemResponse]
    created_at: UtcDateTime

    @classmethod
    def from_model(cls, circuit: Circuit) -> Self:
        ordered_items = sorted(circuit.items, key=lambda item: item.position)
        return cls.model_construct(
            id=circuit.id,
            name=circuit.name,
            circuit_type=circuit.circuit_type,
            description=circuit.description,
            default_rounds=circuit.default_rounds,
            default_duration_seconds=circuit.default_duration_seconds,
            difficulty_tier=circuit.difficulty_tier,
            items=[CircuitItemResponse.from_model(item) for item in ordered_items],
            created_at=circuit.created_at,
        )


class CircuitListQuery(PageQuery):
    circuit_type: CircuitType | None = None
