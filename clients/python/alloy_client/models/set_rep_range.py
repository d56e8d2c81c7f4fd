from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SetRepRange")



@_attrs_define
class SetRepRange:
    """ 
        Attributes:
            sets_min (int):
            sets_max (int):
            reps_min (int):
            reps_max (int):
     """

    sets_min: int
    sets_max: int
    reps_min: int
    reps_max: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sets_min = self.sets_min

        sets_max = self.sets_max

        reps_min = self.reps_min

        reps_max = self.reps_max


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sets_min": sets_min,
            "sets_max": sets_max,
            "reps_min": reps_min,
            "reps_max": reps_max,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sets_min = d.pop("sets_min")

        sets_max = d.pop("sets_max")

        reps_min = d.pop("reps_min")

        reps_max = d.pop("reps_max")

        set_rep_range = cls(
            sets_min=sets_min,
            sets_max=sets_max,
            reps_min=reps_min,
            reps_max=reps_max,
        )


        set_rep_range.additional_properties = d
        return set_rep_range

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
