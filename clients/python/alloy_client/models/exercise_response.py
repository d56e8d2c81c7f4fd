from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exercise_role import ExerciseRole
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.exercise_movement_response import ExerciseMovementResponse





T = TypeVar("T", bound="ExerciseResponse")



@_attrs_define
class ExerciseResponse:
    """ 
        Attributes:
            id (UUID):
            movement_id (UUID):
            movement (ExerciseMovementResponse):
            role (ExerciseRole):
            order (int):
            superset_group (int | None):
            target_sets (int):
            rep_range_min (int):
            rep_range_max (int):
            target_rpe (float | None):
            target_rir (int | None):
            rest_seconds (int):
            notes (None | str):
     """

    id: UUID
    movement_id: UUID
    movement: ExerciseMovementResponse
    role: ExerciseRole
    order: int
    superset_group: int | None
    target_sets: int
    rep_range_min: int
    rep_range_max: int
    target_rpe: float | None
    target_rir: int | None
    rest_seconds: int
    notes: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exercise_movement_response import ExerciseMovementResponse # noqa: PLC0415
        id = str(self.id)

        movement_id = str(self.movement_id)

        movement = self.movement.to_dict()

        role = self.role.value

        order = self.order

        superset_group: int | None
        superset_group = self.superset_group

        target_sets = self.target_sets

        rep_range_min = self.rep_range_min

        rep_range_max = self.rep_range_max

        target_rpe: float | None
        target_rpe = self.target_rpe

        target_rir: int | None
        target_rir = self.target_rir

        rest_seconds = self.rest_seconds

        notes: None | str
        notes = self.notes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "movement_id": movement_id,
            "movement": movement,
            "role": role,
            "order": order,
            "superset_group": superset_group,
            "target_sets": target_sets,
            "rep_range_min": rep_range_min,
            "rep_range_max": rep_range_max,
            "target_rpe": target_rpe,
            "target_rir": target_rir,
            "rest_seconds": rest_seconds,
            "notes": notes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_movement_response import ExerciseMovementResponse # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        movement_id = UUID(d.pop("movement_id"))




        movement = ExerciseMovementResponse.from_dict(d.pop("movement"))




        role = ExerciseRole(d.pop("role"))




        order = d.pop("order")

        def _parse_superset_group(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        superset_group = _parse_superset_group(d.pop("superset_group"))


        target_sets = d.pop("target_sets")

        rep_range_min = d.pop("rep_range_min")

        rep_range_max = d.pop("rep_range_max")

        def _parse_target_rpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target_rpe = _parse_target_rpe(d.pop("target_rpe"))


        def _parse_target_rir(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_rir = _parse_target_rir(d.pop("target_rir"))


        rest_seconds = d.pop("rest_seconds")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        exercise_response = cls(
            id=id,
            movement_id=movement_id,
            movement=movement,
            role=role,
            order=order,
            superset_group=superset_group,
            target_sets=target_sets,
            rep_range_min=rep_range_min,
            rep_range_max=rep_range_max,
            target_rpe=target_rpe,
            target_rir=target_rir,
            rest_seconds=rest_seconds,
            notes=notes,
        )


        exercise_response.additional_properties = d
        return exercise_response

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
