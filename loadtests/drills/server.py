"""`alloy` on the private services: migrate, seed, serve with two granian workers, and the
process-level faults (a worker killed, the server sent SIGTERM)."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
import psutil

from loadtests.drills.services import (
    LOOPBACK,
    START_TIMEOUT_SECONDS,
    Cleanup,
    ServiceError,
    free_port,
)

ROOT = Path(__file__).resolve().parents[2]


def checkout_commit() -> str:
    """The short commit of the checkout the drills run from, for their reports."""
    finished = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return finished.stdout.strip() or "unknown"


WORKERS = 2
READY_TIMEOUT_SECONDS = 90.0
STOP_TIMEOUT_SECONDS = 30.0
CLI_TIMEOUT_SECONDS = 120.0
READY_PAUSE_SECONDS = 0.2
WORKER_MARK = "spawn_main"
"""granian's workers are multiprocessing spawns; the main process's other child, the resource
tracker, is not one."""
RAISED_RATE = "100000000/minute"
FAST_HASHING = {
    "ALLOY_PASSWORD_HASH_TIME_COST": "1",
    "ALLOY_PASSWORD_HASH_MEMORY_KIB": "8",
    "ALLOY_PASSWORD_HASH_PARALLELISM": "1",
}


def alloy_environment(
    database_url: str, redis_url: str, data_dir: Path, inherited: dict[str, str]
) -> dict[str, str]:
    """The environment of every `alloy` process of the run: production settings on the private
    services, limits raised above anything the load sends, cheap password hashing."""
    environment = {
        name: value for name, value in inherited.items() if not name.startswith("ALLOY_")
    }
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
    environment.update(
        {
            "ALLOY_ENVIRONMENT": "production",
            "ALLOY_SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOY_METRICS_TOKEN": secrets.token_urlsafe(24),
            "ALLOY_DATA_DIR": str(data_dir),
            "ALLOY_DATABASE_URL": database_url,
            "ALLOY_REDIS_URL": redis_url,
            "ALLOY_RATE_LIMIT_AUTH": RAISED_RATE,
            "ALLOY_RATE_LIMIT_WRITE": RAISED_RATE,
            "ALLOY_RATE_LIMIT_GENERATE": RAISED_RATE,
            "ALLOY_RATE_LIMIT_READ": RAISED_RATE,
            **FAST_HASHING,
        }
    )
    return environment


def run_alloy(
    environment: dict[str, str], *arguments: str, timeout: float = CLI_TIMEOUT_SECONDS
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "alloy_cli.main", *arguments],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def check_alloy(environment: dict[str, str], *arguments: str) -> str:
    finished = run_alloy(environment, *arguments)
    if finished.returncode != 0:
        reason = (finished.stderr or finished.stdout).strip().splitlines()[-1:]
        raise ServiceError(f"alloy {' '.join(arguments)} failed: {' '.join(reason)}")
    return finished.stdout


class AlloyServer:
    """`alloy serve --workers 2` in its own session, its output appended to one log file."""

    def __init__(
        self,
        environment: dict[str, str],
        log_path: Path,
        cleanup: Cleanup,
        host: str = LOOPBACK,
        port: int | None = None,
        launcher: Sequence[str] = (),
    ) -> None:
        """`launcher` is a command the server runs under, e.g. `ip netns exec NAME`."""
        self.environment = environment
        self.host = host
        self.port = port or free_port()
        self.launcher = list(launcher)
        self.log_path = log_path
        self.base_url = f"http://{host}:{self.port}"
        self.starts = 0
        self._process: subprocess.Popen | None = None
        cleanup.add("server", self.stop)

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def start(self) -> None:
        command = [
            *self.launcher, sys.executable, "-m", "alloy_cli.main", "serve",
            "--host", self.host, "--port", str(self.port), "--workers", str(WORKERS),
        ]  # fmt: skip
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603
                command,
                env=self.environment,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1
        self.wait_ready()

    def ready(self) -> bool:
        try:
            return httpx.get(f"{self.base_url}/health/ready", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def live(self) -> bool:
        try:
            return httpx.get(f"{self.base_url}/health/live", timeout=3).status_code == 200
        except httpx.HTTPError:
            return False

    def wait_ready(self, timeout: float = READY_TIMEOUT_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise ServiceError(f"the server exited while starting; see {self.log_path}")
            if self.ready():
                return
            time.sleep(READY_PAUSE_SECONDS)
        raise ServiceError(f"the server was not ready within {timeout:.0f} s; see {self.log_path}")

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def worker_pids(self) -> list[int]:
        """The granian workers: children of the main process that are multiprocessing spawns."""
        if not self.running():
            return []
        try:
            children = psutil.Process(self._process.pid).children()
        except psutil.NoSuchProcess:
            return []
        workers = []
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                if any(WORKER_MARK in part for part in child.cmdline()):
                    workers.append(child.pid)
        return sorted(workers)

    def kill_worker(self) -> int:
        """SIGKILL the first worker; its pid."""
        workers = self.worker_pids()
        if not workers:
            raise ServiceError("no granian worker to kill")
        os.kill(workers[0], signal.SIGKILL)
        return workers[0]

    def terminate(self, timeout: float = STOP_TIMEOUT_SECONDS) -> tuple[int | None, bool]:
        """SIGTERM the main process and wait for it: (exit code, whether it had to be killed)."""
        if self._process is None:
            return None, False
        self._process.send_signal(signal.SIGTERM)
        try:
            return self._process.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            self._kill_group()
            return self._process.wait(timeout=START_TIMEOUT_SECONDS), True

    def exit_code(self) -> int | None:
        return None if self._process is None else self._process.poll()

    def _kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, signal.SIGKILL)

    def stop(self) -> None:
        """Stop the server and every process of its session (orphaned workers included)."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self.terminate()
        self._kill_group()
        self._process = None
