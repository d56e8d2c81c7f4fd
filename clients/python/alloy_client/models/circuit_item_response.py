from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CircuitItemResponse")



@_attrs_define
class CircuitItemResponse:
    """ 
        Attributes:
            movement_id (UUID):
            movement_name (str):
            reps (int | None):
            distance_meters (int | None):
            duration_seconds (int | None):
            rest_seconds (int | None):
            notes (None | str):
     """

    movement_id: UUID
    movement_name: str
    reps: int | None
    distance_meters: int | None
    duration_seconds: int | None
    rest_seconds: int | None
    notes: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        movement_id = str(self.movement_id)

        movement_name = self.movement_name

        reps: int | None
        reps = self.reps

        distance_meters: int | None
        distance_meters = self.distance_meters

        duration_seconds: int | None
        duration_seconds = self.duration_seconds

        rest_seconds: int | None
        rest_seconds = self.rest_seconds

        notes: None | str
        notes = self.notes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "movement_id": movement_id,
            "movement_name": movement_name,
            "reps": reps,
            "distance_meters": distance_meters,
            "duration_seconds": duration_seconds,
            "rest_seconds": rest_seconds,
            "notes": notes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        movement_id = UUID(d.pop("movement_id"))




        movement_name = d.pop("movement_name")

        def _parse_reps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reps = _parse_reps(d.pop("reps"))


        def _parse_distance_meters(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        distance_meters = _parse_distance_meters(d.pop("distance_meters"))


        def _parse_duration_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds"))


        def _parse_rest_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rest_seconds = _parse_rest_seconds(d.pop("rest_seconds"))


        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        circuit_item_response = cls(
            movement_id=movement_id,
            movement_name=movement_name,
            reps=reps,
            distance_meters=distance_meters,
            duration_seconds=duration_seconds,
            rest_seconds=rest_seconds,
            notes=notes,
        )


        circuit_item_response.additional_properties = d
        return circuit_item_response

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
