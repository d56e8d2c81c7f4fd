from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)
"""Every date and datetime a request carries (fields, filters, `?since=`) lies in this range."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with millisecond precision and a `Z` suffix."""
    as_utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return as_utc.isoformat(timespec="milliseconds").removesuffix("+00:00") + "Z"


def within_date_range(day: date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def _in_range(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not within_date_range(day):
        raise PydanticCustomError(
            "date_range",
            "must be from {ge} to {le}",
            {"ge": EARLIEST_DATE.isoformat(), "le": LATEST_DATE.isoformat()},
        )
    return value


def _to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


BoundedDate = Annotated[date, AfterValidator(_in_range)]
"""A calendar date from `EARLIEST_DATE` to `LATEST_DATE`."""

UtcDateTime = Annotated[
    AwareDatetime,
    AfterValidator(_in_range),
    AfterValidator(_to_utc),
    PlainSerializer(format_utc, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "example": "2026-11-26T02:20:11.123Z"}
    ),
]
"""A datetime that must carry an offset on input and is written as UTC `...123Z` on output."""
