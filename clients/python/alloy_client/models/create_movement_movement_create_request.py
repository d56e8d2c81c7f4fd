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
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreateMovementMovementCreateRequest")



@_attrs_define
class CreateMovementMovementCreateRequest:
    """ 
        Attributes:
            name (str):
            pattern (MovementPattern):
            primary_muscle (PrimaryMuscle):
            secondary_muscles (list[PrimaryMuscle] | Unset):
            equipment (list[Equipment] | Unset):
            disciplines (list[Discipline] | Unset):
            region (BodyRegion | None | Unset):
            skill_level (SkillLevel | Unset):
            cns_load (CnsLoad | Unset):
            compound (bool | Unset):  Default: False.
            unilateral (bool | Unset):  Default: False.
            metric_type (MetricType | Unset):
            min_recovery_hours (int | Unset):  Default: 48.
            substitution_group (None | str | Unset):
            description (str | Unset):  Default: ''.
            is_custom (bool | Unset): false creates a system movement, visible to everyone (admins only) Default: True.
     """

    name: str
    pattern: MovementPattern
    primary_muscle: PrimaryMuscle
    secondary_muscles: list[PrimaryMuscle] | Unset = UNSET
    equipment: list[Equipment] | Unset = UNSET
    disciplines: list[Discipline] | Unset = UNSET
    region: BodyRegion | None | Unset = UNSET
    skill_level: SkillLevel | Unset = UNSET
    cns_load: CnsLoad | Unset = UNSET
    compound: bool | Unset = False
    unilateral: bool | Unset = False
    metric_type: MetricType | Unset = UNSET
    min_recovery_hours: int | Unset = 48
    substitution_group: None | str | Unset = UNSET
    description: str | Unset = ''
    is_custom: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        pattern = self.pattern.value

        primary_muscle = self.primary_muscle.value

        secondary_muscles: list[str] | Unset = UNSET
        if not isinstance(self.secondary_muscles, Unset):
            secondary_muscles = []
            for secondary_muscles_item_data in self.secondary_muscles:
                secondary_muscles_item = secondary_muscles_item_data.value
                secondary_muscles.append(secondary_muscles_item)



        equipment: list[str] | Unset = UNSET
        if not isinstance(self.equipment, Unset):
            equipment = []
            for equipment_item_data in self.equipment:
                equipment_item = equipment_item_data.value
                equipment.append(equipment_item)



        disciplines: list[str] | Unset = UNSET
        if not isinstance(self.disciplines, Unset):
            disciplines = []
            for disciplines_item_data in self.disciplines:
                disciplines_item = disciplines_item_data.value
                disciplines.append(disciplines_item)



        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, BodyRegion):
            region = self.region.value
        else:
            region = self.region

        skill_level: str | Unset = UNSET
        if not isinstance(self.skill_level, Unset):
            skill_level = self.skill_level.value


        cns_load: str | Unset = UNSET
        if not isinstance(self.cns_load, Unset):
            cns_load = self.cns_load.value


        compound = self.compound

        unilateral = self.unilateral

        metric_type: str | Unset = UNSET
        if not isinstance(self.metric_type, Unset):
            metric_type = self.metric_type.value


        min_recovery_hours = self.min_recovery_hours

        substitution_group: None | str | Unset
        if isinstance(self.substitution_group, Unset):
            substitution_group = UNSET
        else:
            substitution_group = self.substitution_group

        description = self.description

        is_custom = self.is_custom


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "pattern": pattern,
            "primary_muscle": primary_muscle,
        })
        if secondary_muscles is not UNSET:
            field_dict["secondary_muscles"] = secondary_muscles
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if disciplines is not UNSET:
            field_dict["disciplines"] = disciplines
        if region is not UNSET:
            field_dict["region"] = region
        if skill_level is not UNSET:
            field_dict["skill_level"] = skill_level
        if cns_load is not UNSET:
            field_dict["cns_load"] = cns_load
        if compound is not UNSET:
            field_dict["compound"] = compound
        if unilateral is not UNSET:
            field_dict["unilateral"] = unilateral
        if metric_type is not UNSET:
            field_dict["metric_type"] = metric_type
        if min_recovery_hours is not UNSET:
            field_dict["min_recovery_hours"] = min_recovery_hours
        if substitution_group is not UNSET:
            field_dict["substitution_group"] = substitution_group
        if description is not UNSET:
            field_dict["description"] = description
        if is_custom is not UNSET:
            field_dict["is_custom"] = is_custom

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        pattern = MovementPattern(d.pop("pattern"))




        primary_muscle = PrimaryMuscle(d.pop("primary_muscle"))




        _secondary_muscles = d.pop("secondary_muscles", UNSET)
        secondary_muscles: list[PrimaryMuscle] | Unset = UNSET
        if _secondary_muscles is not UNSET:
            secondary_muscles = []
            for secondary_muscles_item_data in _secondary_muscles:
                secondary_muscles_item = PrimaryMuscle(secondary_muscles_item_data)



                secondary_muscles.append(secondary_muscles_item)


        _equipment = d.pop("equipment", UNSET)
        equipment: list[Equipment] | Unset = UNSET
        if _equipment is not UNSET:
            equipment = []
            for equipment_item_data in _equipment:
                equipment_item = Equipment(equipment_item_data)



                equipment.append(equipment_item)


        _disciplines = d.pop("disciplines", UNSET)
        disciplines: list[Discipline] | Unset = UNSET
        if _disciplines is not UNSET:
            disciplines = []
            for disciplines_item_data in _disciplines:
                disciplines_item = Discipline(disciplines_item_data)



                disciplines.append(disciplines_item)


        def _parse_region(data: object) -> BodyRegion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = BodyRegion(data)



                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BodyRegion | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))


        _skill_level = d.pop("skill_level", UNSET)
        skill_level: SkillLevel | Unset
        if isinstance(_skill_level,  Unset):
            skill_level = UNSET
        else:
            skill_level = SkillLevel(_skill_level)




        _cns_load = d.pop("cns_load", UNSET)
        cns_load: CnsLoad | Unset
        if isinstance(_cns_load,  Unset):
            cns_load = UNSET
        else:
            cns_load = CnsLoad(_cns_load)




        compound = d.pop("compound", UNSET)

        unilateral = d.pop("unilateral", UNSET)

        _metric_type = d.pop("metric_type", UNSET)
        metric_type: MetricType | Unset
        if isinstance(_metric_type,  Unset):
            metric_type = UNSET
        else:
            metric_type = MetricType(_metric_type)




        min_recovery_hours = d.pop("min_recovery_hours", UNSET)

        def _parse_substitution_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        substitution_group = _parse_substitution_group(d.pop("substitution_group", UNSET))


        description = d.pop("description", UNSET)

        is_custom = d.pop("is_custom", UNSET)

        create_movement_movement_create_request = cls(
            name=name,
            pattern=pattern,
            primary_muscle=primary_muscle,
            secondary_muscles=secondary_muscles,
            equipment=equipment,
            disciplines=disciplines,
            region=region,
            skill_level=skill_level,
            cns_load=cns_load,
            compound=compound,
            unilateral=unilateral,
            metric_type=metric_type,
            min_recovery_hours=min_recovery_hours,
            substitution_group=substitution_group,
            description=description,
            is_custom=is_custom,
        )


        create_movement_movement_create_request.additional_properties = d
        return create_movement_movement_create_request

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
