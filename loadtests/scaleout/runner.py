"""Start the services, the hosts and HAProxy, run the checks, print the table, remove everything."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from loadtests.drills.server import ROOT
from loadtests.drills.services import POSTGRES_BIN, Cleanup, ServiceError, interruptible
from loadtests.scaleout.cluster import Cluster
from loadtests.scaleout.network import remove_leftovers

HOSTS = 3
EXIT_MISSED = 1
EXIT_HARNESS = 2
EXIT_INTERRUPTED = 130


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m loadtests.scaleout",
        description=(
            "Scale-out drill (root, Linux): app hosts in network namespaces behind HAProxy, "
            "sharing a private PostgreSQL and Redis on 198.18.0.0/24."
        ),
    )
    parser.add_argument("--remove-leftovers", action="store_true",
                        help="remove what an earlier run left (namespaces, links, processes) "
                        "and exit")  # fmt: skip
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
    started = datetime.now(UTC)
    run_dir = (
        options.run_dir or ROOT / "loadtests" / "reports" / f"scaleout-{started:%Y%m%dT%H%M%S}"
    )
    run_dir.mkdir(parents=True, exist_ok=True)
    cleanup = Cleanup()
    status = 0
    with interruptible():
        try:
            cluster = Cluster(
                run_dir, cleanup, auth_rate="100/day", postgres_bin=options.postgres_bin
            )
            cluster.start_services()
            for _ in range(HOSTS):
                host = cluster.add_host()
                host.server.start()
                print(f"{host.name} ready at {host.base_url}", flush=True)
        except KeyboardInterrupt:
            print("interrupted; cleaning up", file=sys.stderr)
            status = EXIT_INTERRUPTED
        except (ServiceError, subprocess.SubprocessError, OSError) as error:
            print(f"the drill could not run: {error}", file=sys.stderr)
            status = EXIT_HARNESS
        finally:
            left = run_shielded(cleanup)
            if left:
                print(f"could not remove: {', '.join(left)}", file=sys.stderr)
                status = status or EXIT_HARNESS
    return status
