"""`alloy serve`: the embedded database made ready, a busy port and pending migrations refused."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.cli.support import migrations_ahead_of
from tests.conftest import TEST_DATABASE_URL
from tests.servers import free_port

SERVE_TIMEOUT_SECONDS = 60


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


def serve(port: int, data_dir: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    variables = {**os.environ, "ALLOY_DATA_DIR": str(data_dir), **environment}
    if "ALLOY_DATABASE_URL" not in environment:
        variables.pop("ALLOY_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port)],
        env=variables,
        capture_output=True,
        text=True,
        timeout=SERVE_TIMEOUT_SECONDS,
        check=False,
    )


def test_a_port_another_process_listens_on_is_refused(tmp_path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        refused = serve(port, tmp_path / "data")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"error: port {port} is in use on 127.0.0.1: another server listens there"
    )
    assert not (tmp_path / "data" / "alloy.sqlite3").exists()


def test_a_second_server_on_a_running_servers_port_is_refused(served_host, tmp_path) -> None:
    port = int(served_host.rsplit(":", 1)[1])
    second = serve(port, tmp_path / "second")
    assert second.returncode == 1
    assert f"port {port} is in use" in second.stderr
    assert httpx.get(f"{served_host}/health/ready").status_code == 200


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="only PostgreSQL is never migrated by serve")
def test_a_postgres_database_with_pending_migrations_is_refused(settings, tmp_path) -> None:
    ahead = migrations_ahead_of(settings, tmp_path)
    port = free_port()
    refused = serve(
        port,
        settings.data_dir,
        ALLOY_DATABASE_URL=settings.resolved_database_url,
        ALLOY_MIGRATIONS_DIR=str(ahead.parent.parent),
    )
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"error: 1 migration(s) pending on the database ({ahead.name});"
        " apply them with `alloy db upgrade`, then start again"
    )
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/health/live")


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
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [*command, "--workers", "2"], env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    host = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{host}/health/ready", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def both_started() -> bool:
        """granian's own line per worker: one answering /health/ready says nothing of the other."""
        return log_path.read_text(errors="replace").count("Started worker-") >= 2

    try:
        wait_for(lambda: both_started() and ready() and len(worker_pids(server)) == 2, seconds=180)
        first_workers = worker_pids(server)
        victim = min(first_workers)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: has_exited(victim))
        statuses = [_live_status(host) for _ in range(20)]
        server_log = log_path.read_text(errors="replace")[-2000:]
        assert server.poll() is None, server_log
        assert statuses == [200] * 20, server_log
        wait_for(lambda: len(worker_pids(server) - {victim}) == 2)
        assert victim not in worker_pids(server)
        assert ready()
    finally:
        server.terminate()
        server.wait(timeout=20)


def _live_status(host: str) -> int | str:
    try:
        return httpx.get(f"{host}/health/live", timeout=5).status_code
    except httpx.HTTPError as error:
        return type(error).__name__
