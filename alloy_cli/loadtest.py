"""`alloy loadtest`: run Locust headless against a host and judge the result."""

import os
import re
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.live import Live
from rich.table import Table
from rich.text import Text

from alloy_cli.common import JSON_OPTION_HELP, console, fail, print_json, say
from alloy_cli.loadtest_limits import (
    TargetUnavailableError,
    classes_used,
    read_policies,
    shaping_warnings,
)
from alloy_cli.loadtest_report import (
    EndpointStats,
    FailureReason,
    RunSummary,
    Thresholds,
    live_total,
    load_thresholds,
    read_locust_stats,
    regressions,
    threshold_breaches,
)
from loadtests.scenarios import ADMIN_JOURNEY, SCENARIOS

app = typer.Typer(help="Load tests with Locust: run a scenario, compare two runs.")

LOADTESTS_DIR = Path(__file__).resolve().parent.parent / "loadtests"
LOCUSTFILE = LOADTESTS_DIR / "locustfile.py"
DEFAULT_THRESHOLDS = LOADTESTS_DIR / "thresholds.toml"
DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
PROGRESS_TICK_SECONDS = 0.5
PIPED_PROGRESS_SECONDS = 5.0
TOP_FAILURE_REASONS = 5
ADMIN_EMAIL_VARIABLE = "ALLOY_LOADTEST_ADMIN_EMAIL"
ADMIN_PASSWORD_VARIABLE = "ALLOY_LOADTEST_ADMIN_PASSWORD"  # noqa: S105 - a variable's name
ADMIN_TOTP_VARIABLE = "ALLOY_LOADTEST_ADMIN_TOTP_SECRET"


def duration_seconds(text: str) -> int:
    match = DURATION.fullmatch(text)
    if not text or match is None:
        raise typer.BadParameter(f"{text!r} is not a duration like 60s, 5m or 1h30m")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{value!r} is not an http:// or https:// URL")
    return value.rstrip("/")


def summary_table(summary: RunSummary, thresholds: Thresholds) -> Table:
    table = Table(
        "endpoint", "class", "requests", "failures", "p50 ms", "p95 ms", "budget ms", "p99 ms",
        "req/s",
    )  # fmt: skip
    for stats in summary.endpoints:
        table.add_row(
            stats.name,
            thresholds.class_of(stats.name),
            *_figures(stats, f"{thresholds.p95_limit(stats.name):g}"),
        )
    table.add_row(summary.total.name, "", *_figures(summary.total, ""))
    return table


def _figures(stats: EndpointStats, budget: str) -> list[str]:
    return [
        str(stats.requests),
        str(stats.failures),
        f"{stats.p50_ms:g}",
        f"{stats.p95_ms:g}",
        budget,
        f"{stats.p99_ms:g}",
        f"{stats.rps:g}",
    ]


def failure_reasons_table(reasons: list[FailureReason]) -> Table:
    table = Table("status", "error code", "count", "example")
    for reason in reasons[:TOP_FAILURE_REASONS]:
        table.add_row(str(reason.status), reason.code, str(reason.count), reason.example)
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


def progress_line(elapsed: float, seconds: int, totals: EndpointStats | None) -> str:
    clock = f"locust {min(elapsed, seconds):.0f}/{seconds} s"
    if totals is None or totals.requests == 0:
        return f"{clock} · starting"
    return (
        f"{clock} · {totals.requests} requests · {totals.failures} failed"
        f" · {totals.rps:g} req/s · p95 {totals.p95_ms:g} ms"
    )


def _run_with_progress(
    command: list[str], seconds: int, log_path: Path, stats_csv: Path, environment: dict[str, str]
) -> int:
    """Run Locust, showing its totals so far: a live line on a terminal, a line every few
    seconds otherwise (CI logs)."""
    started = time.monotonic()
    last_printed = started

    def line() -> str:
        return progress_line(time.monotonic() - started, seconds, live_total(stats_csv))

    live = Live(Text(line()), console=console, auto_refresh=False)
    with (
        log_path.open("w", encoding="utf-8") as log,
        live if console.is_terminal else nullcontext(),
    ):
        process = subprocess.Popen(  # noqa: S603 - our interpreter, our locustfile
            command, stdout=log, stderr=subprocess.STDOUT, env=environment
        )
        while process.poll() is None:
            time.sleep(PROGRESS_TICK_SECONDS)
            if console.is_terminal:
                live.update(Text(line()), refresh=True)
            elif time.monotonic() - last_printed >= PIPED_PROGRESS_SECONDS:
                last_printed = time.monotonic()
                say(line())
        if console.is_terminal:
            live.update(Text(line()), refresh=True)
        else:
            say(line())
    return process.returncode


def admin_environment(
    scenario: str, email: str | None, password: str | None, totp_secret: str | None
) -> dict[str, str]:
    """The admin journey's sign-in, for the Locust process; refused at once when it is missing."""
    if ADMIN_JOURNEY not in SCENARIOS[scenario]:
        return {}
    if not email or not password:
        fail(
            f"the {scenario} scenario signs in as an admin: set {ADMIN_EMAIL_VARIABLE} and"
            f" {ADMIN_PASSWORD_VARIABLE} (and {ADMIN_TOTP_VARIABLE} when the account has 2FA),"
            " or pass --admin-email and --admin-password"
        )
    variables = {ADMIN_EMAIL_VARIABLE: email, ADMIN_PASSWORD_VARIABLE: password}
    if totp_secret:
        variables[ADMIN_TOTP_VARIABLE] = totp_secret
    return variables


def warn_about_limits(
    host: str, scenario: str, users: int, spawn_rate: float, seconds: int
) -> None:
    try:
        policies = read_policies(host, classes_used(scenario))
    except TargetUnavailableError as error:
        fail(str(error))
    if not policies:
        return
    known = [str(policy) for policy in policies.values() if policy is not None]
    say(f"rate limits on the target: {', '.join(known) or 'none (off)'}")
    for warning in shaping_warnings(policies, scenario, users, spawn_rate, seconds):
        console.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)


def report(summary: RunSummary, thresholds: Thresholds, report_dir: Path) -> None:
    console.print(summary_table(summary, thresholds))
    if summary.failure_reasons:
        say(f"top failure reasons ({summary.total.failures} failed requests):")
        console.print(failure_reasons_table(summary.failure_reasons))
    say(f"reports: {report_dir}")


AdminEmail = Annotated[
    str | None,
    typer.Option(
        envvar=ADMIN_EMAIL_VARIABLE,
        show_envvar=False,
        help=f"admin and mixed scenarios: the admin they sign in as (or {ADMIN_EMAIL_VARIABLE}).",
    ),
]
AdminPassword = Annotated[
    str | None,
    typer.Option(
        envvar=ADMIN_PASSWORD_VARIABLE,
        show_envvar=False,
        help=f"admin and mixed scenarios: its password (better: {ADMIN_PASSWORD_VARIABLE}).",
    ),
]
AdminTotpSecret = Annotated[
    str | None,
    typer.Option(
        envvar=ADMIN_TOTP_VARIABLE,
        show_envvar=False,
        help=f"admin and mixed scenarios, for an admin with 2FA: its TOTP secret (or"
        f" {ADMIN_TOTP_VARIABLE}).",
    ),
]


@app.command()
def run(
    scenario: Annotated[str, typer.Option(help=f"One of: {', '.join(SCENARIOS)}.")],
    host: Annotated[str, typer.Option(help="Base URL of the running service.", callback=http_url)],
    users: Annotated[int, typer.Option(min=1, help="Concurrent simulated users.")] = 10,
    spawn_rate: Annotated[float, typer.Option(min=0.1, help="Users started per second.")] = 5,
    duration: Annotated[str, typer.Option(help="Run time: 60s, 5m, 1h30m.")] = "60s",
    baseline: Annotated[
        Path | None, typer.Option(help="Fail when a p95 is 20 % worse than this saved run.")
    ] = None,
    save_baseline: Annotated[
        Path | None, typer.Option(help="Save this run's summary here as a new baseline.")
    ] = None,
    thresholds: Annotated[
        Path,
        typer.Option(help="Threshold file.", show_default="loadtests/thresholds.toml"),
    ] = DEFAULT_THRESHOLDS,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            help="Where CSV, HTML and summary go (default: a new dir under loadtests/reports)."
        ),
    ] = None,
    admin_email: AdminEmail = None,
    admin_password: AdminPassword = None,
    admin_totp_secret: AdminTotpSecret = None,
) -> None:
    """Run a scenario headless; print p50/p95/p99/RPS/failures per endpoint; judge the run.

    Before it starts, it reads the target's rate limits (one request per class) and warns when
    they will refuse some of the run's requests, naming the setting to raise. The admin and mixed
    scenarios sign in as an admin: without ALLOY_LOADTEST_ADMIN_EMAIL and
    ALLOY_LOADTEST_ADMIN_PASSWORD (and ALLOY_LOADTEST_ADMIN_TOTP_SECRET for an account with 2FA),
    or the options below, they refuse at once. While it runs, a line shows the requests, failures,
    req/s and p95 so far. Exits 1 on a breached threshold or regression, printing the top failure
    reasons.
    """
    if scenario not in SCENARIOS:
        fail(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    seconds = duration_seconds(duration)
    try:
        limits = load_thresholds(thresholds, scenario)
    except (OSError, KeyError, ValueError) as error:
        fail(f"cannot read the thresholds: {error}")
    admin = admin_environment(scenario, admin_email, admin_password, admin_totp_secret)
    warn_about_limits(host, scenario, users, spawn_rate, seconds)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report_dir = report_dir or LOADTESTS_DIR / "reports" / f"{stamp}-{scenario}"
    report_dir.mkdir(parents=True, exist_ok=True)
    prefix = report_dir / scenario
    stats_csv = Path(f"{prefix}_stats.csv")
    command = _locust_command(scenario, users, spawn_rate, duration, host, prefix)
    environment = {**os.environ, **admin}
    exit_code = _run_with_progress(
        command, seconds, report_dir / "locust.log", stats_csv, environment
    )
    if exit_code != 0 or not stats_csv.exists():
        fail(f"locust exited with {exit_code}; see {report_dir / 'locust.log'}")
    summary = read_locust_stats(stats_csv, scenario)
    (report_dir / "summary.json").write_bytes(summary.to_json())
    report(summary, limits, report_dir)
    if save_baseline is not None:
        save_baseline.write_bytes(summary.to_json())
        say(f"saved baseline {save_baseline}")
    problems = threshold_breaches(summary, limits)
    if baseline is not None:
        problems += regressions(summary, RunSummary.from_json(baseline.read_bytes()))
    for problem in problems:
        console.print(f"[red]breach[/] {problem}", highlight=False, soft_wrap=True)
    if problems:
        if limits.machine:
            say(f"the thresholds assume: {limits.machine_line()}")
        fail(f"{len(problems)} threshold or regression breach(es)")


def comparison_rows(before: RunSummary, after: RunSummary) -> list[dict[str, Any]]:
    """Each endpoint of the newer run with its p95 and req/s in both; `p95_change` is a ratio."""
    before_by_name = before.by_name()
    rows = []
    for stats in after.endpoints:
        old = before_by_name.get(stats.name)
        rows.append(
            {
                "endpoint": stats.name,
                "p95_ms_a": old.p95_ms if old else None,
                "p95_ms_b": stats.p95_ms,
                "p95_change": round(stats.p95_ms / old.p95_ms - 1, 4)
                if old and old.p95_ms
                else None,
                "rps_a": old.rps if old else None,
                "rps_b": stats.rps,
            }
        )
    return rows


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


@app.command()
def compare(
    first: Annotated[Path, typer.Argument(help="A summary.json or saved baseline.")],
    second: Annotated[Path, typer.Argument(help="Another one, usually the newer run.")],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """Print the per-endpoint table of two runs side by side."""
    try:
        before = RunSummary.from_json(first.read_bytes())
        after = RunSummary.from_json(second.read_bytes())
    except (OSError, ValueError, KeyError) as error:
        fail(f"cannot read the runs: {error}")
    rows = comparison_rows(before, after)
    if as_json:
        print_json({"endpoints": rows})
        return
    table = Table("endpoint", "p95 A ms", "p95 B ms", "change", "req/s A", "req/s B")
    for row in rows:
        change = row["p95_change"]
        table.add_row(
            row["endpoint"],
            _shown(row["p95_ms_a"]),
            _shown(row["p95_ms_b"]),
            "new" if change is None else f"{change:+.0%}",
            _shown(row["rps_a"]),
            _shown(row["rps_b"]),
        )
    console.print(table)
