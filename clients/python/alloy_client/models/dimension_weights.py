from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DimensionWeights")



@_attrs_define
class DimensionWeights:
    """ How much each scoring dimension counts when the generator ranks movements.

        Attributes:
            pattern_alignment (float):
            muscle_coverage (float):
            discipline_preference (float):
            compound_bonus (float):
            specialization (float):
            goal_alignment (float):
            time_utilization (float):
     """

    pattern_alignment: float
    muscle_coverage: float
    discipline_preference: float
    compound_bonus: float
    specialization: float
    goal_alignment: float
    time_utilization: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        pattern_alignment = self.pattern_alignment

        muscle_coverage = self.muscle_coverage

        discipline_preference = self.discipline_preference

        compound_bonus = self.compound_bonus

        specialization = self.specialization

        goal_alignment = self.goal_alignment

        time_utilization = self.time_utilization


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "pattern_alignment": pattern_alignment,
            "muscle_coverage": muscle_coverage,
            "discipline_preference": discipline_preference,
            "compound_bonus": compound_bonus,
            "specialization": specialization,
            "goal_alignment": goal_alignment,
            "time_utilization": time_utilization,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pattern_alignment = d.pop("pattern_alignment")

        muscle_coverage = d.pop("muscle_coverage")

        discipline_preference = d.pop("discipline_preference")

        compound_bonus = d.pop("compound_bonus")

        specialization = d.pop("specialization")

        goal_alignment = d.pop("goal_alignment")

        time_utilization = d.pop("time_utilization")

        dimension_weights = cls(
            pattern_alignment=pattern_alignment,
            muscle_coverage=muscle_coverage,
            discipline_preference=discipline_preference,
            compound_bonus=compound_bonus,
            specialization=specialization,
            goal_alignment=goal_alignment,
            time_utilization=time_utilization,
        )


        dimension_weights.additional_properties = d
        return dimension_weights

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
