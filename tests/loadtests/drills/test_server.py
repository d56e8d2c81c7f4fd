"""`alloy serve` as the drills run it: its workers are told apart from granian's other child,
a killed worker is gone, and stopping the server leaves no process of its session."""

import psutil
import pytest

from loadtests.drills.server import WORKERS, AlloyServer, alloy_environment
from loadtests.drills.services import Cleanup, PrivateRedis
from tests.loadtests.drills.test_services import gone

pytestmark = pytest.mark.drill


def test_the_server_serves_its_workers_can_be_killed_and_nothing_is_left(
    private_database: str, tmp_path
) -> None:
    cleanup = Cleanup()
    redis_server = PrivateRedis(tmp_path / "redis", cleanup)
    redis_server.start()
    environment = alloy_environment(private_database, redis_server.url, tmp_path / "data", {})
    server = AlloyServer(environment, tmp_path / "server.log", cleanup)
    server.start()
    assert server.live()
    main = psutil.Process(server.pid)
    workers = server.worker_pids()
    assert len(workers) == WORKERS
    assert {psutil.Process(pid).ppid() for pid in workers} == {server.pid}
    others = [child.pid for child in main.children() if child.pid not in workers]
    assert others, "granian's resource tracker is a child too, and is not a worker"
    session = [main.pid, *(child.pid for child in main.children(recursive=True))]
    killed = server.kill_worker()
    assert killed == workers[0]
    assert gone(killed)
    assert cleanup.run() == []
    assert all(gone(pid) for pid in session)
    assert not server.running()
    assert b"Starting granian" in (tmp_path / "server.log").read_bytes()
