from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.filter_clause import FilterClause
  from ..models.sort_clause import SortClause





T = TypeVar("T", bound="QueryMovementsStructuredQueryRequest")



@_attrs_define
class QueryMovementsStructuredQueryRequest:
    """ The body of every `POST /v1/{resource}/query`.

        Attributes:
            filters (list[FilterClause] | Unset):
            sort (list[SortClause] | Unset):
            limit (int | Unset):  Default: 20.
            cursor (None | str | Unset):
            include_total (bool | Unset):  Default: False.
     """

    filters: list[FilterClause] | Unset = UNSET
    sort: list[SortClause] | Unset = UNSET
    limit: int | Unset = 20
    cursor: None | str | Unset = UNSET
    include_total: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.filter_clause import FilterClause # noqa: PLC0415
        from ..models.sort_clause import SortClause # noqa: PLC0415
        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)



        sort: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = []
            for sort_item_data in self.sort:
                sort_item = sort_item_data.to_dict()
                sort.append(sort_item)



        limit = self.limit

        cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        else:
            cursor = self.cursor

        include_total = self.include_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if filters is not UNSET:
            field_dict["filters"] = filters
        if sort is not UNSET:
            field_dict["sort"] = sort
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if include_total is not UNSET:
            field_dict["include_total"] = include_total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filter_clause import FilterClause # noqa: PLC0415
        from ..models.sort_clause import SortClause # noqa: PLC0415
        d = dict(src_dict)
        _filters = d.pop("filters", UNSET)
        filters: list[FilterClause] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = FilterClause.from_dict(filters_item_data)



                filters.append(filters_item)


        _sort = d.pop("sort", UNSET)
        sort: list[SortClause] | Unset = UNSET
        if _sort is not UNSET:
            sort = []
            for sort_item_data in _sort:
                sort_item = SortClause.from_dict(sort_item_data)



                sort.append(sort_item)


        limit = d.pop("limit", UNSET)

        def _parse_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor = _parse_cursor(d.pop("cursor", UNSET))


        include_total = d.pop("include_total", UNSET)

        query_movements_structured_query_request = cls(
            filters=filters,
            sort=sort,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
        )


        query_movements_structured_query_request.additional_properties = d
        return query_movements_structured_query_request

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
