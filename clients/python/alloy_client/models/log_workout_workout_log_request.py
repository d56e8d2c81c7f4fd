from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.top_set_request import TopSetRequest





T = TypeVar("T", bound="LogWorkoutWorkoutLogRequest")



@_attrs_define
class LogWorkoutWorkoutLogRequest:
    """ 
        Attributes:
            performed_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
            duration_minutes (int):
            perceived_difficulty (int):
            enjoyment (int):
            notes (None | str | Unset):
            top_sets (list[TopSetRequest] | Unset):
     """

    performed_at: datetime.datetime
    duration_minutes: int
    perceived_difficulty: int
    enjoyment: int
    notes: None | str | Unset = UNSET
    top_sets: list[TopSetRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.top_set_request import TopSetRequest # noqa: PLC0415
        performed_at = self.performed_at.isoformat()

        duration_minutes = self.duration_minutes

        perceived_difficulty = self.perceived_difficulty

        enjoyment = self.enjoyment

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        top_sets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.top_sets, Unset):
            top_sets = []
            for top_sets_item_data in self.top_sets:
                top_sets_item = top_sets_item_data.to_dict()
                top_sets.append(top_sets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "performed_at": performed_at,
            "duration_minutes": duration_minutes,
            "perceived_difficulty": perceived_difficulty,
            "enjoyment": enjoyment,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes
        if top_sets is not UNSET:
            field_dict["top_sets"] = top_sets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.top_set_request import TopSetRequest # noqa: PLC0415
        d = dict(src_dict)
        performed_at = datetime.datetime.fromisoformat(d.pop("performed_at"))




        duration_minutes = d.pop("duration_minutes")

        perceived_difficulty = d.pop("perceived_difficulty")

        enjoyment = d.pop("enjoyment")

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        _top_sets = d.pop("top_sets", UNSET)
        top_sets: list[TopSetRequest] | Unset = UNSET
        if _top_sets is not UNSET:
            top_sets = []
            for top_sets_item_data in _top_sets:
                top_sets_item = TopSetRequest.from_dict(top_sets_item_data)



                top_sets.append(top_sets_item)


        log_workout_workout_log_request = cls(
            performed_at=performed_at,
            duration_minutes=duration_minutes,
            perceived_difficulty=perceived_difficulty,
            enjoyment=enjoyment,
            notes=notes,
            top_sets=top_sets,
        )


        log_workout_workout_log_request.additional_properties = d
        return log_workout_workout_log_request

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
