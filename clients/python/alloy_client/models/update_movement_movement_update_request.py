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






T = TypeVar("T", bound="UpdateMovementMovementUpdateRequest")



@_attrs_define
class UpdateMovementMovementUpdateRequest:
    """ 
        Attributes:
            name (None | str | Unset):
            pattern (MovementPattern | None | Unset):
            primary_muscle (None | PrimaryMuscle | Unset):
            secondary_muscles (list[PrimaryMuscle] | None | Unset):
            equipment (list[Equipment] | None | Unset):
            disciplines (list[Discipline] | None | Unset):
            region (BodyRegion | None | Unset):
            skill_level (None | SkillLevel | Unset):
            cns_load (CnsLoad | None | Unset):
            compound (bool | None | Unset):
            unilateral (bool | None | Unset):
            metric_type (MetricType | None | Unset):
            min_recovery_hours (int | None | Unset):
            substitution_group (None | str | Unset):
            description (None | str | Unset):
     """

    name: None | str | Unset = UNSET
    pattern: MovementPattern | None | Unset = UNSET
    primary_muscle: None | PrimaryMuscle | Unset = UNSET
    secondary_muscles: list[PrimaryMuscle] | None | Unset = UNSET
    equipment: list[Equipment] | None | Unset = UNSET
    disciplines: list[Discipline] | None | Unset = UNSET
    region: BodyRegion | None | Unset = UNSET
    skill_level: None | SkillLevel | Unset = UNSET
    cns_load: CnsLoad | None | Unset = UNSET
    compound: bool | None | Unset = UNSET
    unilateral: bool | None | Unset = UNSET
    metric_type: MetricType | None | Unset = UNSET
    min_recovery_hours: int | None | Unset = UNSET
    substitution_group: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        elif isinstance(self.pattern, MovementPattern):
            pattern = self.pattern.value
        else:
            pattern = self.pattern

        primary_muscle: None | str | Unset
        if isinstance(self.primary_muscle, Unset):
            primary_muscle = UNSET
        elif isinstance(self.primary_muscle, PrimaryMuscle):
            primary_muscle = self.primary_muscle.value
        else:
            primary_muscle = self.primary_muscle

        secondary_muscles: list[str] | None | Unset
        if isinstance(self.secondary_muscles, Unset):
            secondary_muscles = UNSET
        elif isinstance(self.secondary_muscles, list):
            secondary_muscles = []
            for secondary_muscles_type_0_item_data in self.secondary_muscles:
                secondary_muscles_type_0_item = secondary_muscles_type_0_item_data.value
                secondary_muscles.append(secondary_muscles_type_0_item)


        else:
            secondary_muscles = self.secondary_muscles

        equipment: list[str] | None | Unset
        if isinstance(self.equipment, Unset):
            equipment = UNSET
        elif isinstance(self.equipment, list):
            equipment = []
            for equipment_type_0_item_data in self.equipment:
                equipment_type_0_item = equipment_type_0_item_data.value
                equipment.append(equipment_type_0_item)


        else:
            equipment = self.equipment

        disciplines: list[str] | None | Unset
        if isinstance(self.disciplines, Unset):
            disciplines = UNSET
        elif isinstance(self.disciplines, list):
            disciplines = []
            for disciplines_type_0_item_data in self.disciplines:
                disciplines_type_0_item = disciplines_type_0_item_data.value
                disciplines.append(disciplines_type_0_item)


        else:
            disciplines = self.disciplines

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, BodyRegion):
            region = self.region.value
        else:
            region = self.region

        skill_level: None | str | Unset
        if isinstance(self.skill_level, Unset):
            skill_level = UNSET
        elif isinstance(self.skill_level, SkillLevel):
            skill_level = self.skill_level.value
        else:
            skill_level = self.skill_level

        cns_load: None | str | Unset
        if isinstance(self.cns_load, Unset):
            cns_load = UNSET
        elif isinstance(self.cns_load, CnsLoad):
            cns_load = self.cns_load.value
        else:
            cns_load = self.cns_load

        compound: bool | None | Unset
        if isinstance(self.compound, Unset):
            compound = UNSET
        else:
            compound = self.compound

        unilateral: bool | None | Unset
        if isinstance(self.unilateral, Unset):
            unilateral = UNSET
        else:
            unilateral = self.unilateral

        metric_type: None | str | Unset
        if isinstance(self.metric_type, Unset):
            metric_type = UNSET
        elif isinstance(self.metric_type, MetricType):
            metric_type = self.metric_type.value
        else:
            metric_type = self.metric_type

        min_recovery_hours: int | None | Unset
        if isinstance(self.min_recovery_hours, Unset):
            min_recovery_hours = UNSET
        else:
            min_recovery_hours = self.min_recovery_hours

        substitution_group: None | str | Unset
        if isinstance(self.substitution_group, Unset):
            substitution_group = UNSET
        else:
            substitution_group = self.substitution_group

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if primary_muscle is not UNSET:
            field_dict["primary_muscle"] = primary_muscle
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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_pattern(data: object) -> MovementPattern | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pattern_type_0 = MovementPattern(data)



                return pattern_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MovementPattern | None | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))


        def _parse_primary_muscle(data: object) -> None | PrimaryMuscle | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                primary_muscle_type_0 = PrimaryMuscle(data)



                return primary_muscle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrimaryMuscle | Unset, data)

        primary_muscle = _parse_primary_muscle(d.pop("primary_muscle", UNSET))


        def _parse_secondary_muscles(data: object) -> list[PrimaryMuscle] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                secondary_muscles_type_0 = []
                _secondary_muscles_type_0 = data
                for secondary_muscles_type_0_item_data in (_secondary_muscles_type_0):
                    secondary_muscles_type_0_item = PrimaryMuscle(secondary_muscles_type_0_item_data)



                    secondary_muscles_type_0.append(secondary_muscles_type_0_item)

                return secondary_muscles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PrimaryMuscle] | None | Unset, data)

        secondary_muscles = _parse_secondary_muscles(d.pop("secondary_muscles", UNSET))


        def _parse_equipment(data: object) -> list[Equipment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                equipment_type_0 = []
                _equipment_type_0 = data
                for equipment_type_0_item_data in (_equipment_type_0):
                    equipment_type_0_item = Equipment(equipment_type_0_item_data)



                    equipment_type_0.append(equipment_type_0_item)

                return equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Equipment] | None | Unset, data)

        equipment = _parse_equipment(d.pop("equipment", UNSET))


        def _parse_disciplines(data: object) -> list[Discipline] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                disciplines_type_0 = []
                _disciplines_type_0 = data
                for disciplines_type_0_item_data in (_disciplines_type_0):
                    disciplines_type_0_item = Discipline(disciplines_type_0_item_data)



                    disciplines_type_0.append(disciplines_type_0_item)

                return disciplines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Discipline] | None | Unset, data)

        disciplines = _parse_disciplines(d.pop("disciplines", UNSET))


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


        def _parse_skill_level(data: object) -> None | SkillLevel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                skill_level_type_0 = SkillLevel(data)



                return skill_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkillLevel | Unset, data)

        skill_level = _parse_skill_level(d.pop("skill_level", UNSET))


        def _parse_cns_load(data: object) -> CnsLoad | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cns_load_type_0 = CnsLoad(data)



                return cns_load_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CnsLoad | None | Unset, data)

        cns_load = _parse_cns_load(d.pop("cns_load", UNSET))


        def _parse_compound(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        compound = _parse_compound(d.pop("compound", UNSET))


        def _parse_unilateral(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        unilateral = _parse_unilateral(d.pop("unilateral", UNSET))


        def _parse_metric_type(data: object) -> MetricType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                metric_type_type_0 = MetricType(data)



                return metric_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricType | None | Unset, data)

        metric_type = _parse_metric_type(d.pop("metric_type", UNSET))


        def _parse_min_recovery_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_recovery_hours = _parse_min_recovery_hours(d.pop("min_recovery_hours", UNSET))


        def _parse_substitution_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        substitution_group = _parse_substitution_group(d.pop("substitution_group", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        update_movement_movement_update_request = cls(
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
        )


        update_movement_movement_update_request.additional_properties = d
        return update_movement_movement_update_request

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
