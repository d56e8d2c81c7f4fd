from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.circuit_type import CircuitType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.circuit_item_request import CircuitItemRequest





T = TypeVar("T", bound="ReplaceCircuitCircuitRequest")



@_attrs_define
class ReplaceCircuitCircuitRequest:
    """ A whole circuit: the body of POST and PUT.

        Attributes:
            name (str):
            circuit_type (CircuitType):
            items (list[CircuitItemRequest]):
            description (str | Unset):  Default: ''.
            default_rounds (int | None | Unset):
            default_duration_seconds (int | None | Unset):
            difficulty_tier (int | Unset):  Default: 1.
     """

    name: str
    circuit_type: CircuitType
    items: list[CircuitItemRequest]
    description: str | Unset = ''
    default_rounds: int | None | Unset = UNSET
    default_duration_seconds: int | None | Unset = UNSET
    difficulty_tier: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.circuit_item_request import CircuitItemRequest # noqa: PLC0415
        name = self.name

        circuit_type = self.circuit_type.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        description = self.description

        default_rounds: int | None | Unset
        if isinstance(self.default_rounds, Unset):
            default_rounds = UNSET
        else:
            default_rounds = self.default_rounds

        default_duration_seconds: int | None | Unset
        if isinstance(self.default_duration_seconds, Unset):
            default_duration_seconds = UNSET
        else:
            default_duration_seconds = self.default_duration_seconds

        difficulty_tier = self.difficulty_tier


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "circuit_type": circuit_type,
            "items": items,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if default_rounds is not UNSET:
            field_dict["default_rounds"] = default_rounds
        if default_duration_seconds is not UNSET:
            field_dict["default_duration_seconds"] = default_duration_seconds
        if difficulty_tier is not UNSET:
            field_dict["difficulty_tier"] = difficulty_tier

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circuit_item_request import CircuitItemRequest # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        circuit_type = CircuitType(d.pop("circuit_type"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = CircuitItemRequest.from_dict(items_item_data)



            items.append(items_item)


        description = d.pop("description", UNSET)

        def _parse_default_rounds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_rounds = _parse_default_rounds(d.pop("default_rounds", UNSET))


        def _parse_default_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_duration_seconds = _parse_default_duration_seconds(d.pop("default_duration_seconds", UNSET))


        difficulty_tier = d.pop("difficulty_tier", UNSET)

        replace_circuit_circuit_request = cls(
            name=name,
            circuit_type=circuit_type,
            items=items,
            description=description,
            default_rounds=default_rounds,
            default_duration_seconds=default_duration_seconds,
            difficulty_tier=difficulty_tier,
        )


        replace_circuit_circuit_request.additional_properties = d
        return replace_circuit_circuit_request

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
