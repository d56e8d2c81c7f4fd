from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.top_set_response import TopSetResponse





T = TypeVar("T", bound="WorkoutLogResponse")



@_attrs_define
class WorkoutLogResponse:
    """ 
        Attributes:
            id (UUID):
            session_id (UUID):
            program_id (UUID):
            performed_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
            duration_minutes (int):
            perceived_difficulty (int):
            enjoyment (int):
            notes (None | str):
            top_sets (list[TopSetResponse]):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

    id: UUID
    session_id: UUID
    program_id: UUID
    performed_at: datetime.datetime
    duration_minutes: int
    perceived_difficulty: int
    enjoyment: int
    notes: None | str
    top_sets: list[TopSetResponse]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.top_set_response import TopSetResponse # noqa: PLC0415
        id = str(self.id)

        session_id = str(self.session_id)

        program_id = str(self.program_id)

        performed_at = self.performed_at.isoformat()

        duration_minutes = self.duration_minutes

        perceived_difficulty = self.perceived_difficulty

        enjoyment = self.enjoyment

        notes: None | str
        notes = self.notes

        top_sets = []
        for top_sets_item_data in self.top_sets:
            top_sets_item = top_sets_item_data.to_dict()
            top_sets.append(top_sets_item)



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "session_id": session_id,
            "program_id": program_id,
            "performed_at": performed_at,
            "duration_minutes": duration_minutes,
            "perceived_difficulty": perceived_difficulty,
            "enjoyment": enjoyment,
            "notes": notes,
            "top_sets": top_sets,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.top_set_response import TopSetResponse # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        session_id = UUID(d.pop("session_id"))




        program_id = UUID(d.pop("program_id"))




        performed_at = datetime.datetime.fromisoformat(d.pop("performed_at"))




        duration_minutes = d.pop("duration_minutes")

        perceived_difficulty = d.pop("perceived_difficulty")

        enjoyment = d.pop("enjoyment")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        top_sets = []
        _top_sets = d.pop("top_sets")
        for top_sets_item_data in (_top_sets):
            top_sets_item = TopSetResponse.from_dict(top_sets_item_data)



            top_sets.append(top_sets_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        workout_log_response = cls(
            id=id,
            session_id=session_id,
            program_id=program_id,
            performed_at=performed_at,
            duration_minutes=duration_minutes,
            perceived_difficulty=perceived_difficulty,
            enjoyment=enjoyment,
            notes=notes,
            top_sets=top_sets,
            created_at=created_at,
        )


        workout_log_response.additional_properties = d
        return workout_log_response

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
