from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.microcycle_status import MicrocycleStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="MicrocycleResponse")



@_attrs_define
class MicrocycleResponse:
    """ 
        Attributes:
            id (UUID):
            program_id (UUID):
            sequence (int):
            start_date (datetime.date):
            length_days (int):
            is_deload (bool):
            status (MicrocycleStatus):
     """

    id: UUID
    program_id: UUID
    sequence: int
    start_date: datetime.date
    length_days: int
    is_deload: bool
    status: MicrocycleStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        program_id = str(self.program_id)

        sequence = self.sequence

        start_date = self.start_date.isoformat()

        length_days = self.length_days

        is_deload = self.is_deload

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "program_id": program_id,
            "sequence": sequence,
            "start_date": start_date,
            "length_days": length_days,
            "is_deload": is_deload,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        program_id = UUID(d.pop("program_id"))




        sequence = d.pop("sequence")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        length_days = d.pop("length_days")

        is_deload = d.pop("is_deload")

        status = MicrocycleStatus(d.pop("status"))




        microcycle_response = cls(
            id=id,
            program_id=program_id,
            sequence=sequence,
            start_date=start_date,
            length_days=length_days,
            is_deload=is_deload,
            status=status,
        )


        microcycle_response.additional_properties = d
        return microcycle_response

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
