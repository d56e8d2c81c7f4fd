"""Request validation for the routes: bodies are checked as strict JSON, text is free of control
characters, once for every route.

`validate_body(Model)` replaces quart-schema's `validate_request`: the body is validated by
pydantic in strict JSON mode (no string→int, int→bool or float→bool coercion; enums, UUIDs and
dates still come as JSON strings). quart-schema validates in Python mode, whose strict mode would
take enums and UUIDs only as instances, so the parsed body is handed to pydantic as JSON again.
`validate_query(Model)` wraps quart-schema's `validate_querystring` (query values are strings
and keep their ordinary parsing).

Text anywhere in a body or query (values and object keys) refuses NUL and the other C0 controls
and DEL; tab, line feed and carriage return only in fields declared `FreeText` (notes,
descriptions). Lone surrogates cannot arrive: the body parser refuses them and query values are
decoded with replacement.
"""

import re
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Annotated, Any, get_args, get_origin

import orjson
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from quart import current_app, request
from quart_schema import RequestSchemaValidationError, validate_querystring, validate_request

from alloy_api.kit.errors import ErrorDetail, FieldValidationError, field_code


class _FreeTextMarker:
    """Marks a text field that may hold tab and line breaks."""


FREE_TEXT = _FreeTextMarker()
FreeText = Annotated[str, FREE_TEXT]
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
CONTROL_CHARACTERS_BESIDE_LINE_BREAKS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def free_text_fields(model_class: Any) -> frozenset[str]:
    """The names of the fields declared `FreeText` in `model_class` and the models it nests."""
    names: set[str] = set()
    for model in _models_in(model_class, set()):
        for name, info in model.model_fields.items():
            if _is_free_text(info.annotation, info.metadata):
                names.add(name)
    return frozenset(names)


def _models_in(annotation: Any, seen: set[type]) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        yield annotation
        for info in annotation.model_fields.values():
            yield from _models_in(info.annotation, seen)
        return
    for argument in get_args(annotation):
        yield from _models_in(argument, seen)


def _is_free_text(annotation: Any, metadata: list[Any]) -> bool:
    if FREE_TEXT in metadata:
        return True
    if get_origin(annotation) is Annotated:
        return FREE_TEXT in annotation.__metadata__
    return any(_is_free_text(argument, []) for argument in get_args(annotation))


def control_character_errors(
    value: Any, free_text: frozenset[str] = frozenset(), path: str = ""
) -> list[tuple[str, str]]:
    """(field path, the character as U+XXXX) for every string in `value` that holds a refused
    control character."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        field, item = stack.pop()
        if isinstance(item, str):
            refused = _refused_in(field, free_text).search(item)
            if refused:
                found.append((field, f"U+{ord(refused.group()):04X}"))
        elif isinstance(item, dict):
            for key, child in item.items():
                child_path = f"{field}.{key}" if field else str(key)
                stack.append((field, key))
                stack.append((child_path, child))
        elif isinstance(item, list):
            stack.extend((f"{field}.{index}" if field else str(index), child)
                         for index, child in enumerate(item))  # fmt: skip
    return sorted(found)


def _refused_in(field: str, free_text: frozenset[str]) -> re.Pattern[str]:
    name = field.rsplit(".", 1)[-1]
    if name in free_text:
        return CONTROL_CHARACTERS_BESIDE_LINE_BREAKS
    return CONTROL_CHARACTERS


def refuse_control_characters(value: Any, free_text: frozenset[str] = frozenset()) -> None:
    errors = control_character_errors(value, free_text)
    if errors:
        raise FieldValidationError([_control_character_error(*error) for error in errors])


def _control_character_error(field: str, character: str) -> ErrorDetail:
    field = field or "body"
    return ErrorDetail(
        field_code(field),
        f"{field}: text may not hold the control character {character}",
        {"field": field, "reason": "control_character", "actual": character},
    )


def validate_body(model_class: type[BaseModel]) -> Callable:
    adapter = TypeAdapter(model_class)
    free_text = free_text_fields(model_class)

    def decorator(func: Callable) -> Callable:
        validate_request(model_class)(func)  # documents the body in the OpenAPI spec

        @wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            data = await request.get_json()
            refuse_control_characters(data, free_text)
            try:
                model = adapter.validate_json(orjson.dumps(data), strict=True)
            except PydanticValidationError as error:
                raise RequestSchemaValidationError(error) from error
            return await current_app.ensure_async(func)(*args, data=model, **kwargs)

        return wrapper

    return decorator


def validate_query(model_class: type[BaseModel]) -> Callable:
    def decorator(func: Callable) -> Callable:
        validated = validate_querystring(model_class)(func)

        @wraps(validated)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            repeated_values_joined = {
                name: " ".join(request.args.getlist(name)) for name in request.args
            }
            refuse_control_characters(repeated_values_joined)
            return await validated(*args, **kwargs)

        return wrapper

    return decorator
