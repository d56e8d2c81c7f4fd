from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, PlainSerializer, WithJsonSchema


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with millisecond precision and a `Z` suffix."""
    as_utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return as_utc.isoformat(timespec="milliseconds").removesuffix("+00:00") + "Z"


def _to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


UtcDateTime = Annotated[
    AwareDatetime,
    AfterValidator(_to_utc),
    PlainSerializer(format_utc, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "example": "2026-11-26T02:20:11.123Z"}
    ),
]
"""A datetime that must carry an offset on input and is written as UTC `...123Z` on output."""
