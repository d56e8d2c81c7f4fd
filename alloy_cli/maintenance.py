"""`alloy maintenance run`: every housekeeping task in turn, one line each; what cron calls.

A task is `async (settings, actor) -> summary line`; adding one is one entry in `TASKS`.
"""

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

import typer

from alloy_api.auth import service as auth_service
from alloy_api.kit.time import format_utc
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console, fail

MaintenanceTask = Callable[[Settings, str], Awaitable[str]]
app = typer.Typer(help="Housekeeping tasks for a cron job or a Kubernetes CronJob.")


async def prune_refresh_tokens(settings: Settings, actor: str) -> str:
    report = await auth_service.prune_expired_refresh_tokens(settings, actor=actor)
    expired_before = format_utc(report.expired_before)
    return f"deleted {report.deleted} refresh token(s) expired before {expired_before}"


TASKS: dict[str, MaintenanceTask] = {
    "prune_refresh_tokens": prune_refresh_tokens,
}


@dataclass(frozen=True, slots=True)
class TaskOutcome:
    name: str
    succeeded: bool
    seconds: float
    summary: str

    @property
    def line(self) -> str:
        state = "ok" if self.succeeded else "failed"
        return f"{self.name} {state} {self.seconds:.3f}s {self.summary}"


async def _run_one(settings: Settings, name: str, actor: str) -> TaskOutcome:
    started_at = time.perf_counter()
    try:
        summary = await TASKS[name](settings, actor)
        succeeded = True
    except Exception as error:
        summary = f"{type(error).__name__}: {error}"[:300]
        succeeded = False
    return TaskOutcome(name, succeeded, time.perf_counter() - started_at, summary)


@app.command("run")
def run_tasks(
    task: Annotated[
        list[str] | None,
        typer.Option("--task", help="Run only this task (repeatable); default: every task."),
    ] = None,
) -> None:
    """Run every maintenance task (or those named), one line each; non-zero if any failed."""
    names = task or list(TASKS)
    unknown = [name for name in names if name not in TASKS]
    if unknown:
        fail(f"unknown task(s): {', '.join(unknown)}; see `alloy maintenance list`")
    actor = operator().actor

    async def run_all(settings: Settings) -> list[TaskOutcome]:
        return [await _run_one(settings, name, actor) for name in names]

    outcomes = with_database(run_all)
    for outcome in outcomes:
        console.print(outcome.line, highlight=False, soft_wrap=True)
    if not all(outcome.succeeded for outcome in outcomes):
        raise typer.Exit(code=1)


@app.command("list")
def list_tasks() -> None:
    """The registered tasks, in the order `run` runs them."""
    for name in TASKS:
        console.print(name, highlight=False)
