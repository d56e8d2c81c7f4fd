"""`alloy synthetic` against a live `alloy serve`: a line per step, textfile metrics, exit code."""

import os
import subprocess
import sys
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from alloy_cli.synthetic import STEP_DURATION_METRIC, STEP_SUCCESS_METRIC, STEPS
from tests.auth.factories import STRONG_PASSWORD
from tests.programs.support import program_body

EMAIL = "synthetic@example.com"


def prepare_synthetic_account(host: str) -> None:
    with httpx.Client(base_url=host, timeout=10) as client:
        account = {"email": EMAIL, "password": STRONG_PASSWORD, "name": "Synthetic"}
        assert client.post("/v1/auth/register", json=account).status_code == 201
        login = client.post("/v1/auth/login", json={"email": EMAIL, "password": STRONG_PASSWORD})
        headers = {"Authorization": f"Bearer {login.json()['data']['access_token']}"}
        created = client.post("/v1/programs", json=program_body(), headers=headers)
        assert created.status_code == 201, created.text


def synthetic(host: str, password: str, textfile: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "ALLOY_SYNTHETIC_EMAIL": EMAIL,
        "ALLOY_SYNTHETIC_PASSWORD": password,
        "COLUMNS": "200",
    }
    command = ["synthetic", "--host", host, "--once", "--textfile", str(textfile)]
    return subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", *command],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def gauges(textfile: Path) -> dict[tuple[str, str], float]:
    return {
        (sample.name, sample.labels["step"]): sample.value
        for family in text_string_to_metric_families(textfile.read_text())
        for sample in family.samples
    }


def test_the_journey_passes_against_a_live_server(served_host: str, tmp_path: Path) -> None:
    prepare_synthetic_account(served_host)
    textfile = tmp_path / "textfile" / "alloy_synthetic.prom"
    completed = synthetic(served_host, STRONG_PASSWORD, textfile)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = completed.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [[step, "ok"] for step in STEPS]
    assert lines[0].endswith(" ok")
    assert "with 24 sessions" in lines[4]
    values = gauges(textfile)
    for step in STEPS:
        assert values[(STEP_SUCCESS_METRIC, step)] == 1
        assert 0 < values[(STEP_DURATION_METRIC, step)] < 10


def test_a_failed_login_fails_the_run_and_skips_what_needs_it(
    served_host: str, tmp_path: Path
) -> None:
    prepare_synthetic_account(served_host)
    textfile = tmp_path / "alloy_synthetic.prom"
    wrong_password = "not the synthetic password 93"
    completed = synthetic(served_host, wrong_password, textfile)
    assert completed.returncode == 1
    states = {line.split()[0]: line.split()[1] for line in completed.stdout.splitlines()}
    assert states == {
        "health": "ok",
        "login": "failed",
        "library_page": "skipped",
        "movement": "skipped",
        "active_program": "skipped",
        "logout": "skipped",
    }
    assert "HTTP 401 AUTH_INVALID_CREDENTIALS" in completed.stdout
    assert wrong_password not in completed.stdout + completed.stderr
    values = gauges(textfile)
    assert [values[(STEP_SUCCESS_METRIC, step)] for step in STEPS] == [1, 0, 0, 0, 0, 0]
    assert (STEP_DURATION_METRIC, "movement") not in values


def test_the_account_must_be_configured(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if "SYNTHETIC" not in key}
    completed = subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "synthetic", "--host", "http://127.0.0.1:9"],
        env={**environment, "ALLOY_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert "ALLOY_SYNTHETIC_EMAIL and ALLOY_SYNTHETIC_PASSWORD" in completed.stderr
