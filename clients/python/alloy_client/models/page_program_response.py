from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.page_program_response_filters_applied import PageProgramResponseFiltersApplied
  from ..models.program_response import ProgramResponse





T = TypeVar("T", bound="PageProgramResponse")



@_attrs_define
class PageProgramResponse:
    """ 
        Attributes:
            items (list[ProgramResponse]):
            limit (int):
            has_next (bool):
            has_prev (bool):
            next_cursor (None | str):
            prev_cursor (None | str):
            total (int | None):
            filters_applied (PageProgramResponseFiltersApplied):
     """

    items: list[ProgramResponse]
    limit: int
    has_next: bool
    has_prev: bool
    next_cursor: None | str
    prev_cursor: None | str
    total: int | None
    filters_applied: PageProgramResponseFiltersApplied
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.page_program_response_filters_applied import PageProgramResponseFiltersApplied # noqa: PLC0415
        from ..models.program_response import ProgramResponse # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        limit = self.limit

        has_next = self.has_next

        has_prev = self.has_prev

        next_cursor: None | str
        next_cursor = self.next_cursor

        prev_cursor: None | str
        prev_cursor = self.prev_cursor

        total: int | None
        total = self.total

        filters_applied = self.filters_applied.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "limit": limit,
            "has_next": has_next,
            "has_prev": has_prev,
            "next_cursor": next_cursor,
            "prev_cursor": prev_cursor,
            "total": total,
            "filters_applied": filters_applied,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_program_response_filters_applied import PageProgramResponseFiltersApplied # noqa: PLC0415
        from ..models.program_response import ProgramResponse # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ProgramResponse.from_dict(items_item_data)



            items.append(items_item)


        limit = d.pop("limit")

        has_next = d.pop("has_next")

        has_prev = d.pop("has_prev")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        def _parse_prev_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prev_cursor = _parse_prev_cursor(d.pop("prev_cursor"))


        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))


        filters_applied = PageProgramResponseFiltersApplied.from_dict(d.pop("filters_applied"))




        page_program_response = cls(
            items=items,
            limit=limit,
            has_next=has_next,
            has_prev=has_prev,
            next_cursor=next_cursor,
            prev_cursor=prev_cursor,
            total=total,
            filters_applied=filters_applied,
        )


        page_program_response.additional_properties = d
        return page_program_response

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
