from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.dimension_weights import DimensionWeights
  from ..models.set_rep_ranges import SetRepRanges





T = TypeVar("T", bound="PutScoringConfigScoringConfigRequest")



@_attrs_define
class PutScoringConfigScoringConfigRequest:
    """ 
        Attributes:
            weights (DimensionWeights): How much each scoring dimension counts when the generator ranks movements.
            set_rep_ranges (SetRepRanges): Set and rep ranges per exercise role.
     """

    weights: DimensionWeights
    set_rep_ranges: SetRepRanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dimension_weights import DimensionWeights # noqa: PLC0415
        from ..models.set_rep_ranges import SetRepRanges # noqa: PLC0415
        weights = self.weights.to_dict()

        set_rep_ranges = self.set_rep_ranges.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "weights": weights,
            "set_rep_ranges": set_rep_ranges,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_weights import DimensionWeights # noqa: PLC0415
        from ..models.set_rep_ranges import SetRepRanges # noqa: PLC0415
        d = dict(src_dict)
        weights = DimensionWeights.from_dict(d.pop("weights"))




        set_rep_ranges = SetRepRanges.from_dict(d.pop("set_rep_ranges"))




        put_scoring_config_scoring_config_request = cls(
            weights=weights,
            set_rep_ranges=set_rep_ranges,
        )


        put_scoring_config_scoring_config_request.additional_properties = d
        return put_scoring_config_scoring_config_request

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
