from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
import datetime






T = TypeVar("T", bound="AdminUserResponse")



@_attrs_define
class AdminUserResponse:
    """ 
        Attributes:
            id (str):
            email (str):
            name (str):
            role (Role):
            two_factor_enabled (bool):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
            is_active (bool):
            updated_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

    id: str
    email: str
    name: str
    role: Role
    two_factor_enabled: bool
    created_at: datetime.datetime
    is_active: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name = self.name

        role = self.role.value

        two_factor_enabled = self.two_factor_enabled

        created_at = self.created_at.isoformat()

        is_active = self.is_active

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "email": email,
            "name": name,
            "role": role,
            "two_factor_enabled": two_factor_enabled,
            "created_at": created_at,
            "is_active": is_active,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        name = d.pop("name")

        role = Role(d.pop("role"))




        two_factor_enabled = d.pop("two_factor_enabled")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        is_active = d.pop("is_active")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        admin_user_response = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            two_factor_enabled=two_factor_enabled,
            created_at=created_at,
            is_active=is_active,
            updated_at=updated_at,
        )


        admin_user_response.additional_properties = d
        return admin_user_response

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
