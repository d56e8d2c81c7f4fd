from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CircuitItemRequest")



@_attrs_define
class CircuitItemRequest:
    """ 
        Attributes:
            movement_id (UUID):
            reps (int | None | Unset):
            distance_meters (int | None | Unset):
            duration_seconds (int | None | Unset):
            rest_seconds (int | None | Unset):
            notes (None | str | Unset):
     """

    movement_id: UUID
    reps: int | None | Unset = UNSET
    distance_meters: int | None | Unset = UNSET
    duration_seconds: int | None | Unset = UNSET
    rest_seconds: int | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        movement_id = str(self.movement_id)

        reps: int | None | Unset
        if isinstance(self.reps, Unset):
            reps = UNSET
        else:
            reps = self.reps

        distance_meters: int | None | Unset
        if isinstance(self.distance_meters, Unset):
            distance_meters = UNSET
        else:
            distance_meters = self.distance_meters

        duration_seconds: int | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        rest_seconds: int | None | Unset
        if isinstance(self.rest_seconds, Unset):
            rest_seconds = UNSET
        else:
            rest_seconds = self.rest_seconds

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "movement_id": movement_id,
        })
        if reps is not UNSET:
            field_dict["reps"] = reps
        if distance_meters is not UNSET:
            field_dict["distance_meters"] = distance_meters
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if rest_seconds is not UNSET:
            field_dict["rest_seconds"] = rest_seconds
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        movement_id = UUID(d.pop("movement_id"))




        def _parse_reps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reps = _parse_reps(d.pop("reps", UNSET))


        def _parse_distance_meters(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        distance_meters = _parse_distance_meters(d.pop("distance_meters", UNSET))


        def _parse_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))


        def _parse_rest_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rest_seconds = _parse_rest_seconds(d.pop("rest_seconds", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        circuit_item_request = cls(
            movement_id=movement_id,
            reps=reps,
            distance_meters=distance_meters,
            duration_seconds=duration_seconds,
            rest_seconds=rest_seconds,
            notes=notes,
        )


        circuit_item_request.additional_properties = d
        return circuit_item_request

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
