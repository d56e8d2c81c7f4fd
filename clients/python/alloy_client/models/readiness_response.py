from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.check_status import CheckStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.readiness_response_checks import ReadinessResponseChecks





T = TypeVar("T", bound="ReadinessResponse")



@_attrs_define
class ReadinessResponse:
    """ 
        Attributes:
            status (CheckStatus):
            checks (ReadinessResponseChecks):
     """

    status: CheckStatus
    checks: ReadinessResponseChecks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.readiness_response_checks import ReadinessResponseChecks # noqa: PLC0415
        status = self.status.value

        checks = self.checks.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "checks": checks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_response_checks import ReadinessResponseChecks # noqa: PLC0415
        d = dict(src_dict)
        status = CheckStatus(d.pop("status"))




        checks = ReadinessResponseChecks.from_dict(d.pop("checks"))




        readiness_response = cls(
            status=status,
            checks=checks,
        )


        readiness_response.additional_properties = d
        return readiness_response

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
