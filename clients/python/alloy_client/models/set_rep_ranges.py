from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.set_rep_range import SetRepRange





T = TypeVar("T", bound="SetRepRanges")



@_attrs_define
class SetRepRanges:
    """ Set and rep ranges per exercise role.

        Attributes:
            warmup (SetRepRange):
            main (SetRepRange):
            accessory (SetRepRange):
            finisher (SetRepRange):
            cooldown (SetRepRange):
     """

    warmup: SetRepRange
    main: SetRepRange
    accessory: SetRepRange
    finisher: SetRepRange
    cooldown: SetRepRange
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.set_rep_range import SetRepRange # noqa: PLC0415
        warmup = self.warmup.to_dict()

        main = self.main.to_dict()

        accessory = self.accessory.to_dict()

        finisher = self.finisher.to_dict()

        cooldown = self.cooldown.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "warmup": warmup,
            "main": main,
            "accessory": accessory,
            "finisher": finisher,
            "cooldown": cooldown,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.set_rep_range import SetRepRange # noqa: PLC0415
        d = dict(src_dict)
        warmup = SetRepRange.from_dict(d.pop("warmup"))




        main = SetRepRange.from_dict(d.pop("main"))




        accessory = SetRepRange.from_dict(d.pop("accessory"))




        finisher = SetRepRange.from_dict(d.pop("finisher"))




        cooldown = SetRepRange.from_dict(d.pop("cooldown"))




        set_rep_ranges = cls(
            warmup=warmup,
            main=main,
            accessory=accessory,
            finisher=finisher,
            cooldown=cooldown,
        )


        set_rep_ranges.additional_properties = d
        return set_rep_ranges

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
