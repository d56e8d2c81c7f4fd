"""Start the private services and the server once, run the chosen drills one after another
(restoring whatever a drill left broken), then print the table and write the run dir."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from loadtests.drills import report
from loadtests.drills.drills import (
    DRILLS,
    LONG,
    SHORT,
    Criterion,
    Drill,
    DrillResult,
    DrillRun,
    Services,
    Timing,
)
from loadtests.drills.server import (
    ROOT,
    AlloyServer,
    alloy_environment,
    check_alloy,
    checkout_commit,
)
from loadtests.drills.services import (
    POSTGRES_BIN,
    Cleanup,
    PrivatePostgres,
    PrivateRedis,
    ServiceError,
    interruptible,
)

DATABASE = "alloy"
RESTORE_READY_SECONDS = 15.0
EXIT_MISSED = 1
EXIT_HARNESS = 2
EXIT_INTERRUPTED = 130


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m loadtests.drills",
        description="Fault drills against a private PostgreSQL, Redis and `alloy serve`.",
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--short", action="store_true", help="the CI form (the default)")
    form.add_argument("--long", action="store_true", help="the full lengths (20 s faults)")
    parser.add_argument("--only", nargs="+", choices=sorted(DRILLS), metavar="NAME",
                        help=f"run these drills only: {', '.join(DRILLS)}")  # fmt: skip
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--run-dir", type=Path, help="where logs, ledgers and JSON go")
    parser.add_argument("--postgres-bin", type=Path, default=POSTGRES_BIN,
                        help=f"PostgreSQL 15 binaries (default {POSTGRES_BIN})")  # fmt: skip
    return parser.parse_args(argv)


async def create_database(postgres: PrivatePostgres) -> None:
    connection = await asyncpg.connect(postgres.url(), timeout=10)
    try:
        await connection.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await connection.close()


def start_services(run_dir: Path, cleanup: Cleanup, postgres: PrivatePostgres) -> Services:
    postgres.init()
    postgres.start()
    asyncio.run(create_database(postgres))
    redis = PrivateRedis(run_dir / "redis", cleanup)
    redis.start()
    data_dir = Path(tempfile.mkdtemp(prefix="alloy-drill-data-"))
    cleanup.add("data dir", lambda: shutil.rmtree(data_dir, ignore_errors=True))
    database_url = postgres.url(DATABASE)
    environment = alloy_environment(database_url, redis.url, data_dir, dict(os.environ))
    check_alloy(environment, "db", "upgrade")
    check_alloy(environment, "seed")
    server = AlloyServer(environment, run_dir / "server.log", cleanup)
    server.start()
    return Services(postgres, redis, server, database_url, environment)


def restore(services: Services) -> list[str]:
    """Bring back whatever the last drill left down; what had to be done."""
    done = []
    redis, postgres, server = services.redis, services.postgres, services.server
    if redis.running() and not redis.answers():
        redis.thaw()
    if not redis.running():
        redis.start()
        done.append("redis started")
    if not postgres.running():
        postgres.start()
        done.append("postgres started")
    if server.running():
        try:
            server.wait_ready(RESTORE_READY_SECONDS)
        except ServiceError:
            server.stop()
    if not server.running():
        server.stop()
        server.start()
        done.append("server started")
    return done


def _failed_to_run(drill: Drill, error: BaseException) -> DrillResult:
    reason = f"{type(error).__name__}: {error}"
    return DrillResult(drill.name, drill.summary, {}, [Criterion("drill ran", False, reason)])


def run_drill(drill: Drill, services: Services, timing: Timing, run_tag: str, run_dir: Path):
    restored = restore(services)

    async def go() -> tuple[DrillResult, dict[str, Any]]:
        run = DrillRun(drill, services, timing, run_tag)
        result = await run.run()
        return result, run.ledger.as_rows()

    try:
        result, rows = asyncio.run(go())
    except (Exception, asyncio.CancelledError) as error:
        (run_dir / f"{drill.name}.error.txt").write_text(traceback.format_exc(), encoding="utf-8")
        result = _failed_to_run(drill, error)
        rows = {}
    if restored:
        result.notes.insert(0, "before the drill: " + ", ".join(restored))
    report.write_json(run_dir / f"ledger-{drill.name}.json", rows)
    return result


def _heading(form: str, commit: str, started: datetime) -> str:
    return (
        f"Fault drills, {form} form, {started:%Y-%m-%d %H:%M} UTC, commit {commit}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    form, timing = ("long", LONG) if options.long else ("short", SHORT)
    drills = [DRILLS[name] for name in options.only] if options.only else list(DRILLS.values())
    started = datetime.now(UTC)
    run_tag = started.strftime("%Y%m%dT%H%M%S")
    run_dir = options.run_dir or ROOT / "loadtests" / "reports" / f"drills-{run_tag}"
    run_dir.mkdir(parents=True, exist_ok=True)
    cleanup = Cleanup()
    results: list[DrillResult] = []
    status = 0
    postgres: PrivatePostgres | None = None
    clock = time.monotonic()
    with interruptible():
        try:
            postgres = PrivatePostgres(cleanup, binaries=options.postgres_bin)
            services = start_services(run_dir, cleanup, postgres)
            for drill in drills:
                print(f"drill {drill.name}: {drill.summary}", flush=True)
                result = run_drill(drill, services, timing, run_tag, run_dir)
                print(f"  {'pass' if result.passed else 'FAIL'}", flush=True)
                results.append(result)
        except KeyboardInterrupt:
            print("interrupted; cleaning up", file=sys.stderr)
            status = EXIT_INTERRUPTED
        except (ServiceError, subprocess.SubprocessError, OSError) as error:
            print(f"the drills could not run: {error}", file=sys.stderr)
            status = EXIT_HARNESS
        finally:
            if postgres is not None and postgres.log_path.exists():
                shutil.copy(postgres.log_path, run_dir / "postgres.log")
            left = cleanup.run()
            if left:
                print(f"could not remove: {', '.join(left)}", file=sys.stderr)
    commit = checkout_commit()
    heading = _heading(form, commit, started)
    text = report.markdown(results, heading)
    print(text)
    if options.markdown:
        options.markdown.write_text(text, encoding="utf-8")
    report.write_json(
        run_dir / "drills.json",
        {
            "heading": heading,
            "form": form,
            "commit": commit,
            "started_at": started.isoformat(),
            "seconds": round(time.monotonic() - clock, 1),
            "harness_cpu_seconds": round(_own_cpu_seconds(), 1),
            "timing": dataclasses.asdict(timing),
            "drills": [result.as_dict() for result in results],
        },
    )
    print(f"run dir: {run_dir}")
    if status:
        return status
    return 0 if results and all(result.passed for result in results) else EXIT_MISSED


def _own_cpu_seconds() -> float:
    """CPU time of this process alone (the load and the ledger), not of the servers it ran."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
