"""Private PostgreSQL and Redis for the drills: started on free loopback ports in temp dirs,
faulted at will, and removed at the end whatever happens.

Every resource registers its removal with `cleanup`, which runs once: at the end of the `with`
block, at interpreter exit, or on SIGINT/SIGTERM/SIGHUP (turned into an exception so that the
`finally` blocks run). Nothing here touches the machine's shared services.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
POSTGRES_OS_USER = "postgres"
POSTGRES_SUPERUSER = "postgres"
REDIS_SERVER = shutil.which("redis-server") or "redis-server"
LOOPBACK = "127.0.0.1"
START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 30.0
POLL_SECONDS = 0.05
PING_TIMEOUT_SECONDS = 0.5


class ServiceError(RuntimeError):
    """A private service did not start, stop or answer in time."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(POLL_SECONDS)
    raise ServiceError(f"{what} within {timeout:.0f} s")


class Cleanup:
    """Removal steps run once, newest first, however the process ends."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], None]]] = []
        atexit.register(self.run)

    def add(self, name: str, step: Callable[[], None]) -> None:
        self._steps.append((name, step))

    def run(self) -> list[str]:
        """Run every step; the names of those that raised."""
        failed = []
        while self._steps:
            name, step = self._steps.pop()
            try:
                step()
            except Exception:
                failed.append(name)
        return failed


def _raise_interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM and SIGHUP end the run like Ctrl-C does, so every `finally` runs."""
    previous = {
        signum: signal.signal(signum, _raise_interrupt)
        for signum in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stop_process(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


class PrivateRedis:
    """A `redis-server` without persistence that the drills kill, freeze and restart empty."""

    def __init__(
        self, directory: Path, cleanup: Cleanup, port: int | None = None, host: str = LOOPBACK
    ) -> None:
        self.directory = directory
        self.host = host
        self.port = port or free_port()
        self.log_path = directory / "redis.log"
        self._process: subprocess.Popen | None = None
        cleanup.add("redis", self.stop)

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}/0"

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        command = [
            REDIS_SERVER,
            "--port", str(self.port),
            "--bind", self.host,
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.directory),
            "--logfile", str(self.log_path),
            "--daemonize", "no",
        ]  # fmt: skip
        if self.host != LOOPBACK:
            # Protected mode answers only loopback clients; the host is a private bridge's.
            command += ["--protected-mode", "no"]
        self._process = subprocess.Popen(  # noqa: S603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_until(self.answers, START_TIMEOUT_SECONDS, f"redis on port {self.port} did not answer")

    def answers(self) -> bool:
        client = redis.Redis(
            host=self.host,
            port=self.port,
            socket_timeout=PING_TIMEOUT_SECONDS,
            socket_connect_timeout=PING_TIMEOUT_SECONDS,
        )
        try:
            return bool(client.ping())
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()

    def kill(self) -> None:
        """SIGKILL: the data is gone with the process."""
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            self._process.kill()
        self._process.wait(timeout=STOP_TIMEOUT_SECONDS)
        self._process = None

    def freeze(self) -> None:
        if self._process is not None:
            os.kill(self._process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        if self._process is not None:
            os.kill(self._process.pid, signal.SIGCONT)

    def restart_empty(self) -> None:
        """Stop (SIGTERM; nothing is saved) and start again on the same port, empty."""
        self.stop()
        self.start()

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process is not None:
            stop_process(self._process)
            self._process = None


class PrivatePostgres:
    """A PostgreSQL cluster of its own (trust auth, loopback only) in a temp dir it owns.

    initdb refuses to run as root, so as root every PostgreSQL binary runs as the `postgres` OS
    user through `runuser`; as anyone else it runs as that user.
    """

    def __init__(
        self,
        cleanup: Cleanup,
        port: int | None = None,
        binaries: Path = POSTGRES_BIN,
        host: str = LOOPBACK,
        directory_prefix: str = "alloy-drill-pg-",
    ) -> None:
        self.host = host
        self.port = port or free_port()
        self.binaries = binaries
        self.root = Path(tempfile.mkdtemp(prefix=directory_prefix))
        self.data_dir = self.root / "data"
        self.log_path = self.root / "postgres.log"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            account = pwd.getpwnam(POSTGRES_OS_USER)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        cleanup.add("postgres", self.destroy)

    def url(self, database: str = "postgres") -> str:
        return f"postgres://{POSTGRES_SUPERUSER}@{self.host}:{self.port}/{database}"

    def _run(self, *command: str | Path, timeout: float = START_TIMEOUT_SECONDS) -> None:
        """Run a PostgreSQL binary; its output goes to a file, never a pipe, because the server
        that `pg_ctl` starts inherits them and a pipe would never reach its end."""
        full = [str(part) for part in command]
        if self._as_postgres:
            full = ["runuser", "-u", POSTGRES_OS_USER, "--", *full]
        with tempfile.TemporaryFile("w+") as output:
            finished = subprocess.run(  # noqa: S603
                full,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
            if finished.returncode != 0:
                output.seek(0)
                raise ServiceError(f"{Path(full[-1]).name} failed: {output.read().strip()[-400:]}")

    def _pg_ctl(self, *arguments: str) -> None:
        self._run(
            self.binaries / "pg_ctl",
            "-D", self.data_dir,
            "-w", "-t", str(int(START_TIMEOUT_SECONDS)),
            *arguments,
            timeout=START_TIMEOUT_SECONDS + 5,
        )  # fmt: skip

    def init(self) -> None:
        self._run(
            self.binaries / "initdb",
            "-D", self.data_dir,
            "-U", POSTGRES_SUPERUSER,
            "-A", "trust",
            "-E", "UTF8",
            "--no-sync",
        )  # fmt: skip

    def trust_network(self, network: str) -> None:
        """Let clients from `network` (CIDR) in without a password, as loopback clients are."""
        hba = self.data_dir / "pg_hba.conf"
        with hba.open("a", encoding="utf-8") as rules:
            rules.write(f"host all all {network} trust\n")

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses={self.host} -k {self.root} "
            "-c max_connections=100 -c log_min_messages=warning"
        )
        self._pg_ctl("-o", options, "-l", str(self.log_path), "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "stop")

    def restart(self) -> None:
        self._pg_ctl("-m", "fast", "-l", str(self.log_path), "restart")

    def running(self) -> bool:
        try:
            self._pg_ctl("status")
        except ServiceError:
            return False
        return True

    def destroy(self) -> None:
        """Stop the cluster at once and remove its directory."""
        if self.data_dir.exists() and self.running():
            with contextlib.suppress(ServiceError, subprocess.TimeoutExpired):
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
