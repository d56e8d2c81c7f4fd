import re
from uuid import UUID

import uuid_utils
from werkzeug.routing import BaseConverter

from alloy_api.kit.errors import FieldValidationError


def new_id() -> UUID:
    """A new time-ordered UUIDv7."""
    return UUID(bytes=uuid_utils.uuid7().bytes)


def new_id_str() -> str:
    return str(uuid_utils.uuid7())


def parse_path_id(value: str, field: str) -> UUID:
    """A path parameter as a UUID; a malformed one is 400 `VAL_{FIELD}` (e.g. `VAL_USER_ID`)."""
    try:
        return UUID(value)
    except ValueError as error:
        raise FieldValidationError.single(
            field, f"{field} is not a valid id", reason="uuid_parsing", actual=value[:100]
        ) from error


LITERAL_SEGMENTS = ("query",)
"""Path segments that name an operation beside `/{id}` (`POST /v1/movements/query`)."""


class IdConverter(BaseConverter):
    """`<id:movement_id>`: any path segment except a literal one, so that `/v1/movements/query`
    is only ever the query route (a GET on it is 405, not a malformed id) while a malformed id
    still reaches the route and gets its 400 `VAL_{FIELD}`."""

    regex = rf"(?!(?:{'|'.join(map(re.escape, LITERAL_SEGMENTS))})(?:/|$))[^/]+"
