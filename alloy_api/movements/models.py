from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id
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

NAME_MAX_LENGTH = 100
SUBSTITUTION_GROUP_MAX_LENGTH = 60


class Movement(Model):
    """A movement of the library; a null owner marks a system movement.

    Names are unique among system movements and per owner, case-insensitively: partial unique
    indexes in the migration enforce it.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    name = fields.CharField(max_length=NAME_MAX_LENGTH)
    pattern = fields.CharEnumField(MovementPattern, max_length=32)
    primary_muscle = fields.CharEnumField(PrimaryMuscle, max_length=32)
    secondary_muscles: fields.Field[list[str]] = fields.JSONField(default=list)
    region = fields.CharEnumField(BodyRegion, max_length=16)
    skill_level = fields.CharEnumField(SkillLevel, max_length=16)
    cns_load = fields.CharEnumField(CnsLoad, max_length=16)
    compound = fields.BooleanField()
    unilateral = fields.BooleanField()
    metric_type = fields.CharEnumField(MetricType, max_length=16)
    min_recovery_hours = fields.IntField()
    substitution_group = fields.CharField(max_length=SUBSTITUTION_GROUP_MAX_LENGTH, null=True)
    description = fields.TextField()
    owner_id = fields.UUIDField(null=True, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    equipment_links: fields.ReverseRelation["MovementEquipment"]
    discipline_links: fields.ReverseRelation["MovementDiscipline"]

    class Meta:
        table = "movement"
        indexes = (("name", "id"), ("created_at", "id"), ("pattern", "id"))

    @property
    def is_custom(self) -> bool:
        return self.owner_id is not None


class MovementEquipment(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    movement: fields.ForeignKeyRelation[Movement] = fields.ForeignKeyField(
        "models.Movement", related_name="equipment_links", on_delete=fields.CASCADE
    )
    equipment = fields.CharEnumField(Equipment, max_length=32)

    class Meta:
        table = "movement_equipment"
        unique_together = (("movement", "equipment"),)
        indexes = (("equipment", "movement"),)


class MovementDiscipline(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    movement: fields.ForeignKeyRelation[Movement] = fields.ForeignKeyField(
        "models.Movement", related_name="discipline_links", on_delete=fields.CASCADE
    )
    discipline = fields.CharEnumField(Discipline, max_length=32)

    class Meta:
        table = "movement_discipline"
        unique_together = (("movement", "discipline"),)
        indexes = (("discipline", "movement"),)
