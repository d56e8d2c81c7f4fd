from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.discipline import Discipline






T = TypeVar("T", bound="DisciplineWeightResponse")



@_attrs_define
class DisciplineWeightResponse:
    """ 
        Attributes:
            discipline (Discipline):
            weight (int):
     """

    discipline: Discipline
    weight: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        discipline = self.discipline.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "discipline": discipline,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discipline = Discipline(d.pop("discipline"))




        weight = d.pop("weight")

        discipline_weight_response = cls(
            discipline=discipline,
            weight=weight,
        )


        discipline_weight_response.additional_properties = d
        return discipline_weight_response

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
