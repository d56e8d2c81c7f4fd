"""The scale-out drill (root, Linux, HAProxy): its short form passes every check and leaves no
namespace, link, process or temp dir behind, also when it is ended by a signal; and
`--remove-leftovers` removes what a run killed outright left, and nothing else."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loadtests.drills.server import ROOT
from loadtests.scaleout.balancer import haproxy_binary
from loadtests.scaleout.network import NAME_PREFIX, find_leftovers, ip, remove_leftovers
from tests.loadtests.drills.test_services import gone

pytestmark = [
    pytest.mark.drill,
    pytest.mark.skipif(
        sys.platform != "linux" or os.geteuid() != 0,
        reason="network namespaces need root on Linux",
    ),
]
SHORT_FORM_TIMEOUT_SECONDS = 420
READY_TIMEOUT_SECONDS = 180
EXIT_INTERRUPTED = 130


@pytest.fixture(scope="module")
def haproxy() -> str:
    binary = haproxy_binary()
    if binary is None:
        pytest.skip("haproxy is not installed and apt-get could not install it")
    return binary


@pytest.fixture(autouse=True)
def no_earlier_run() -> None:
    if find_leftovers():
        pytest.skip("a scale-out run is in progress or left something; see --remove-leftovers")


def drill_command(run_dir: Path) -> list[str]:
    return [sys.executable, "-m", "loadtests.scaleout", "--short", "--run-dir", str(run_dir)]


def test_remove_leftovers_removes_a_killed_runs_namespaces_links_and_processes_only() -> None:
    namespace, link, other = f"{NAME_PREFIX}h9", f"{NAME_PREFIX}v9", "alloytest-kept"
    ip("netns", "add", namespace)
    ip("netns", "add", other)
    try:
        ip("link", "add", link, "type", "veth", "peer", "name", "eth0", "netns", namespace)
        sleeper = subprocess.Popen(["ip", "netns", "exec", namespace, "sleep", "300"])
        removed = remove_leftovers()
        assert f"namespace {namespace}" in removed
        assert gone(sleeper.pid)
        sleeper.wait(timeout=10)
        assert not find_leftovers()
        assert other in ip("netns", "list")
    finally:
        ip("netns", "del", other, check=False)
        ip("netns", "del", namespace, check=False)


def test_a_signal_mid_start_leaves_nothing(haproxy: str, tmp_path: Path) -> None:
    with (tmp_path / "out.txt").open("w+") as output:
        run = subprocess.Popen(drill_command(tmp_path), cwd=ROOT, stdout=output, stderr=output)
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline and "host1 ready" not in output.read():
            output.seek(0)
            time.sleep(0.5)
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=READY_TIMEOUT_SECONDS) == EXIT_INTERRUPTED
    assert not find_leftovers()


def test_the_short_form_passes_every_check_and_leaves_nothing(haproxy: str, tmp_path: Path) -> None:
    finished = subprocess.run(
        drill_command(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SHORT_FORM_TIMEOUT_SECONDS,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    report = json.loads((tmp_path / "scaleout.json").read_text())
    checks = {check["name"]: check for check in report["checks"]}
    assert all(check["passed"] for check in checks.values())
    rate = checks["rate limit exact across hosts"]["numbers"]
    assert rate["statuses"].get("429") == 200
    assert all(count > 0 for count in rate["per_host"].values())
    assert [row["hosts"] for row in report["throughput"]] == [1, 2, 3]
    assert not find_leftovers()
