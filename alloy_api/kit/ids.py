from uuid import UUID

import uuid_utils

from alloy_api.kit.errors import FieldValidationError


def new_id() -> UUID:
    """A new time-ordered UUIDv7."""
    return UUID(bytes=uuid_utils.uuid7().bytes)


def new_id_str() -> str:
    return str(uuid_utils.uuid7())


def parse_id(parameter: str, value: str) -> UUID:
    """A path id; a malformed one is 400 `VAL_{PARAMETER}` (`VAL_MOVEMENT_ID`)."""
    try:
        return UUID(value)
    except ValueError as error:
        raise FieldValidationError.single(
            parameter, f"{parameter} must be a UUID", reason="uuid_parsing", actual=value[:100]
        ) from error
