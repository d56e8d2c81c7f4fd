"""Start the services, the hosts and HAProxy, run the checks, print the table, remove everything."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import platform
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from loadtests.drills.server import ROOT, checkout_commit
from loadtests.drills.services import POSTGRES_BIN, Cleanup, ServiceError, interruptible
from loadtests.scaleout import checks
from loadtests.scaleout.balancer import Backend, HAProxy, haproxy_binary
from loadtests.scaleout.cluster import APP_PORT, Cluster
from loadtests.scaleout.load import Accounts, Shape
from loadtests.scaleout.network import SERVICES_ADDRESS, remove_leftovers

HOSTS = 3
EXIT_MISSED = 1
EXIT_HARNESS = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    auth_limit: int
    """The per-address auth budget (per day, so it does not refill during the check)."""
    rate_requests: int
    step_seconds: float
    """Between the faults of the mid-load check (which lasts five steps)."""
    throughput_seconds: float
    max_requests: int
    """Per load phase, whatever its seconds."""
    shape: Shape


SHORT = Form("short", 100, 300, 6.0, 10.0, 30_000, Shape(trainees=4, readers=8))
LONG = Form("long", 500, 1500, 15.0, 30.0, 200_000, Shape(trainees=6, readers=16))


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m loadtests.scaleout",
        description=(
            "Scale-out drill (root, Linux): three app hosts (`alloy serve --workers 2`), each in "
            "its own network namespace on a bridge (198.18.0.0/24), behind HAProxy, sharing a "
            "private PostgreSQL and Redis. Prints a table of checks; exits 1 when one misses."
        ),
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--short", action="store_true", help="under 3 minutes (the default)")
    form.add_argument("--long", action="store_true", help="longer loads and a larger limit")
    parser.add_argument("--remove-leftovers", action="store_true",
                        help="remove what an earlier run left (namespaces, links, processes, "
                        "temp dirs) and exit")  # fmt: skip
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--run-dir", type=Path, help="where logs and JSON go")
    parser.add_argument("--postgres-bin", type=Path, default=POSTGRES_BIN,
                        help=f"PostgreSQL 15 binaries (default {POSTGRES_BIN})")  # fmt: skip
    return parser.parse_args(argv)


def refuse_to_run() -> str | None:
    if sys.platform != "linux":
        return "the drill needs Linux network namespaces"
    if os.geteuid() != 0:
        return "the drill needs root (ip netns, veth, bridge)"
    return None


def run_shielded(cleanup: Cleanup) -> list[str]:
    """Run the cleanup with Ctrl-C and SIGTERM ignored, so a second one cannot cut it short."""
    shielded = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in shielded}
    try:
        return cleanup.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def start(cluster: Cluster, cleanup: Cleanup, binary: str) -> HAProxy:
    cluster.start_services()
    hosts = [cluster.add_host() for _ in range(HOSTS)]
    backends = [Backend(host.name, host.address, APP_PORT) for host in hosts]
    balancer = HAProxy(cluster.root / "haproxy", SERVICES_ADDRESS, backends, cleanup, binary)
    balancer.start()
    for host in hosts:
        host.server.start()
        print(f"{host.name} ready at {host.base_url}", flush=True)
    for host in hosts:
        balancer.wait_status(host.name, "UP", checks.HOST_UP_SECONDS)
    print(f"haproxy at {balancer.base_url}, every host UP", flush=True)
    return balancer


async def run_checks(
    cluster: Cluster, balancer: HAProxy, form: Form, results: list[checks.Check]
) -> None:
    """Append each check's row to `results` as it is done (kept when a later one cannot run)."""

    def done(check: checks.Check) -> None:
        print(f"  {'pass' if check.passed else 'FAIL'}  {check.name}: {check.measured}", flush=True)
        results.append(check)

    done(await checks.rate_limit_exact(balancer, form.auth_limit, form.rate_requests))
    done(await checks.idempotency_across_hosts(cluster))
    done(await checks.cache_invalidation_across_hosts(cluster))
    accounts = Accounts()
    await accounts.prepare(balancer.base_url, form.shape)
    _, second, third = cluster.hosts
    await asyncio.to_thread(third.server.stop)
    await asyncio.to_thread(balancer.wait_status, third.name, "DOWN", checks.HOST_DOWN_SECONDS)
    timeline = checks.Timeline(
        added=third, drained=second, killed=third, step_seconds=form.step_seconds
    )
    fault_checks, _ = await checks.hosts_drained_killed_added(
        cluster, balancer, accounts, timeline, form.max_requests
    )
    for check in fault_checks:
        done(check)
    for host in (second, third):
        await asyncio.to_thread(host.server.start)
    rows = []
    for hosts in range(1, HOSTS + 1):
        row = await checks.throughput(
            cluster, balancer, accounts, hosts, form.throughput_seconds, form.max_requests
        )
        print(f"  {hosts} host(s): {row.per_second:.0f} req/s", flush=True)
        rows.append(row)
    done(checks.throughput_check(rows))
    cluster.throughput = rows


def markdown(results: list[checks.Check], heading: str) -> str:
    lines = [heading, "", "| check | result | measured |", "|---|---|---|"]
    lines += [
        f"| {check.name} | {'pass' if check.passed else '**FAIL**'} | {check.measured} |"
        for check in results
    ]
    return "\n".join(lines) + "\n"


def throughput_markdown(rows: list[checks.Throughput]) -> str:
    lines = [
        "| hosts | requests | seconds | req/s | app CPU ms/req | machine busy "
        "| load generator CPU s |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {row.hosts} | {row.requests} | {row.seconds:.1f} | {row.per_second:.0f} | "
        f"{row.app_cpu_ms_per_request:.1f} | {row.machine_busy_share:.0%} | "
        f"{row.client_cpu_seconds:.1f} |"
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    refusal = refuse_to_run()
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return EXIT_HARNESS
    if options.remove_leftovers:
        for removed in remove_leftovers():
            print(f"removed {removed}")
        return 0
    binary = haproxy_binary()
    if binary is None:
        print("haproxy is not installed and apt-get could not install it", file=sys.stderr)
        return EXIT_HARNESS
    form = LONG if options.long else SHORT
    started = datetime.now(UTC)
    run_dir = (
        options.run_dir or ROOT / "loadtests" / "reports" / f"scaleout-{started:%Y%m%dT%H%M%S}"
    )
    run_dir.mkdir(parents=True, exist_ok=True)
    cleanup = Cleanup()
    results: list[checks.Check] = []
    status = 0
    cluster: Cluster | None = None
    with interruptible():
        try:
            cluster = Cluster(run_dir, cleanup, f"{form.auth_limit}/day", options.postgres_bin)
            balancer = start(cluster, cleanup, binary)
            asyncio.run(run_checks(cluster, balancer, form, results))
        except KeyboardInterrupt:
            print("interrupted; cleaning up", file=sys.stderr)
            status = EXIT_INTERRUPTED
        except (ServiceError, subprocess.SubprocessError, OSError, RuntimeError) as error:
            (run_dir / "error.txt").write_text(traceback.format_exc(), encoding="utf-8")
            print(f"the drill could not run: {error}", file=sys.stderr)
            status = EXIT_HARNESS
        finally:
            if cluster is not None:
                cluster.keep_logs()
            left = run_shielded(cleanup)
            if left:
                print(f"could not remove: {', '.join(left)}", file=sys.stderr)
                status = status or EXIT_HARNESS
    heading = (
        f"Scale-out drill, {form.name} form, {started:%Y-%m-%d %H:%M} UTC, "
        f"commit {checkout_commit()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    text = markdown(results, heading)
    rows = cluster.throughput if cluster is not None else []
    if rows:
        text += "\n" + throughput_markdown(rows)
    print(text)
    if options.markdown:
        options.markdown.write_text(text, encoding="utf-8")
    report = {
        "checks": [dataclasses.asdict(check) for check in results],
        "throughput": [dataclasses.asdict(row) for row in rows],
    }
    (run_dir / "scaleout.json").write_text(json.dumps(report, indent=2, default=str), "utf-8")
    print(f"run dir: {run_dir}")
    if status:
        return status
    return 0 if results and all(check.passed for check in results) else EXIT_MISSED
