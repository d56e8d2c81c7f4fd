from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id
from alloy_api.reference.enums import CircuitType

NAME_MAX_LENGTH = 100


class Circuit(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    name = fields.CharField(max_length=NAME_MAX_LENGTH, unique=True)
    circuit_type = fields.CharEnumField(CircuitType, max_length=32)
    description = fields.TextField()
    default_rounds = fields.IntField(null=True)
    default_duration_seconds = fields.IntField(null=True)
    difficulty_tier = fields.SmallIntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    items: fields.ReverseRelation["CircuitItem"]

    class Meta:
        table = "circuit"
        indexes = (
            ("created_at", "id"),
            ("circuit_type", "name", "id"),
            ("circuit_type", "created_at", "id"),
        )


class CircuitItem(Model):
    """One step of a circuit; `position` orders them from 0."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    circuit: fields.ForeignKeyRelation[Circuit] = fields.ForeignKeyField(
        "models.Circuit", related_name="items", on_delete=fields.CASCADE
    )
    position = fields.SmallIntField()
    movement: fields.ForeignKeyRelation[Model] = fields.ForeignKeyField(
        "models.Movement", related_name="circuit_items", on_delete=fields.RESTRICT
    )
    reps = fields.IntField(null=True)
    distance_meters = fields.IntField(null=True)
    duration_seconds = fields.IntField(null=True)
    rest_seconds = fields.IntField(null=True)
    notes = fields.TextField(null=True)

    class Meta:
        table = "circuit_item"
        unique_together = (("circuit", "position"),)
        ordering = ("position",)
