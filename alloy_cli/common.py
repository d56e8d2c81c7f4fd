"""What every command shares: settings, one-line failures, running coroutines."""

import asyncio
from collections.abc import Coroutine
from typing import Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError as SettingsValidationError
from rich.console import Console

from alloy_api.settings import InsecureConfigurationError, Settings

ResultT = TypeVar("ResultT")
console = Console()
error_console = Console(stderr=True)


def fail(reason: str) -> NoReturn:
    error_console.print(f"[bold red]error:[/] {reason}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def load_settings() -> Settings:
    try:
        return Settings()
    except (InsecureConfigurationError, SettingsValidationError) as error:
        fail(_one_line(error))


def _one_line(error: Exception) -> str:
    if isinstance(error, SettingsValidationError):
        first = error.errors(include_url=False)[0]
        location = ".".join(str(part) for part in first["loc"]) or "settings"
        return f"invalid setting {location}: {first['msg']}"
    return str(error)


def run(coroutine: Coroutine[Any, Any, ResultT]) -> ResultT:
    return asyncio.run(coroutine)
