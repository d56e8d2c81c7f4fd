from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TwoFactorStatusResponse")



@_attrs_define
class TwoFactorStatusResponse:
    """ 
        Attributes:
            enabled (bool):
            enrolment_pending (bool):
            recovery_codes_remaining (int):
     """

    enabled: bool
    enrolment_pending: bool
    recovery_codes_remaining: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        enrolment_pending = self.enrolment_pending

        recovery_codes_remaining = self.recovery_codes_remaining


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enabled": enabled,
            "enrolment_pending": enrolment_pending,
            "recovery_codes_remaining": recovery_codes_remaining,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        enrolment_pending = d.pop("enrolment_pending")

        recovery_codes_remaining = d.pop("recovery_codes_remaining")

        two_factor_status_response = cls(
            enabled=enabled,
            enrolment_pending=enrolment_pending,
            recovery_codes_remaining=recovery_codes_remaining,
        )


        two_factor_status_response.additional_properties = d
        return two_factor_status_response

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
