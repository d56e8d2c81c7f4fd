"""Structured filtering (CONTRACT §5): a per-resource allow-list compiled to Tortoise `Q`s.

Each resource declares a `FilterSpec`: the fields a client may filter on, each with a kind that
fixes its operators and how values are checked. Nothing outside the allow-list reaches the ORM.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field
from tortoise.expressions import Q, Subquery
from tortoise.models import Model

from alloy_api.kit.errors import ErrorCode, ErrorDetail, FieldValidationError
from alloy_api.kit.pagination import (
    DEFAULT_LIMIT,
    DESCENDING_PREFIX,
    MAX_CURSOR_LENGTH,
    MAX_LIMIT,
    PageQuery,
)
from alloy_api.kit.time import EARLIEST_DATE, LATEST_DATE, within_date_range

MAX_FILTERS = 10
MAX_LIST_VALUES = 100
MAX_TEXT_VALUE_LENGTH = 200
MAX_SORT_FIELDS = 1
MAX_ECHOED_NAME_LENGTH = 64


class FilterOperator(StrEnum):
    EQ = "eq"
    NE = "ne"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    IN = "in"
    NIN = "nin"
    LIKE = "like"


INTEGER_MIN = -(2**31)
INTEGER_MAX = 2**31 - 1
NUMBER_MAX_MAGNITUDE = 1e15


class FieldKind(StrEnum):
    TEXT = "text"
    ENUM = "enum"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    ID = "id"
    TAGS = "tags"
    """A set of enum values held in a linked table (a movement's equipment); `eq` means
    "has this one", `in` "has any of these", `ne` / `nin` their negations."""


_EQUALITY = frozenset({FilterOperator.EQ, FilterOperator.NE, FilterOperator.IN, FilterOperator.NIN})
_ORDERED = _EQUALITY | {
    FilterOperator.GT,
    FilterOperator.GTE,
    FilterOperator.LT,
    FilterOperator.LTE,
}
OPERATORS_BY_KIND: Mapping[FieldKind, frozenset[FilterOperator]] = {
    FieldKind.TEXT: _ORDERED | {FilterOperator.LIKE},
    FieldKind.ENUM: _EQUALITY,
    FieldKind.INTEGER: _ORDERED,
    FieldKind.NUMBER: _ORDERED,
    FieldKind.BOOLEAN: frozenset({FilterOperator.EQ, FilterOperator.NE}),
    FieldKind.DATETIME: _ORDERED,
    FieldKind.ID: _EQUALITY,
    FieldKind.TAGS: _EQUALITY,
}
LIST_OPERATORS = frozenset({FilterOperator.IN, FilterOperator.NIN})
NEGATED_OPERATORS = frozenset({FilterOperator.NE, FilterOperator.NIN})
LOOKUP_SUFFIXES: Mapping[FilterOperator, str] = {
    FilterOperator.EQ: "",
    FilterOperator.NE: "__not",
    FilterOperator.GT: "__gt",
    FilterOperator.GTE: "__gte",
    FilterOperator.LT: "__lt",
    FilterOperator.LTE: "__lte",
    FilterOperator.IN: "__in",
    FilterOperator.NIN: "__not_in",
    FilterOperator.LIKE: "__icontains",
}


@dataclass(frozen=True, slots=True)
class TagLink:
    """The table that holds a tag field's values: one row per (owner, value)."""

    model: type[Model]
    value_field: str
    owner_field: str


@dataclass(frozen=True, slots=True)
class FilterField:
    kind: FieldKind
    column: str
    choices: type[StrEnum] | None = None
    link: TagLink | None = None
    max_length: int = MAX_TEXT_VALUE_LENGTH
    """For a text field: its column's length; a longer value could never match."""

    @property
    def operators(self) -> frozenset[FilterOperator]:
        return OPERATORS_BY_KIND[self.kind]


@dataclass(frozen=True, slots=True)
class FilterSpec:
    fields: Mapping[str, FilterField]
    sorts: Mapping[str, str]
    default_sort: str


class FilterClause(BaseModel):
    field: str = Field(examples=["pattern"])
    op: str = Field(examples=["in"])
    value: Any = Field(default=None, examples=[["squat", "hinge"]])


class SortClause(BaseModel):
    field: str = Field(max_length=MAX_ECHOED_NAME_LENGTH, examples=["name"])
    order: Literal["asc", "desc"] = "asc"


class StructuredQueryRequest(BaseModel):
    """The body of every `POST /v1/{resource}/query`."""

    filters: list[FilterClause] = Field(default_factory=list)
    sort: list[SortClause] = Field(default_factory=list)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    cursor: str | None = Field(None, max_length=MAX_CURSOR_LENGTH)
    include_total: bool = False

    def page_query(self) -> PageQuery:
        return PageQuery(
            limit=self.limit,
            cursor=self.cursor,
            sort=sort_token(self.sort),
            include_total=self.include_total,
        )


@dataclass(slots=True)
class CompiledFilters:
    condition: Q
    applied: list[dict[str, Any]] = field(default_factory=list)


class _RejectedValueError(ValueError):
    pass


def sort_token(clauses: Sequence[SortClause]) -> str | None:
    """`[{"field": "name", "order": "desc"}]` as the list token `-name`."""
    if not clauses:
        return None
    if len(clauses) > MAX_SORT_FIELDS:
        raise FieldValidationError.single(
            "sort",
            f"Sort by at most {MAX_SORT_FIELDS} field; the id always breaks ties",
            max=MAX_SORT_FIELDS,
            actual=len(clauses),
        )
    clause = clauses[0]
    return f"{DESCENDING_PREFIX if clause.order == 'desc' else ''}{clause.field}"


def _check_scalar(spec_field: FilterField, value: Any) -> Any:
    """The value in its Python type; raises `_RejectedValueError` with the reason."""
    kind = spec_field.kind
    if kind in (FieldKind.ENUM, FieldKind.TAGS):
        assert spec_field.choices is not None
        allowed = {member.value for member in spec_field.choices}
        if not isinstance(value, str) or value not in allowed:
            raise _RejectedValueError(f"one of {sorted(allowed)}")
        return value
    if kind is FieldKind.TEXT:
        if not isinstance(value, str) or len(value) > spec_field.max_length:
            raise _RejectedValueError(f"a string of at most {spec_field.max_length} characters")
        return value
    if kind is FieldKind.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _RejectedValueError("an integer")
        if not INTEGER_MIN <= value <= INTEGER_MAX:
            raise _RejectedValueError(f"an integer from {INTEGER_MIN} to {INTEGER_MAX}")
        return value
    if kind is FieldKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _RejectedValueError("a number")
        if not math.isfinite(value) or abs(value) > NUMBER_MAX_MAGNITUDE:
            raise _RejectedValueError(
                f"a finite number of magnitude at most {NUMBER_MAX_MAGNITUDE:g}"
            )
        return value
    if kind is FieldKind.BOOLEAN:
        if not isinstance(value, bool):
            raise _RejectedValueError("true or false")
        return value
    if kind is FieldKind.DATETIME:
        return _check_datetime(value)
    return _check_id(value)


def _check_datetime(value: Any) -> datetime:
    reason = "an ISO 8601 datetime with an offset"
    if not isinstance(value, str):
        raise _RejectedValueError(reason)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise _RejectedValueError(reason) from error
    if moment.tzinfo is None:
        raise _RejectedValueError(reason)
    if not within_date_range(moment.date()):
        raise _RejectedValueError(
            f"a datetime from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
        )
    return moment.astimezone(UTC)


def _check_id(value: Any) -> UUID:
    if not isinstance(value, str):
        raise _RejectedValueError("a UUID")
    try:
        return UUID(value)
    except ValueError as error:
        raise _RejectedValueError("a UUID") from error


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, UUID):
        return str(value)
    return value


def _condition(spec_field: FilterField, operator: FilterOperator, value: Any) -> Q:
    values = value if isinstance(value, list) else [value]
    if spec_field.link is not None:
        link = spec_field.link
        owners = link.model.filter(**{f"{link.value_field}__in": values}).values(link.owner_field)
        matching = Q(**{f"{spec_field.column}__in": Subquery(owners)})
        return ~matching if operator in NEGATED_OPERATORS else matching
    return Q(**{f"{spec_field.column}{LOOKUP_SUFFIXES[operator]}": value})


class _ClauseChecker:
    def __init__(self, spec: FilterSpec) -> None:
        self.spec = spec
        self.errors: list[ErrorDetail] = []

    def reject(self, code: ErrorCode, message: str, index: int, **details: Any) -> None:
        self.errors.append(ErrorDetail(code.code, message, {"index": index, **details}))

    def check(self, index: int, clause: FilterClause) -> tuple[Any, FilterOperator] | None:
        spec_field = self.spec.fields.get(clause.field)
        if spec_field is None:
            field_name = clause.field[:MAX_ECHOED_NAME_LENGTH]
            self.reject(
                ErrorCode.VAL_FILTER_FIELD,
                f"Cannot filter on {field_name!r}",
                index,
                field=field_name,
                allowed=sorted(self.spec.fields),
            )
            return None
        if clause.op not in spec_field.operators:
            operator_name = clause.op[:MAX_ECHOED_NAME_LENGTH]
            self.reject(
                ErrorCode.VAL_FILTER_OPERATOR,
                f"{clause.field!r} ({spec_field.kind}) does not take {operator_name!r}",
                index,
                field=clause.field,
                allowed=sorted(spec_field.operators),
                actual=operator_name,
            )
            return None
        operator = FilterOperator(clause.op)
        return self.check_value(index, clause, spec_field, operator), operator

    def check_value(
        self, index: int, clause: FilterClause, spec_field: FilterField, operator: FilterOperator
    ) -> Any:
        if operator in LIST_OPERATORS:
            if not isinstance(clause.value, list) or not clause.value:
                self.reject_value(index, clause, "a non-empty list of values")
                return None
            if len(clause.value) > MAX_LIST_VALUES:
                self.reject(
                    ErrorCode.VAL_FILTER_TOO_COMPLEX,
                    f"At most {MAX_LIST_VALUES} values in one {operator} list",
                    index,
                    field=clause.field,
                    max=MAX_LIST_VALUES,
                    actual=len(clause.value),
                )
                return None
            try:
                return [_check_scalar(spec_field, item) for item in clause.value]
            except _RejectedValueError as reason:
                self.reject_value(index, clause, f"a list of {reason}")
                return None
        try:
            return _check_scalar(spec_field, clause.value)
        except _RejectedValueError as reason:
            self.reject_value(index, clause, str(reason))
            return None

    def reject_value(self, index: int, clause: FilterClause, expected: str) -> None:
        self.reject(
            ErrorCode.VAL_FILTER_VALUE,
            f"The value for {clause.field!r} {clause.op} must be {expected}",
            index,
            field=clause.field,
            op=clause.op,
            expected=expected,
        )


def compile_filters(spec: FilterSpec, clauses: Sequence[FilterClause]) -> CompiledFilters:
    """All clauses ANDed into one `Q`; every rejected clause is reported, not only the first."""
    if len(clauses) > MAX_FILTERS:
        raise FieldValidationError(
            [
                ErrorDetail(
                    ErrorCode.VAL_FILTER_TOO_COMPLEX.code,
                    f"At most {MAX_FILTERS} filters in one query",
                    {"field": "filters", "max": MAX_FILTERS, "actual": len(clauses)},
                )
            ]
        )
    checker = _ClauseChecker(spec)
    compiled = CompiledFilters(condition=Q())
    for index, clause in enumerate(clauses):
        checked = checker.check(index, clause)
        if checked is None or checker.errors:
            continue
        value, operator = checked
        compiled.condition &= _condition(spec.fields[clause.field], operator, value)
        jsonable = [_jsonable(item) for item in value] if isinstance(value, list) else value
        compiled.applied.append(
            {"field": clause.field, "op": operator.value, "value": _jsonable(jsonable)}
        )
    if checker.errors:
        raise FieldValidationError(checker.errors)
    return compiled
