from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.dimension_weights import DimensionWeights
  from ..models.set_rep_ranges import SetRepRanges





T = TypeVar("T", bound="ScoringConfigResponse")



@_attrs_define
class ScoringConfigResponse:
    """ 
        Attributes:
            id (UUID):
            version (int):
            weights (DimensionWeights): How much each scoring dimension counts when the generator ranks movements.
            set_rep_ranges (SetRepRanges): Set and rep ranges per exercise role.
            is_active (bool):
            author (str):
            author_id (None | UUID):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

    id: UUID
    version: int
    weights: DimensionWeights
    set_rep_ranges: SetRepRanges
    is_active: bool
    author: str
    author_id: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dimension_weights import DimensionWeights # noqa: PLC0415
        from ..models.set_rep_ranges import SetRepRanges # noqa: PLC0415
        id = str(self.id)

        version = self.version

        weights = self.weights.to_dict()

        set_rep_ranges = self.set_rep_ranges.to_dict()

        is_active = self.is_active

        author = self.author

        author_id: None | str
        if isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "version": version,
            "weights": weights,
            "set_rep_ranges": set_rep_ranges,
            "is_active": is_active,
            "author": author,
            "author_id": author_id,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_weights import DimensionWeights # noqa: PLC0415
        from ..models.set_rep_ranges import SetRepRanges # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        version = d.pop("version")

        weights = DimensionWeights.from_dict(d.pop("weights"))




        set_rep_ranges = SetRepRanges.from_dict(d.pop("set_rep_ranges"))




        is_active = d.pop("is_active")

        author = d.pop("author")

        def _parse_author_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)



                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_id = _parse_author_id(d.pop("author_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        scoring_config_response = cls(
            id=id,
            version=version,
            weights=weights,
            set_rep_ranges=set_rep_ranges,
            is_active=is_active,
            author=author,
            author_id=author_id,
            created_at=created_at,
        )


        scoring_config_response.additional_properties = d
        return scoring_config_response

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
