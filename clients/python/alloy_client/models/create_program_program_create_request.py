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
import datetime

if TYPE_CHECKING:
  from ..models.discipline_weight import DisciplineWeight
  from ..models.goal_weight import GoalWeight





T = TypeVar("T", bound="CreateProgramProgramCreateRequest")



@_attrs_define
class CreateProgramProgramCreateRequest:
    """ 
        Attributes:
            name (str):
            duration_weeks (int):
            days_per_week (int):
            max_session_minutes (int):
            goals (list[GoalWeight]):
            disciplines (list[DisciplineWeight]):
            start_date (datetime.date):
            split_template (None | SplitTemplate | Unset):
            progression_style (ProgressionStyle | Unset):
            deload_every_n_microcycles (int | Unset):  Default: 4.
            seed (int | None | Unset):
     """

    name: str
    duration_weeks: int
    days_per_week: int
    max_session_minutes: int
    goals: list[GoalWeight]
    disciplines: list[DisciplineWeight]
    start_date: datetime.date
    split_template: None | SplitTemplate | Unset = UNSET
    progression_style: ProgressionStyle | Unset = UNSET
    deload_every_n_microcycles: int | Unset = 4
    seed: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.discipline_weight import DisciplineWeight # noqa: PLC0415
        from ..models.goal_weight import GoalWeight # noqa: PLC0415
        name = self.name

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



        start_date = self.start_date.isoformat()

        split_template: None | str | Unset
        if isinstance(self.split_template, Unset):
            split_template = UNSET
        elif isinstance(self.split_template, SplitTemplate):
            split_template = self.split_template.value
        else:
            split_template = self.split_template

        progression_style: str | Unset = UNSET
        if not isinstance(self.progression_style, Unset):
            progression_style = self.progression_style.value


        deload_every_n_microcycles = self.deload_every_n_microcycles

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "duration_weeks": duration_weeks,
            "days_per_week": days_per_week,
            "max_session_minutes": max_session_minutes,
            "goals": goals,
            "disciplines": disciplines,
            "start_date": start_date,
        })
        if split_template is not UNSET:
            field_dict["split_template"] = split_template
        if progression_style is not UNSET:
            field_dict["progression_style"] = progression_style
        if deload_every_n_microcycles is not UNSET:
            field_dict["deload_every_n_microcycles"] = deload_every_n_microcycles
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discipline_weight import DisciplineWeight # noqa: PLC0415
        from ..models.goal_weight import GoalWeight # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        duration_weeks = d.pop("duration_weeks")

        days_per_week = d.pop("days_per_week")

        max_session_minutes = d.pop("max_session_minutes")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in (_goals):
            goals_item = GoalWeight.from_dict(goals_item_data)



            goals.append(goals_item)


        disciplines = []
        _disciplines = d.pop("disciplines")
        for disciplines_item_data in (_disciplines):
            disciplines_item = DisciplineWeight.from_dict(disciplines_item_data)



            disciplines.append(disciplines_item)


        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        def _parse_split_template(data: object) -> None | SplitTemplate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                split_template_type_0 = SplitTemplate(data)



                return split_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SplitTemplate | Unset, data)

        split_template = _parse_split_template(d.pop("split_template", UNSET))


        _progression_style = d.pop("progression_style", UNSET)
        progression_style: ProgressionStyle | Unset
        if isinstance(_progression_style,  Unset):
            progression_style = UNSET
        else:
            progression_style = ProgressionStyle(_progression_style)




        deload_every_n_microcycles = d.pop("deload_every_n_microcycles", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))


        create_program_program_create_request = cls(
            name=name,
            duration_weeks=duration_weeks,
            days_per_week=days_per_week,
            max_session_minutes=max_session_minutes,
            goals=goals,
            disciplines=disciplines,
            start_date=start_date,
            split_template=split_template,
            progression_style=progression_style,
            deload_every_n_microcycles=deload_every_n_microcycles,
            seed=seed,
        )


        create_program_program_create_request.additional_properties = d
        return create_program_program_create_request

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
