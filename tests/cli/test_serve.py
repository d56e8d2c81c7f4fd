"""`alloy serve` on a bare machine: database created, migrated and loaded with the library."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.servers import free_port


def test_serve_creates_migrates_and_seeds_the_embedded_database(
    served_host,
    served_data_dir,
) -> None:
    assert httpx.get(f"{served_host}/health/ready").status_code == 200
    with sqlite3.connect(served_data_dir / "alloy.sqlite3") as database:
        movements = database.execute("SELECT COUNT(*) FROM movement").fetchone()[0]
        circuits = database.execute("SELECT COUNT(*) FROM circuit").fetchone()[0]
        active_configs = database.execute(
            "SELECT COUNT(*) FROM scoring_config_version WHERE is_active"
        ).fetchone()[0]
    assert movements >= 120
    assert circuits >= 20
    assert active_configs == 1


def worker_pids(server: subprocess.Popen) -> set[int]:
    """The granian workers: children spawned by multiprocessing (not its resource tracker)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    workers = set()
    for pid in children:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except FileNotFoundError:
            continue
        if b"spawn_main" in command:
            workers.add(int(pid))
    return workers


def has_exited(pid: int) -> bool:
    """Gone, or a zombie: its sockets are closed (connections it held are what is lost)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except FileNotFoundError:
        return True


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the condition did not hold in time")


def test_a_killed_worker_is_replaced_while_the_other_keeps_serving(tmp_path, private_redis) -> None:
    port = free_port()
    environment = {
        **os.environ,
        "ALLOY_DATA_DIR": str(tmp_path / "served"),
        "ALLOY_REDIS_URL": private_redis.url,
        "ALLOY_LOG_LEVEL": "WARNING",
    }
    environment.pop("ALLOY_DATABASE_URL", None)
    command = [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    host = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{host}/health/ready", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(lambda: ready() and len(worker_pids(server)) == 2, seconds=180)
        first_workers = worker_pids(server)
        victim = min(first_workers)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: has_exited(victim))
        statuses = [httpx.get(f"{host}/health/live", timeout=5).status_code for _ in range(20)]
        wait_for(lambda: len(worker_pids(server) - {victim}) == 2)
        assert server.poll() is None
        assert statuses == [200] * 20
        assert victim not in worker_pids(server)
        assert ready()
    finally:
        server.terminate()
        server.wait(timeout=20)
