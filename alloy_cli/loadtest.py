"""`alloy loadtest`: run Locust headless against a host and judge the result."""

import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from alloy_cli.common import console, fail
from alloy_cli.loadtest_report import (
    RunSummary,
    load_thresholds,
    read_locust_stats,
    regressions,
    threshold_breaches,
)
from loadtests.scenarios import SCENARIOS

app = typer.Typer(help="Load tests with Locust: run a scenario, compare two runs.")

LOADTESTS_DIR = Path(__file__).resolve().parent.parent / "loadtests"
LOCUSTFILE = LOADTESTS_DIR / "locustfile.py"
DEFAULT_THRESHOLDS = LOADTESTS_DIR / "thresholds.toml"
DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
PROGRESS_TICK_SECONDS = 0.5


def duration_seconds(text: str) -> int:
    match = DURATION.fullmatch(text)
    if not text or match is None:
        raise typer.BadParameter(f"{text!r} is not a duration like 60s, 5m or 1h30m")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def summary_table(summary: RunSummary) -> Table:
    table = Table("endpoint", "requests", "failures", "p50 ms", "p95 ms", "p99 ms", "req/s")
    for stats in [*summary.endpoints, summary.total]:
        table.add_row(
            stats.name,
            str(stats.requests),
            str(stats.failures),
            f"{stats.p50_ms:g}",
            f"{stats.p95_ms:g}",
            f"{stats.p99_ms:g}",
            f"{stats.rps:g}",
        )
    return table


def _locust_command(
    scenario: str, users: int, spawn_rate: float, duration: str, host: str, prefix: Path
) -> list[str]:
    return [
        sys.executable, "-m", "locust",
        "-f", str(LOCUSTFILE),
        "--headless", "--only-summary",
        "--users", str(users), "--spawn-rate", str(spawn_rate),
        "--run-time", duration, "--stop-timeout", "5",
        "--host", host,
        "--csv", str(prefix), "--html", f"{prefix}.html",
        "--exit-code-on-error", "0",
        *SCENARIOS[scenario],
    ]  # fmt: skip


def _run_with_progress(command: list[str], seconds: int, log_path: Path) -> int:
    with (
        log_path.open("w", encoding="utf-8") as log,
        Progress(
            TextColumn("[bold]locust"), BarColumn(), TimeElapsedColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("run", total=seconds)
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        started = time.monotonic()
        while process.poll() is None:
            progress.update(task, completed=min(seconds, time.monotonic() - started))
            time.sleep(PROGRESS_TICK_SECONDS)
        progress.update(task, completed=seconds)
    return process.returncode


@app.command()
def run(
    scenario: Annotated[str, typer.Option(help=f"One of: {', '.join(SCENARIOS)}.")],
    host: Annotated[str, typer.Option(help="Base URL of the running service.")],
    users: Annotated[int, typer.Option(min=1, help="Concurrent simulated users.")] = 10,
    spawn_rate: Annotated[float, typer.Option(min=0.1, help="Users started per second.")] = 5,
    duration: Annotated[str, typer.Option(help="Run time: 60s, 5m, 1h30m.")] = "60s",
    baseline: Annotated[
        Path | None, typer.Option(help="Fail when a p95 is 20 % worse than this saved run.")
    ] = None,
    save_baseline: Annotated[
        Path | None, typer.Option(help="Save this run's summary here as a new baseline.")
    ] = None,
    thresholds: Annotated[Path, typer.Option(help="Threshold file.")] = DEFAULT_THRESHOLDS,
    report_dir: Annotated[
        Path | None, typer.Option(help="Where CSV, HTML and summary go (default: a new dir).")
    ] = None,
) -> None:
    """Run a scenario headless; print p50/p95/p99/RPS/failures per endpoint; judge the run."""
    if scenario not in SCENARIOS:
        fail(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    seconds = duration_seconds(duration)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report_dir = report_dir or LOADTESTS_DIR / "reports" / f"{stamp}-{scenario}"
    report_dir.mkdir(parents=True, exist_ok=True)
    prefix = report_dir / scenario
    command = _locust_command(scenario, users, spawn_rate, duration, host, prefix)
    exit_code = _run_with_progress(command, seconds, report_dir / "locust.log")
    stats_csv = Path(f"{prefix}_stats.csv")
    if exit_code != 0 or not stats_csv.exists():
        fail(f"locust exited with {exit_code}; see {report_dir / 'locust.log'}")
    summary = read_locust_stats(stats_csv, scenario)
    (report_dir / "summary.json").write_bytes(summary.to_json())
    console.print(summary_table(summary))
    console.print(f"reports: {report_dir}")
    if save_baseline is not None:
        save_baseline.write_bytes(summary.to_json())
        console.print(f"saved baseline {save_baseline}")
    problems = threshold_breaches(summary, load_thresholds(thresholds, scenario))
    if baseline is not None:
        problems += regressions(summary, RunSummary.from_json(baseline.read_bytes()))
    for problem in problems:
        console.print(f"[red]breach[/] {problem}", highlight=False)
    if problems:
        fail(f"{len(problems)} threshold or regression breach(es)")


@app.command()
def compare(
    first: Annotated[Path, typer.Argument(help="A summary.json or saved baseline.")],
    second: Annotated[Path, typer.Argument(help="Another one, usually the newer run.")],
) -> None:
    """Print the per-endpoint table of two runs side by side."""
    try:
        before = RunSummary.from_json(first.read_bytes())
        after = RunSummary.from_json(second.read_bytes())
    except (OSError, ValueError, KeyError) as error:
        fail(f"cannot read the runs: {error}")
    table = Table("endpoint", "p95 A ms", "p95 B ms", "change", "req/s A", "req/s B")
    before_by_name = before.by_name()
    for stats in after.endpoints:
        old = before_by_name.get(stats.name)
        change = f"{stats.p95_ms / old.p95_ms - 1:+.0%}" if old and old.p95_ms else "new"
        table.add_row(
            stats.name,
            f"{old.p95_ms:g}" if old else "-",
            f"{stats.p95_ms:g}",
            change,
            f"{old.rps:g}" if old else "-",
            f"{stats.rps:g}",
        )
    console.print(table)
