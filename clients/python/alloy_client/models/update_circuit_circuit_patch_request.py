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





T = TypeVar("T", bound="UpdateCircuitCircuitPatchRequest")



@_attrs_define
class UpdateCircuitCircuitPatchRequest:
    """ 
        Attributes:
            name (None | str | Unset):
            circuit_type (CircuitType | None | Unset):
            description (None | str | Unset):
            default_rounds (int | None | Unset):
            default_duration_seconds (int | None | Unset):
            difficulty_tier (int | None | Unset):
            items (list[CircuitItemRequest] | None | Unset):
     """

    name: None | str | Unset = UNSET
    circuit_type: CircuitType | None | Unset = UNSET
    description: None | str | Unset = UNSET
    default_rounds: int | None | Unset = UNSET
    default_duration_seconds: int | None | Unset = UNSET
    difficulty_tier: int | None | Unset = UNSET
    items: list[CircuitItemRequest] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.circuit_item_request import CircuitItemRequest # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        circuit_type: None | str | Unset
        if isinstance(self.circuit_type, Unset):
            circuit_type = UNSET
        elif isinstance(self.circuit_type, CircuitType):
            circuit_type = self.circuit_type.value
        else:
            circuit_type = self.circuit_type

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
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

        difficulty_tier: int | None | Unset
        if isinstance(self.difficulty_tier, Unset):
            difficulty_tier = UNSET
        else:
            difficulty_tier = self.difficulty_tier

        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)


        else:
            items = self.items


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if circuit_type is not UNSET:
            field_dict["circuit_type"] = circuit_type
        if description is not UNSET:
            field_dict["description"] = description
        if default_rounds is not UNSET:
            field_dict["default_rounds"] = default_rounds
        if default_duration_seconds is not UNSET:
            field_dict["default_duration_seconds"] = default_duration_seconds
        if difficulty_tier is not UNSET:
            field_dict["difficulty_tier"] = difficulty_tier
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circuit_item_request import CircuitItemRequest # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_circuit_type(data: object) -> CircuitType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                circuit_type_type_0 = CircuitType(data)



                return circuit_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CircuitType | None | Unset, data)

        circuit_type = _parse_circuit_type(d.pop("circuit_type", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


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


        def _parse_difficulty_tier(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        difficulty_tier = _parse_difficulty_tier(d.pop("difficulty_tier", UNSET))


        def _parse_items(data: object) -> list[CircuitItemRequest] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in (_items_type_0):
                    items_type_0_item = CircuitItemRequest.from_dict(items_type_0_item_data)



                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CircuitItemRequest] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))


        update_circuit_circuit_patch_request = cls(
            name=name,
            circuit_type=circuit_type,
            description=description,
            default_rounds=default_rounds,
            default_duration_seconds=default_duration_seconds,
            difficulty_tier=difficulty_tier,
            items=items,
        )


        update_circuit_circuit_patch_request.additional_properties = d
        return update_circuit_circuit_patch_request

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
