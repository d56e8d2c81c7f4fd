from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.error_item import ErrorItem
  from ..models.meta import Meta
  from ..models.page_session_response import PageSessionResponse





T = TypeVar("T", bound="ListMySessionsEnvelopePageSessionResponse")



@_attrs_define
class ListMySessionsEnvelopePageSessionResponse:
    """ 
        Attributes:
            data (None | PageSessionResponse):
            meta (Meta):
            errors (list[ErrorItem] | Unset):
     """

    data: None | PageSessionResponse
    meta: Meta
    errors: list[ErrorItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_item import ErrorItem # noqa: PLC0415
        from ..models.meta import Meta # noqa: PLC0415
        from ..models.page_session_response import PageSessionResponse # noqa: PLC0415
        data: dict[str, Any] | None
        if isinstance(self.data, PageSessionResponse):
            data = self.data.to_dict()
        else:
            data = self.data

        meta = self.meta.to_dict()

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "meta": meta,
        })
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_item import ErrorItem # noqa: PLC0415
        from ..models.meta import Meta # noqa: PLC0415
        from ..models.page_session_response import PageSessionResponse # noqa: PLC0415
        d = dict(src_dict)
        def _parse_data(data: object) -> None | PageSessionResponse:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = PageSessionResponse.from_dict(data)



                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageSessionResponse, data)

        data = _parse_data(d.pop("data"))


        meta = Meta.from_dict(d.pop("meta"))




        _errors = d.pop("errors", UNSET)
        errors: list[ErrorItem] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ErrorItem.from_dict(errors_item_data)



                errors.append(errors_item)


        list_my_sessions_envelope_page_session_response = cls(
            data=data,
            meta=meta,
            errors=errors,
        )


        list_my_sessions_envelope_page_session_response.additional_properties = d
        return list_my_sessions_envelope_page_session_response

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
