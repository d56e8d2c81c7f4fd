from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.progression_style import ProgressionStyle
from ..models.split_template import SplitTemplate
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.discipline_weight_response import DisciplineWeightResponse
  from ..models.goal_weight_response import GoalWeightResponse
  from ..models.microcycle_response import MicrocycleResponse





T = TypeVar("T", bound="ProgramResponse")



@_attrs_define
class ProgramResponse:
    """ 
        Attributes:
            id (UUID):
            name (str):
            start_date (datetime.date):
            duration_weeks (int):
            days_per_week (int):
            max_session_minutes (int):
            goals (list[GoalWeightResponse]):
            disciplines (list[DisciplineWeightResponse]):
            split_template (None | SplitTemplate):
            progression_style (ProgressionStyle):
            deload_every_n_microcycles (int):
            is_active (bool):
            scoring_config_version (int):
            seed (int):
            session_count (int):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
            microcycles (list[MicrocycleResponse] | None | Unset):
     """

    id: UUID
    name: str
    start_date: datetime.date
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    goals: list[GoalWeightResponse]
    disciplines: list[DisciplineWeightResponse]
    split_template: None | SplitTemplate
    progression_style: ProgressionStyle
    deload_every_n_microcycles: int
    is_active: bool
    scoring_config_version: int
    seed: int
    session_count: int
    created_at: datetime.datetime
    microcycles: list[MicrocycleResponse] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.discipline_weight_response import DisciplineWeightResponse # noqa: PLC0415
        from ..models.goal_weight_response import GoalWeightResponse # noqa: PLC0415
        from ..models.microcycle_response import MicrocycleResponse # noqa: PLC0415
        id = str(self.id)

        name = self.name

        start_date = self.start_date.isoformat()

        duration_weeks = self.duration_weeks

        days_per_week = self.days_per_week

        max_session_minutes = self.max_session_minutes

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)



        disciplines = []
        for disciplines_item_data in self.disciplines:
            disciplines_item = disciplines_item_data.to_dict()
            disciplines.append(disciplines_item)



        split_template: None | str
        if isinstance(self.split_template, SplitTemplate):
            split_template = self.split_template.value
        else:
            split_template = self.split_template

        progression_style = self.progression_style.value

        deload_every_n_microcycles = self.deload_every_n_microcycles

        is_active = self.is_active

        scoring_config_version = self.scoring_config_version

        seed = self.seed

        session_count = self.session_count

        created_at = self.created_at.isoformat()

        microcycles: list[dict[str, Any]] | None | Unset
        if isinstance(self.microcycles, Unset):
            microcycles = UNSET
        elif isinstance(self.microcycles, list):
            microcycles = []
            for microcycles_type_0_item_data in self.microcycles:
                microcycles_type_0_item = microcycles_type_0_item_data.to_dict()
                microcycles.append(microcycles_type_0_item)


        else:
            microcycles = self.microcycles


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "start_date": start_date,
            "duration_weeks": duration_weeks,
            "days_per_week": days_per_week,
            "max_session_minutes": max_session_minutes,
            "goals": goals,
            "disciplines": disciplines,
            "split_template": split_template,
            "progression_style": progression_style,
            "deload_every_n_microcycles": deload_every_n_microcycles,
            "is_active": is_active,
            "scoring_config_version": scoring_config_version,
            "seed": seed,
            "session_count": session_count,
            "created_at": created_at,
        })
        if microcycles is not UNSET:
            field_dict["microcycles"] = microcycles

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discipline_weight_response import DisciplineWeightResponse # noqa: PLC0415
        from ..models.goal_weight_response import GoalWeightResponse # noqa: PLC0415
        from ..models.microcycle_response import MicrocycleResponse # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        duration_weeks = d.pop("duration_weeks")

        days_per_week = d.pop("days_per_week")

        max_session_minutes = d.pop("max_session_minutes")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in (_goals):
            goals_item = GoalWeightResponse.from_dict(goals_item_data)



            goals.append(goals_item)


        disciplines = []
        _disciplines = d.pop("disciplines")
        for disciplines_item_data in (_disciplines):
            disciplines_item = DisciplineWeightResponse.from_dict(disciplines_item_data)



            disciplines.append(disciplines_item)


        def _parse_split_template(data: object) -> None | SplitTemplate:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                split_template_type_0 = SplitTemplate(data)



                return split_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SplitTemplate, data)

        split_template = _parse_split_template(d.pop("split_template"))


        progression_style = ProgressionStyle(d.pop("progression_style"))




        deload_every_n_microcycles = d.pop("deload_every_n_microcycles")

        is_active = d.pop("is_active")

        scoring_config_version = d.pop("scoring_config_version")

        seed = d.pop("seed")

        session_count = d.pop("session_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_microcycles(data: object) -> list[MicrocycleResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                microcycles_type_0 = []
                _microcycles_type_0 = data
                for microcycles_type_0_item_data in (_microcycles_type_0):
                    microcycles_type_0_item = MicrocycleResponse.from_dict(microcycles_type_0_item_data)



                    microcycles_type_0.append(microcycles_type_0_item)

                return microcycles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MicrocycleResponse] | None | Unset, data)

        microcycles = _parse_microcycles(d.pop("microcycles", UNSET))


        program_response = cls(
            id=id,
            name=name,
            start_date=start_date,
            duration_weeks=duration_weeks,
            days_per_week=days_per_week,
            max_session_minutes=max_session_minutes,
            goals=goals,
            disciplines=disciplines,
            split_template=split_template,
            progression_style=progression_style,
            deload_every_n_microcycles=deload_every_n_microcycles,
            is_active=is_active,
            scoring_config_version=scoring_config_version,
            seed=seed,
            session_count=session_count,
            created_at=created_at,
            microcycles=microcycles,
        )


        program_response.additional_properties = d
        return program_response

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
