from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="TopSetResponse")



@_attrs_define
class TopSetResponse:
    """ 
        Attributes:
            movement_id (UUID):
            weight_kg (float):
            reps (int):
            rpe (float | None):
            rir (int | None):
            estimated_1rm_kg (float):
            substitutes_exercise_id (None | UUID):
     """

    movement_id: UUID
    weight_kg: float
    reps: int
    rpe: float | None
    rir: int | None
    estimated_1rm_kg: float
    substitutes_exercise_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        movement_id = str(self.movement_id)

        weight_kg = self.weight_kg

        reps = self.reps

        rpe: float | None
        rpe = self.rpe

        rir: int | None
        rir = self.rir

        estimated_1rm_kg = self.estimated_1rm_kg

        substitutes_exercise_id: None | str
        if isinstance(self.substitutes_exercise_id, UUID):
            substitutes_exercise_id = str(self.substitutes_exercise_id)
        else:
            substitutes_exercise_id = self.substitutes_exercise_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "movement_id": movement_id,
            "weight_kg": weight_kg,
            "reps": reps,
            "rpe": rpe,
            "rir": rir,
            "estimated_1rm_kg": estimated_1rm_kg,
            "substitutes_exercise_id": substitutes_exercise_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        movement_id = UUID(d.pop("movement_id"))




        weight_kg = d.pop("weight_kg")

        reps = d.pop("reps")

        def _parse_rpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rpe = _parse_rpe(d.pop("rpe"))


        def _parse_rir(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rir = _parse_rir(d.pop("rir"))


        estimated_1rm_kg = d.pop("estimated_1rm_kg")

        def _parse_substitutes_exercise_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                substitutes_exercise_id_type_0 = UUID(data)



                return substitutes_exercise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        substitutes_exercise_id = _parse_substitutes_exercise_id(d.pop("substitutes_exercise_id"))


        top_set_response = cls(
            movement_id=movement_id,
            weight_kg=weight_kg,
            reps=reps,
            rpe=rpe,
            rir=rir,
            estimated_1rm_kg=estimated_1rm_kg,
            substitutes_exercise_id=substitutes_exercise_id,
        )


        top_set_response.additional_properties = d
        return top_set_response

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
