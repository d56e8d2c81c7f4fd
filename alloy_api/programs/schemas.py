from datetime import date

from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from alloy_api.kit.time import utc_now
from alloy_api.programs.plan import ProgramSpec
from alloy_api.reference.enums import Discipline, Goal, ProgressionStyle, SplitTemplate

DURATION_WEEKS_ALLOWED = (8, 10, 12)
WEIGHT_TOTAL = 10
MAX_SEED = 2**31 - 1


def _years_from(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes the 28th in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def start_date_window(today: date) -> tuple[date, date]:
    """The first and last start dates a new program may have: a year either side of today."""
    return _years_from(today, -1), _years_from(today, 1)


class GoalWeight(BaseModel):
    goal: Goal
    weight: int = Field(ge=1, le=WEIGHT_TOTAL)


class DisciplineWeight(BaseModel):
    discipline: Discipline
    weight: int = Field(ge=1, le=WEIGHT_TOTAL)


def _check_weights(weights: list[int], names: list[str], label: str) -> None:
    if len(set(names)) != len(names):
        raise PydanticCustomError("distinct", "each {label} may appear once", {"label": label})
    if sum(weights) != WEIGHT_TOTAL:
        raise PydanticCustomError(
            "weight_total",
            "the weights must sum to {expected_total}, not {actual_total}",
            {"expected_total": WEIGHT_TOTAL, "actual_total": sum(weights)},
        )


class ProgramCreateRequest(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    duration_weeks: int
    days_per_week: int = Field(ge=2, le=7)
    max_session_minutes: int = Field(ge=15, le=180)
    goals: list[GoalWeight] = Field(min_length=1, max_length=3)
    disciplines: list[DisciplineWeight] = Field(min_length=1, max_length=4)
    start_date: date
    split_template: SplitTemplate | None = None
    progression_style: ProgressionStyle = ProgressionStyle.LINEAR
    deload_every_n_microcycles: int = Field(default=4, ge=2, le=8)
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)

    @field_validator("name")
    @classmethod
    def name_is_not_blank(cls, name: str) -> str:
        if not name.strip():
            raise PydanticCustomError("blank", "the name may not be blank")
        return name.strip()

    @field_validator("start_date")
    @classmethod
    def starts_within_a_year(cls, start_date: date) -> date:
        earliest, latest = start_date_window(utc_now().date())
        if not earliest <= start_date <= latest:
            raise PydanticCustomError(
                "date_range",
                "must be within a year of today ({ge} to {le})",
                {"ge": earliest.isoformat(), "le": latest.isoformat()},
            )
        return start_date

    @field_validator("duration_weeks")
    @classmethod
    def duration_is_allowed(cls, weeks: int) -> int:
        if weeks not in DURATION_WEEKS_ALLOWED:
            raise PydanticCustomError(
                "allowed_value",
                "duration_weeks must be 8, 10 or 12",
                {"allowed": list(DURATION_WEEKS_ALLOWED)},
            )
        return weeks

    @field_validator("goals")
    @classmethod
    def goals_are_distinct_and_weighted(cls, goals: list[GoalWeight]) -> list[GoalWeight]:
        _check_weights([g.weight for g in goals], [g.goal for g in goals], "goal")
        return goals

    @field_validator("disciplines")
    @classmethod
    def disciplines_are_distinct_and_weighted(
        cls, disciplines: list[DisciplineWeight]
    ) -> list[DisciplineWeight]:
        _check_weights(
            [d.weight for d in disciplines], [d.discipline for d in disciplines], "discipline"
        )
        return disciplines

    def program_spec(self, seed: int) -> ProgramSpec:
        """The generator's input for this request, with the seed the program is built from."""
        return ProgramSpec(
            duration_weeks=self.duration_weeks,
            days_per_week=self.days_per_week,
            max_session_minutes=self.max_session_minutes,
            goals=tuple((item.goal, item.weight) for item in self.goals),
            disciplines=tuple((item.discipline, item.weight) for item in self.disciplines),
            start_date=self.start_date,
            seed=seed,
            split_template=self.split_template,
            progression_style=self.progression_style,
            deload_every_n_microcycles=self.deload_every_n_microcycles,
        )
