"""`POST /v1/programs` bodies: CONTRACT §9's domain rules, each failure named by its field."""

from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from typing import Any

import orjson
import pytest
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from quart import Blueprint, Quart, Response
from quart_schema import validate_request

from alloy_api.app import create_app
from alloy_api.kit.envelope import respond
from alloy_api.kit.error_handlers import field_errors_from_pydantic
from alloy_api.kit.openapi import responds
from alloy_api.programs.schemas import ProgramCreateRequest, start_date_window
from alloy_api.reference.enums import Discipline, Goal, ProgressionStyle
from alloy_api.settings import Settings
from tests.programs.support import PROGRAM_START

VALID_REQUEST: dict[str, Any] = {
    "name": "Winter block",
    "duration_weeks": 12,
    "days_per_week": 4,
    "max_session_minutes": 60,
    "goals": [{"goal": "strength", "weight": 7}, {"goal": "hypertrophy", "weight": 3}],
    "disciplines": [{"discipline": "powerlifting", "weight": 10}],
    "start_date": PROGRAM_START.isoformat(),
}


class ProgramProbeResponse(BaseModel):
    name: str
    duration_weeks: int


probe_blueprint = Blueprint("program_probes", __name__, url_prefix="/v1/program_probes")


@probe_blueprint.post("")
@validate_request(ProgramCreateRequest)
@responds(ProgramProbeResponse, HTTPStatus.CREATED, errors=[HTTPStatus.BAD_REQUEST])
async def create_program_probe(data: ProgramCreateRequest) -> Response:
    return respond(
        ProgramProbeResponse(name=data.name, duration_weeks=data.duration_weeks),
        HTTPStatus.CREATED,
    )


@pytest.fixture
def app(settings: Settings) -> Quart:
    app = create_app(settings)
    app.register_blueprint(probe_blueprint)
    return app


def field_errors(**changes: Any) -> list[dict[str, Any]]:
    """The errors of a body as the routes validate it: strict JSON."""
    body = {**VALID_REQUEST, **changes}
    body = {key: value for key, value in body.items() if value is not ...}
    with pytest.raises(PydanticValidationError) as caught:
        ProgramCreateRequest.model_validate_json(orjson.dumps(body), strict=True)
    return [error.as_dict() for error in field_errors_from_pydantic(caught.value)]


def test_a_valid_request_becomes_the_generator_spec() -> None:
    request = ProgramCreateRequest.model_validate({**VALID_REQUEST, "name": "  Winter block  "})
    spec = request.program_spec(seed=99)
    assert request.name == "Winter block"
    assert spec.seed == 99
    assert spec.start_date == PROGRAM_START
    assert spec.goals == ((Goal.STRENGTH, 7), (Goal.HYPERTROPHY, 3))
    assert spec.disciplines == ((Discipline.POWERLIFTING, 10),)
    assert spec.deload_every_n_microcycles == 4
    assert spec.progression_style == ProgressionStyle.LINEAR
    assert spec.split_template is None


@pytest.mark.parametrize("weeks", [8, 10, 12])
def test_each_allowed_duration_is_accepted(weeks: int) -> None:
    assert ProgramCreateRequest.model_validate({**VALID_REQUEST, "duration_weeks": weeks})


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": ...}, "VAL_NAME"),
        ({"name": "   "}, "VAL_NAME"),
        ({"duration_weeks": 9}, "VAL_DURATION_WEEKS"),
        ({"duration_weeks": "12"}, "VAL_DURATION_WEEKS"),
        ({"duration_weeks": True}, "VAL_DURATION_WEEKS"),
        ({"days_per_week": 1}, "VAL_DAYS_PER_WEEK"),
        ({"days_per_week": 8}, "VAL_DAYS_PER_WEEK"),
        ({"max_session_minutes": 14}, "VAL_MAX_SESSION_MINUTES"),
        ({"max_session_minutes": 181}, "VAL_MAX_SESSION_MINUTES"),
        ({"goals": []}, "VAL_GOALS"),
        (
            {
                "goals": [
                    {"goal": "strength", "weight": 4},
                    {"goal": "speed", "weight": 2},
                    {"goal": "endurance", "weight": 2},
                    {"goal": "mobility", "weight": 2},
                ]
            },
            "VAL_GOALS",
        ),
        (
            {"goals": [{"goal": "strength", "weight": 5}, {"goal": "strength", "weight": 5}]},
            "VAL_GOALS",
        ),
        ({"goals": [{"goal": "strength", "weight": 9}]}, "VAL_GOALS"),
        ({"goals": [{"goal": "strength", "weight": 0}]}, "VAL_GOALS_WEIGHT"),
        ({"goals": [{"goal": "flexing", "weight": 10}]}, "VAL_GOALS_GOAL"),
        ({"disciplines": []}, "VAL_DISCIPLINES"),
        (
            {
                "disciplines": [
                    {"discipline": name, "weight": 2}
                    for name in ("powerlifting", "yoga", "running", "crossfit", "other")
                ]
            },
            "VAL_DISCIPLINES",
        ),
        ({"disciplines": [{"discipline": "yoga", "weight": 11}]}, "VAL_DISCIPLINES_WEIGHT"),
        ({"disciplines": [{"discipline": "yoga", "weight": 5.0}]}, "VAL_DISCIPLINES_WEIGHT"),
        ({"disciplines": [{"discipline": "yoga", "weight": 6}]}, "VAL_DISCIPLINES"),
        ({"start_date": "next monday"}, "VAL_START_DATE"),
        ({"start_date": ...}, "VAL_START_DATE"),
        ({"deload_every_n_microcycles": 1}, "VAL_DELOAD_EVERY_N_MICROCYCLES"),
        ({"deload_every_n_microcycles": 9}, "VAL_DELOAD_EVERY_N_MICROCYCLES"),
        ({"split_template": "bro_split"}, "VAL_SPLIT_TEMPLATE"),
        ({"progression_style": "random"}, "VAL_PROGRESSION_STYLE"),
        ({"seed": -1}, "VAL_SEED"),
    ],
)
def test_each_broken_rule_names_its_field(changes: dict[str, Any], code: str) -> None:
    assert [error["code"] for error in field_errors(**changes)] == [code]


def test_a_start_date_more_than_a_year_from_today_is_refused_with_the_window() -> None:
    today = datetime.now(UTC).date()
    earliest, latest = start_date_window(today)
    assert earliest.year == today.year - 1 and latest.year == today.year + 1
    for start_date in (earliest, today, latest):
        assert ProgramCreateRequest.model_validate({**VALID_REQUEST, "start_date": start_date})
    for start_date in ("1999-01-04", earliest - timedelta(days=1), latest + timedelta(days=1)):
        (error,) = field_errors(start_date=str(start_date))
        assert error["code"] == "VAL_START_DATE"
        assert error["details"] == {
            "field": "start_date",
            "reason": "date_range",
            "min": earliest.isoformat(),
            "max": latest.isoformat(),
            "actual": str(start_date),
        }
        assert "within a year of today" in error["message"]


def test_the_window_of_a_leap_day_ends_on_the_28th() -> None:
    assert start_date_window(date(2028, 2, 29)) == (date(2027, 2, 28), date(2029, 2, 28))


def test_an_unlisted_duration_reports_the_allowed_values() -> None:
    (error,) = field_errors(duration_weeks=9)
    assert error["details"]["allowed"] == [8, 10, 12]
    assert error["details"]["actual"] == 9


def test_weights_that_miss_ten_say_what_they_sum_to() -> None:
    (error,) = field_errors(goals=[{"goal": "strength", "weight": 4}])
    assert "sum to 10" in error["message"]
    assert "not 4" in error["message"]


async def test_every_broken_field_comes_back_in_one_error_envelope(client) -> None:
    body = {**VALID_REQUEST, "duration_weeks": 9, "days_per_week": 0, "goals": []}
    response = await client.post("/v1/program_probes", json=body)
    payload = await response.get_json()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert payload["data"] is None
    assert [error["code"] for error in payload["errors"]] == [
        "VAL_DURATION_WEEKS",
        "VAL_DAYS_PER_WEEK",
        "VAL_GOALS",
    ]
    assert payload["errors"][1]["details"] == {
        "field": "days_per_week",
        "reason": "greater_than_equal",
        "min": 2,
        "actual": 0,
    }


async def test_a_valid_body_passes_the_route_validation(client) -> None:
    response = await client.post("/v1/program_probes", json=VALID_REQUEST)
    assert response.status_code == HTTPStatus.CREATED
    assert (await response.get_json())["data"] == {"name": "Winter block", "duration_weeks": 12}
