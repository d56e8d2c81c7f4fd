from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.body_region import BodyRegion
from ..models.cns_load import CnsLoad
from ..models.discipline import Discipline
from ..models.equipment import Equipment
from ..models.metric_type import MetricType
from ..models.movement_pattern import MovementPattern
from ..models.primary_muscle import PrimaryMuscle
from ..models.skill_level import SkillLevel
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MovementResponse")



@_attrs_define
class MovementResponse:
    """ 
        Attributes:
            id (UUID):
            name (str):
            pattern (MovementPattern):
            primary_muscle (PrimaryMuscle):
            secondary_muscles (list[PrimaryMuscle]):
            region (BodyRegion):
            equipment (list[Equipment]):
            disciplines (list[Discipline]):
            skill_level (SkillLevel):
            cns_load (CnsLoad):
            compound (bool):
            unilateral (bool):
            metric_type (MetricType):
            min_recovery_hours (int):
            substitution_group (None | str):
            description (str):
            is_custom (bool):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

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
    substitution_group: None | str
    description: str
    is_custom: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        pattern = self.pattern.value

        primary_muscle = self.primary_muscle.value

        secondary_muscles = []
        for secondary_muscles_item_data in self.secondary_muscles:
            secondary_muscles_item = secondary_muscles_item_data.value
            secondary_muscles.append(secondary_muscles_item)



        region = self.region.value

        equipment = []
        for equipment_item_data in self.equipment:
            equipment_item = equipment_item_data.value
            equipment.append(equipment_item)



        disciplines = []
        for disciplines_item_data in self.disciplines:
            disciplines_item = disciplines_item_data.value
            disciplines.append(disciplines_item)



        skill_level = self.skill_level.value

        cns_load = self.cns_load.value

        compound = self.compound

        unilateral = self.unilateral

        metric_type = self.metric_type.value

        min_recovery_hours = self.min_recovery_hours

        substitution_group: None | str
        substitution_group = self.substitution_group

        description = self.description

        is_custom = self.is_custom

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "pattern": pattern,
            "primary_muscle": primary_muscle,
            "secondary_muscles": secondary_muscles,
            "region": region,
            "equipment": equipment,
            "disciplines": disciplines,
            "skill_level": skill_level,
            "cns_load": cns_load,
            "compound": compound,
            "unilateral": unilateral,
            "metric_type": metric_type,
            "min_recovery_hours": min_recovery_hours,
            "substitution_group": substitution_group,
            "description": description,
            "is_custom": is_custom,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        pattern = MovementPattern(d.pop("pattern"))




        primary_muscle = PrimaryMuscle(d.pop("primary_muscle"))




        secondary_muscles = []
        _secondary_muscles = d.pop("secondary_muscles")
        for secondary_muscles_item_data in (_secondary_muscles):
            secondary_muscles_item = PrimaryMuscle(secondary_muscles_item_data)



            secondary_muscles.append(secondary_muscles_item)


        region = BodyRegion(d.pop("region"))




        equipment = []
        _equipment = d.pop("equipment")
        for equipment_item_data in (_equipment):
            equipment_item = Equipment(equipment_item_data)



            equipment.append(equipment_item)


        disciplines = []
        _disciplines = d.pop("disciplines")
        for disciplines_item_data in (_disciplines):
            disciplines_item = Discipline(disciplines_item_data)



            disciplines.append(disciplines_item)


        skill_level = SkillLevel(d.pop("skill_level"))




        cns_load = CnsLoad(d.pop("cns_load"))




        compound = d.pop("compound")

        unilateral = d.pop("unilateral")

        metric_type = MetricType(d.pop("metric_type"))




        min_recovery_hours = d.pop("min_recovery_hours")

        def _parse_substitution_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        substitution_group = _parse_substitution_group(d.pop("substitution_group"))


        description = d.pop("description")

        is_custom = d.pop("is_custom")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        movement_response = cls(
            id=id,
            name=name,
            pattern=pattern,
            primary_muscle=primary_muscle,
            secondary_muscles=secondary_muscles,
            region=region,
            equipment=equipment,
            disciplines=disciplines,
            skill_level=skill_level,
            cns_load=cns_load,
            compound=compound,
            unilateral=unilateral,
            metric_type=metric_type,
            min_recovery_hours=min_recovery_hours,
            substitution_group=substitution_group,
            description=description,
            is_custom=is_custom,
            created_at=created_at,
        )


        movement_response.additional_properties = d
        return movement_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
