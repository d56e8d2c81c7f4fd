"""Keyset (cursor) pagination for every list, with signed cursors bound to sort and filters.

A cursor names the row a page ends (or starts) at, by its sort value and id. Walking pages while
rows are inserted or deleted never repeats or skips a row that existed for the whole walk.
"""

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar
from uuid import UUID

import orjson
from pydantic import BaseModel, Field
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from alloy_api.kit.errors import FieldValidationError
from alloy_api.state import app_state

ItemT = TypeVar("ItemT")
ConvertedT = TypeVar("ConvertedT")
ModelT = TypeVar("ModelT", bound=Model)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_CURSOR_LENGTH = 2048
MAX_SORT_LENGTH = 64
SIGNATURE_BYTES = 16
DESCENDING_PREFIX = "-"
FORWARD = "n"
BACKWARD = "p"


class PageQuery(BaseModel):
    """The query parameters of every list; subclass it to add a resource's equality filters."""

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    cursor: str | None = Field(None, max_length=MAX_CURSOR_LENGTH)
    sort: str | None = Field(None, max_length=MAX_SORT_LENGTH, examples=["-created_at"])
    include_total: bool = False


class Page(BaseModel, Generic[ItemT]):
    items: list[ItemT]
    limit: int
    has_next: bool
    has_prev: bool
    next_cursor: str | None
    prev_cursor: str | None
    total: int | None
    filters_applied: dict[str, Any]

    def map(self, convert: Callable[[ItemT], ConvertedT]) -> "Page[ConvertedT]":
        return Page.model_construct(
            **{name: getattr(self, name) for name in type(self).model_fields if name != "items"},
            items=[convert(item) for item in self.items],
        )


@dataclass(frozen=True, slots=True)
class SortOrder:
    public_name: str
    field: str
    descending: bool

    @property
    def token(self) -> str:
        return f"{DESCENDING_PREFIX if self.descending else ''}{self.public_name}"


@dataclass(frozen=True, slots=True)
class Cursor:
    direction: str
    key: list[Any]
    binding: str
    expires_at: int


def _cursor_error(reason: str) -> FieldValidationError:
    return FieldValidationError.single("cursor", f"The cursor is {reason}", reason=reason)


def resolve_sort(requested: str | None, sorts: Mapping[str, str], default_sort: str) -> SortOrder:
    token = requested or default_sort
    public_name = token.removeprefix(DESCENDING_PREFIX)
    if public_name not in sorts:
        allowed = sorted(
            option for name in sorts for option in (name, f"{DESCENDING_PREFIX}{name}")
        )
        raise FieldValidationError.single(
            "sort", f"Cannot sort by {token!r}", allowed=allowed, actual=token
        )
    return SortOrder(public_name, sorts[public_name], token.startswith(DESCENDING_PREFIX))


def _binding(resource: str, sort: SortOrder, filters_applied: Mapping[str, Any]) -> str:
    canonical = orjson.dumps(
        {"resource": resource, "sort": sort.token, "filters": filters_applied},
        option=orjson.OPT_SORT_KEYS,
        default=str,
    )
    return hashlib.sha256(canonical).hexdigest()[:16]


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()[:SIGNATURE_BYTES]


def _jsonable_key_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def encode_cursor(cursor: Cursor, secret: bytes) -> str:
    payload = orjson.dumps(
        {"d": cursor.direction, "k": cursor.key, "b": cursor.binding, "e": cursor.expires_at}
    )
    return f"{_b64encode(payload)}.{_b64encode(_signature(secret, payload))}"


def decode_cursor(text: str, secret: bytes, expected_binding: str) -> Cursor:
    encoded_payload, _, encoded_signature = text.partition(".")
    try:
        payload = _b64decode(encoded_payload)
        signature = _b64decode(encoded_signature)
    except (binascii.Error, ValueError) as error:
        raise _cursor_error("malformed") from error
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        raise _cursor_error("invalid")
    cursor = _signed_cursor(payload)
    if cursor.binding != expected_binding:
        raise _cursor_error("for another list, sort or other filters")
    if cursor.expires_at < time.time():
        raise _cursor_error("expired")
    return cursor


def _signed_cursor(payload: bytes) -> Cursor:
    """The cursor a correctly signed payload holds; one that does not hold a cursor (only a
    leaked or rotated-in secret could sign one) is malformed, not a failure of the server."""
    try:
        fields = orjson.loads(payload)
        cursor = Cursor(fields["d"], fields["k"], fields["b"], fields["e"])
    except (orjson.JSONDecodeError, KeyError, TypeError) as error:
        raise _cursor_error("malformed") from error
    well_typed = (
        isinstance(cursor.direction, str)
        and isinstance(cursor.key, list)
        and isinstance(cursor.binding, str)
        and isinstance(cursor.expires_at, int | float)
    )
    if not well_typed:
        raise _cursor_error("malformed")
    return cursor


def _key_of(item: Model, sort: SortOrder) -> list[Any]:
    return [
        _jsonable_key_value(getattr(item, sort.field)),
        _jsonable_key_value(item.pk),
    ]


def _python_key(model: type[Model], sort: SortOrder, key: Sequence[Any]) -> tuple[Any, Any]:
    fields_map = model._meta.fields_map
    sort_field = fields_map[sort.field]
    pk_field = fields_map[model._meta.pk_attr]
    try:
        return sort_field.to_python_value(key[0]), pk_field.to_python_value(key[1])
    except (ValueError, TypeError, IndexError) as error:
        raise _cursor_error("malformed") from error


def _beyond(model: type[Model], sort: SortOrder, key: Sequence[Any], ascending: bool) -> Q:
    """Rows strictly after `key` in the (sort field, id) order, ascending or descending.

    Written as a range on the sort field minus the ties at or before the key's id, so the
    database starts its index scan at the cursor (an `a > v OR (a = v AND id > k)` is only a
    filter, which re-reads every earlier row) and estimates the rows left as the range's.
    """
    sort_value, pk_value = _python_key(model, sort, key)
    reached, passed = ("gte", "lte") if ascending else ("lte", "gte")
    pk_name = model._meta.pk_attr
    return Q(**{f"{sort.field}__{reached}": sort_value}) & ~Q(
        **{sort.field: sort_value, f"{pk_name}__{passed}": pk_value}
    )


def _ordering(model: type[Model], sort: SortOrder, ascending: bool) -> list[str]:
    """The sort field, then the id to break ties; a unique, non-null field has none to break,
    and ordering by it alone lets its unique index give the order."""
    prefix = "" if ascending else DESCENDING_PREFIX
    sort_field = model._meta.fields_map[sort.field]
    if sort_field.unique and not sort_field.null:
        return [f"{prefix}{sort.field}"]
    return [f"{prefix}{sort.field}", f"{prefix}{model._meta.pk_attr}"]


async def paginate(
    queryset: QuerySet[ModelT],
    *,
    query: PageQuery,
    sorts: Mapping[str, str],
    default_sort: str,
    filters_applied: Mapping[str, Any],
) -> "Page[ModelT]":
    settings = app_state().settings
    model = queryset.model
    sort = resolve_sort(query.sort, sorts, default_sort)
    binding = _binding(model._meta.db_table, sort, filters_applied)
    cursor = decode_cursor(query.cursor, settings.signing_secret, binding) if query.cursor else None
    walking_back = cursor is not None and cursor.direction == BACKWARD
    ascending = sort.descending == walking_back
    window = queryset
    if cursor is not None:
        window = window.filter(_beyond(model, sort, cursor.key, ascending))
    rows = await window.order_by(*_ordering(model, sort, ascending)).limit(query.limit + 1)
    more_beyond = len(rows) > query.limit
    items = rows[: query.limit]
    if walking_back:
        items.reverse()
    has_next = True if walking_back else more_beyond
    has_prev = more_beyond if walking_back else cursor is not None
    expires_at = int(time.time()) + settings.cursor_ttl_seconds

    def cursor_at(item: Model, direction: str) -> str:
        return encode_cursor(
            Cursor(direction, _key_of(item, sort), binding, expires_at), settings.signing_secret
        )

    return Page.model_construct(
        items=items,
        limit=query.limit,
        has_next=has_next and bool(items),
        has_prev=has_prev and bool(items),
        next_cursor=cursor_at(items[-1], FORWARD) if has_next and items else None,
        prev_cursor=cursor_at(items[0], BACKWARD) if has_prev and items else None,
        total=await queryset.count() if query.include_total else None,
        filters_applied=dict(filters_applied),
    )
