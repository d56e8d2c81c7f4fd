from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.circuit_type import CircuitType
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.circuit_item_response import CircuitItemResponse





T = TypeVar("T", bound="CircuitResponse")



@_attrs_define
class CircuitResponse:
    """ 
        Attributes:
            id (UUID):
            name (str):
            circuit_type (CircuitType):
            description (str):
            default_rounds (int | None):
            default_duration_seconds (int | None):
            difficulty_tier (int):
            items (list[CircuitItemResponse]):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

    id: UUID
    name: str
    circuit_type: CircuitType
    description: str
    default_rounds: int | None
    default_duration_seconds: int | None
    difficulty_tier: int
    items: list[CircuitItemResponse]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.circuit_item_response import CircuitItemResponse # noqa: PLC0415
        id = str(self.id)

        name = self.name

        circuit_type = self.circuit_type.value

        description = self.description

        default_rounds: int | None
        default_rounds = self.default_rounds

        default_duration_seconds: int | None
        default_duration_seconds = self.default_duration_seconds

        difficulty_tier = self.difficulty_tier

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "circuit_type": circuit_type,
            "description": description,
            "default_rounds": default_rounds,
            "default_duration_seconds": default_duration_seconds,
            "difficulty_tier": difficulty_tier,
            "items": items,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circuit_item_response import CircuitItemResponse # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        circuit_type = CircuitType(d.pop("circuit_type"))




        description = d.pop("description")

        def _parse_default_rounds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        default_rounds = _parse_default_rounds(d.pop("default_rounds"))


        def _parse_default_duration_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        default_duration_seconds = _parse_default_duration_seconds(d.pop("default_duration_seconds"))


        difficulty_tier = d.pop("difficulty_tier")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = CircuitItemResponse.from_dict(items_item_data)



            items.append(items_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        circuit_response = cls(
            id=id,
            name=name,
            circuit_type=circuit_type,
            description=description,
            default_rounds=default_rounds,
            default_duration_seconds=default_duration_seconds,
            difficulty_tier=difficulty_tier,
            items=items,
            created_at=created_at,
        )


        circuit_response.additional_properties = d
        return circuit_response

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
