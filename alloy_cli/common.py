"""What every command shares: settings, output, one-line failures, exit codes, running coroutines.

Exit codes: 0 the command did what it was asked; 1 it refused or failed (including "nothing to
do" for a command that names one change, such as a role the account already has); 2 usage (an
unknown option or a bad value, reported by Typer).
"""

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any, NoReturn, TypeVar

import orjson
import typer
from pydantic import ValidationError as SettingsValidationError
from rich.console import Console

from alloy_api.settings import InsecureConfigurationError, Settings

ResultT = TypeVar("ResultT")
EXIT_DONE = 0
EXIT_REFUSED = 1
PIPED_WIDTH = 100_000
"""Rich wraps at 80 columns when it cannot ask a terminal; piped output keeps whole lines."""


def _console(stream: Any, *, stderr: bool = False) -> Console:
    width = None if stream.isatty() else PIPED_WIDTH
    return Console(stderr=stderr, width=width, soft_wrap=width is not None)


console = _console(sys.stdout)
error_console = _console(sys.stderr, stderr=True)


def fail(reason: str) -> NoReturn:
    error_console.print(f"[bold red]error:[/] {reason}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=EXIT_REFUSED)


def nothing_to_do(reason: str) -> NoReturn:
    """The change asked for is already in place: nothing was changed and nothing audited."""
    error_console.print(f"nothing to do: {reason}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=EXIT_REFUSED)


def say(message: str) -> None:
    console.print(message, highlight=False, soft_wrap=True)


def print_json(document: Any) -> None:
    """One JSON document on stdout, for scripts (`--json`)."""
    typer.echo(orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())


JSON_OPTION_HELP = "Print one JSON document instead of a table."


def load_settings() -> Settings:
    try:
        return Settings()
    except (InsecureConfigurationError, SettingsValidationError) as error:
        fail(settings_problem(error))


def settings_problem(error: Exception) -> str:
    if isinstance(error, SettingsValidationError):
        first = error.errors(include_url=False)[0]
        location = ".".join(str(part) for part in first["loc"]) or "settings"
        variable = location if location.isupper() else f"ALLOY_{location.upper()}"
        return f"invalid setting {variable}: {first['msg']}"
    return str(error)


def run(coroutine: Coroutine[Any, Any, ResultT]) -> ResultT:
    return asyncio.run(coroutine)
