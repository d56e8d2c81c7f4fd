"""The private services: each starts on its own port, answers, takes its faults, and leaves no
process, port or directory behind, including when the run is ended by a signal."""

import asyncio
import signal
import socket
import subprocess
import sys
import textwrap
import time

import asyncpg
import psutil
import pytest
import redis

from loadtests.drills.services import (
    LOOPBACK,
    Cleanup,
    PrivatePostgres,
    PrivateRedis,
    ServiceError,
)

pytestmark = pytest.mark.drill
SIGNAL_EXIT_SECONDS = 30


def gone(pid: int, timeout: float = 10.0) -> bool:
    """Whether the process has ended (a zombie not yet reaped by init counts as ended)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((LOOPBACK, port)) == 0


def test_cleanup_runs_every_step_newest_first_and_names_those_that_failed() -> None:
    done: list[str] = []
    cleanup = Cleanup()
    cleanup.add("first", lambda: done.append("first"))
    cleanup.add("broken", lambda: 1 / 0)
    cleanup.add("last", lambda: done.append("last"))
    assert cleanup.run() == ["broken"]
    assert done == ["last", "first"]
    assert cleanup.run() == []
    assert done == ["last", "first"]


def test_private_redis_takes_each_fault_and_leaves_nothing(tmp_path) -> None:
    cleanup = Cleanup()
    server = PrivateRedis(tmp_path / "redis", cleanup)
    server.start()
    client = redis.Redis.from_url(server.url, socket_timeout=1)
    client.set("kept", "1")
    pid = server.pid
    server.freeze()
    assert not server.answers()
    server.thaw()
    assert server.answers()
    assert client.get("kept") == b"1"
    server.restart_empty()
    assert server.pid != pid
    assert client.get("kept") is None
    killed = server.pid
    server.kill()
    assert not server.answers()
    assert gone(killed)
    server.start()
    last = server.pid
    client.close()
    assert cleanup.run() == []
    assert gone(last)
    assert not port_open(server.port)


async def _select_one(url: str) -> int:
    connection = await asyncpg.connect(url, timeout=5)
    try:
        return await connection.fetchval("SELECT 1")
    finally:
        await connection.close()


def test_private_postgres_restarts_stops_and_is_removed() -> None:
    cleanup = Cleanup()
    cluster = PrivatePostgres(cleanup)
    cluster.init()
    cluster.start()
    assert asyncio.run(_select_one(cluster.url())) == 1
    postmaster = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
    cluster.restart()
    assert asyncio.run(_select_one(cluster.url())) == 1
    restarted = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
    assert restarted != postmaster
    cluster.stop()
    assert not cluster.running()
    with pytest.raises(OSError):
        asyncio.run(_select_one(cluster.url()))
    cluster.start()
    current = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
    assert cleanup.run() == []
    assert gone(current)
    assert not cluster.root.exists()
    assert not port_open(cluster.port)


def test_a_failing_pg_ctl_says_why() -> None:
    cleanup = Cleanup()
    cluster = PrivatePostgres(cleanup)
    with pytest.raises(ServiceError, match="pg_ctl"):
        cluster.start()  # no cluster was made
    assert cleanup.run() == []
    assert not cluster.root.exists()


SIGNALLED_RUN = """
import time
from pathlib import Path
from loadtests.drills.services import Cleanup, PrivateRedis, PrivatePostgres, interruptible

cleanup = Cleanup()
with interruptible():
    try:
        redis_server = PrivateRedis(Path({directory!r}), cleanup)
        redis_server.start()
        cluster = PrivatePostgres(cleanup)
        cluster.init()
        cluster.start()
        print(redis_server.port, redis_server.pid, cluster.port, cluster.root, flush=True)
        time.sleep(120)
    finally:
        cleanup.run()
"""


def test_sigterm_to_the_run_removes_what_it_started(tmp_path) -> None:
    script = textwrap.dedent(SIGNALLED_RUN.format(directory=str(tmp_path / "redis")))
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        redis_port, redis_pid, postgres_port, postgres_root = run.stdout.readline().split()
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=SIGNAL_EXIT_SECONDS)
    finally:
        if run.poll() is None:
            run.kill()
    assert gone(int(redis_pid))
    assert not port_open(int(redis_port))
    assert not port_open(int(postgres_port))
    assert not (tmp_path / postgres_root).exists()
