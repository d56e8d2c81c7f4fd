from uuid import UUID

import uuid_utils


def new_id() -> UUID:
    """A new time-ordered UUIDv7."""
    return UUID(bytes=uuid_utils.uuid7().bytes)


def new_id_str() -> str:
    return str(uuid_utils.uuid7())
