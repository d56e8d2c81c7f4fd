"""`alloy loadtest`: judging runs, their failure reasons, the target's rate limits, the admin
journey's settings, and real runs against real servers."""

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
from typer.testing import CliRunner

from alloy_cli.loadtest_limits import Policy, shaping_warnings
from alloy_cli.loadtest_report import (
    EndpointStats,
    FailureReason,
    RunSummary,
    Thresholds,
    load_thresholds,
    read_failure_reasons,
    read_locust_stats,
    regressions,
    threshold_breaches,
)
from alloy_cli.main import app
from loadtests.scenarios import SCENARIOS, users_per_journey
from tests.servers import embedded_server

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)
FAILURES_HEADER = "Method,Name,Error,Occurrences,First Seen,Last Seen"
ROOT = Path(__file__).resolve().parents[2]
THRESHOLDS = ROOT / "loadtests" / "thresholds.toml"
PROGRESS_LINE = re.compile(r"^locust \d+/\d+ s · \d+ requests · \d+ failed · [\d.]+ req/s · p95 ")
ADMIN_VARIABLES = (
    "ALLOY_LOADTEST_ADMIN_EMAIL",
    "ALLOY_LOADTEST_ADMIN_PASSWORD",
    "ALLOY_LOADTEST_ADMIN_TOTP_SECRET",
)


def stats(name: str, p95: float, requests: int = 100, failures: int = 0) -> EndpointStats:
    return EndpointStats(name, requests, failures, p95 / 2, p95, p95 * 2, 50.0)


def test_reads_locust_csv_per_endpoint_and_total(tmp_path) -> None:
    csv_path = tmp_path / "run_stats.csv"
    csv_path.write_text(
        "\n".join([
            HEADER,
            "GET,GET /v1/movements,120,1,4,5,1,40,900,60.5,0.5,4,5,5,6,8,11,15,19,40,40,40",
            ",Aggregated,120,1,4,5,1,40,900,60.5,0.5,4,5,5,6,8,11,15,19,40,40,40",
        ]),
        encoding="utf-8",
    )  # fmt: skip
    summary = read_locust_stats(csv_path, "browse")
    assert summary.endpoints == [EndpointStats("GET /v1/movements", 120, 1, 4, 11, 19, 60.5)]
    assert summary.total.requests == 120
    assert RunSummary.from_json(summary.to_json()) == summary


def test_each_endpoint_is_held_to_its_class_budget() -> None:
    limits = load_thresholds(THRESHOLDS, "browse")
    assert (limits.class_of("POST /v1/auth/login"), limits.p95_limit("POST /v1/auth/login")) == (
        "password",
        250,
    )
    assert limits.class_of("POST /v1/auth/register") == "password"
    assert (limits.class_of("POST /v1/programs"), limits.p95_limit("POST /v1/programs")) == (
        "generate",
        150,
    )
    assert (limits.class_of("GET /v1/movements"), limits.p95_limit("GET /v1/movements")) == (
        "read",
        25,
    )
    assert limits.class_of("POST /v1/movements/query") == "write"
    assert limits.p95_limit("POST /v1/auth/refresh") == 50
    assert limits.machine["cores"] == 2


def test_a_scenario_may_change_a_class_or_an_endpoint(tmp_path) -> None:
    custom = tmp_path / "thresholds.toml"
    custom.write_text(
        THRESHOLDS.read_text(encoding="utf-8")
        + "\n[scenarios.browse.classes]\nread = 40\n[scenarios.browse.endpoints]\n"
        '"GET /v1/circuits" = 60\n',
        encoding="utf-8",
    )
    limits = load_thresholds(custom, "browse")
    assert limits.p95_limit("GET /v1/movements") == 40
    assert limits.p95_limit("GET /v1/circuits") == 60
    assert limits.p95_limit("POST /v1/auth/login") == 250
    assert load_thresholds(custom, "day").p95_limit("GET /v1/movements") == 25


def test_thresholds_flag_slow_endpoints_and_failures() -> None:
    summary = RunSummary(
        "mixed",
        [stats("GET /v1/movements", 30), stats("POST /v1/auth/login", 120)],
        stats("Aggregated", 40, requests=1000, failures=2),
    )
    limits = Thresholds(0.0, {"read": 25, "write": 50, "password": 250},
                        {"POST /v1/auth/login": "password"})  # fmt: skip
    breaches = threshold_breaches(summary, limits)
    assert breaches[0] == "GET /v1/movements (read): p95 30 ms > 25 ms"
    assert breaches[1].startswith("failure ratio 0.2000%")
    assert len(breaches) == 2


def test_failure_reasons_group_by_status_and_code(tmp_path) -> None:
    failures_csv = tmp_path / "run_failures.csv"
    failures_csv.write_text(
        "\n".join([
            FAILURES_HEADER,
            "POST,POST /v1/auth/login,\"CatchResponseError('429 RATE_LIMIT_EXCEEDED: Too many auth"
            " requests; retry in 31 s')\",12,2026-12-01T22:00:03Z,2026-12-01T22:00:03Z",
            "POST,POST /v1/auth/register,\"CatchResponseError('429 RATE_LIMIT_EXCEEDED: Too many"
            " auth requests; retry in 30 s')\",4,2026-12-01T22:00:03Z,2026-12-01T22:00:03Z",
            "GET,GET /v1/programs,\"CatchResponseError('401 AUTH_INVALID_TOKEN: The token has"
            " been revoked')\",2,2026-12-01T22:00:03Z,2026-12-01T22:00:03Z",
            "GET,GET /v1/movements,\"ConnectionRefusedError(111, 'Connection refused')\",1,"
            "2026-12-01T22:00:03Z,2026-12-01T22:00:03Z",
        ]),
        encoding="utf-8",
    )  # fmt: skip
    assert read_failure_reasons(failures_csv) == [
        FailureReason(
            429,
            "RATE_LIMIT_EXCEEDED",
            16,
            "POST /v1/auth/login: Too many auth requests; retry in 31 s",
        ),
        FailureReason(401, "AUTH_INVALID_TOKEN", 2, "GET /v1/programs: The token has been revoked"),
        FailureReason(
            0, "-", 1, "GET /v1/movements: ConnectionRefusedError(111, 'Connection refused')"
        ),
    ]


def test_a_p95_more_than_20_percent_worse_is_a_regression() -> None:
    baseline = RunSummary("browse", [stats("A", 10), stats("B", 10)], stats("Aggregated", 10))
    current = RunSummary("browse", [stats("A", 12), stats("B", 12.5)], stats("Aggregated", 12))
    assert regressions(current, baseline) == ["B: p95 12.5 ms vs baseline 10 ms (+25%)"]


def test_every_scenario_has_thresholds() -> None:
    for scenario in SCENARIOS:
        assert load_thresholds(THRESHOLDS, scenario).max_failure_ratio == 0.0


def test_users_are_shared_among_journeys_as_locust_does() -> None:
    assert users_per_journey("mixed", 15) == {
        "Administrator": 1,
        "LibraryBrowser": 5,
        "DailyTrainee": 8,
        "NewUser": 1,
    }
    assert users_per_journey("browse", 10) == {"LibraryBrowser": 10}


def test_limits_that_will_shape_the_run_are_named_with_their_setting() -> None:
    tight_auth = {"auth": Policy("auth", 20, 60, 3), "read": Policy("read", 600, 60, 599)}
    warnings = shaping_warnings(tight_auth, "browse", 10, 5, 60)
    assert len(warnings) == 1
    assert warnings[0].startswith("auth: this run sends about 20 auth requests")
    assert "allows 3 now and 20 per 60 s" in warnings[0]
    assert "raise ALLOY_RATE_LIMIT_AUTH on the target to at least 37/minute" in warnings[0]
    generous = {"auth": Policy("auth", 1000, 60, 1000), "read": Policy("read", 600, 60, 600)}
    assert shaping_warnings(generous, "browse", 10, 5, 60) == []
    tight_reads = {"read": Policy("read", 30, 60, 30), "auth": None}
    (per_user,) = shaping_warnings(tight_reads, "day", 4, 4, 60)
    assert per_user.startswith("read: each DailyTrainee user sends about 86 read requests per 60 s")
    assert per_user.endswith("raise ALLOY_RATE_LIMIT_READ on the target")


def loadtest(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    variables = {name: value for name, value in os.environ.items() if name not in ADMIN_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "loadtest", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**variables, **environment},
    )


def in_process(*arguments: str, **environment: str | None) -> Any:
    """`alloy loadtest ARGUMENTS` in this process: for what is decided before Locust starts."""
    variables: dict[str, str | None] = dict.fromkeys(ADMIN_VARIABLES)
    return CliRunner().invoke(app, ["loadtest", *arguments], env={**variables, **environment})


def test_the_admin_scenarios_name_their_settings_and_refuse_at_once_without_them() -> None:
    helped = in_process("run", "--help", COLUMNS="200")
    assert all(variable in helped.stdout for variable in ADMIN_VARIABLES)
    for scenario in ("admin", "mixed"):
        refused = in_process("run", "--scenario", scenario, "--host", "http://127.0.0.1:1")
        assert refused.exit_code == 1
        assert refused.stderr.startswith(f"error: the {scenario} scenario signs in as an admin:")
        assert "ALLOY_LOADTEST_ADMIN_EMAIL and ALLOY_LOADTEST_ADMIN_PASSWORD" in refused.stderr
        assert "locust" not in refused.stdout
    with_settings = in_process(
        "run", "--scenario", "admin", "--host", "http://127.0.0.1:1",
        ALLOY_LOADTEST_ADMIN_EMAIL="admin@example.com", ALLOY_LOADTEST_ADMIN_PASSWORD="x",
    )  # fmt: skip
    assert with_settings.exit_code == 1
    assert with_settings.stderr.startswith("error: http://127.0.0.1:1 does not answer")


def test_smoke_run_against_a_real_server_then_a_regression(served_host, tmp_path) -> None:
    baseline_path = tmp_path / "baseline.json"
    first = loadtest(
        "run", "--scenario", "smoke", "--host", served_host, "--users", "3",
        "--spawn-rate", "3", "--duration", "6s", "--report-dir", str(tmp_path / "first"),
        "--save-baseline", str(baseline_path), "--thresholds", str(lenient(tmp_path)),
    )  # fmt: skip
    assert first.returncode == 0, first.stdout + first.stderr
    assert any(PROGRESS_LINE.match(line) for line in first.stdout.splitlines()), first.stdout
    summary = RunSummary.from_json(baseline_path.read_bytes())
    assert {endpoint.name for endpoint in summary.endpoints} == {
        "GET /health/live",
        "GET /health/ready",
        "GET /v1/nope",
    }
    assert summary.total.requests > 0
    assert summary.total.failures == 0
    assert (tmp_path / "first" / "smoke.html").exists()

    impossible = RunSummary(
        "smoke",
        [stats(endpoint.name, 0.001) for endpoint in summary.endpoints],
        summary.total,
    )
    baseline_path.write_bytes(impossible.to_json())
    second = loadtest(
        "run", "--scenario", "smoke", "--host", served_host, "--users", "3",
        "--spawn-rate", "3", "--duration", "4s", "--report-dir", str(tmp_path / "second"),
        "--baseline", str(baseline_path), "--thresholds", str(lenient(tmp_path)),
    )  # fmt: skip
    assert second.returncode == 1
    assert "vs baseline" in second.stdout

    compared = loadtest("compare", str(baseline_path), str(tmp_path / "second" / "summary.json"))
    assert compared.returncode == 0
    assert "GET /health/live" in compared.stdout
    as_json = loadtest(
        "compare", str(baseline_path), str(tmp_path / "second" / "summary.json"), "--json"
    )
    rows = orjson.loads(as_json.stdout)["endpoints"]
    assert {row["endpoint"] for row in rows} == {endpoint.name for endpoint in summary.endpoints}
    assert all(row["p95_ms_a"] == 0.001 and row["p95_change"] > 0.2 for row in rows)


def lenient(tmp_path: Path) -> Path:
    """The shipped thresholds with budgets no test machine misses."""
    path = tmp_path / "lenient.toml"
    text = re.sub(r"p95_ms = \d+", "p95_ms = 60000", THRESHOLDS.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return path


def test_a_run_the_auth_limit_shapes_is_warned_about_and_explains_its_failures(
    tmp_path,
) -> None:
    with embedded_server(tmp_path / "served", ALLOY_RATE_LIMIT_AUTH="3/minute") as host:
        shaped = loadtest(
            "run", "--scenario", "browse", "--host", host, "--users", "4", "--spawn-rate", "4",
            "--duration", "5s", "--report-dir", str(tmp_path / "run"),
            "--thresholds", str(lenient(tmp_path)),
        )  # fmt: skip
    assert shaped.returncode == 1
    output = shaped.stdout
    assert "rate limits on the target: auth 3/60 s, write 60/60 s, read 600/60 s" in output
    assert "warning: auth: this run sends about 8 auth requests" in output
    assert "raise ALLOY_RATE_LIMIT_AUTH on the target" in output
    reasons = output[output.index("top failure reasons") :]
    row = next(line for line in reasons.splitlines() if "RATE_LIMIT_EXCEEDED" in line)
    assert "│ 429 " in row and "Too many auth requests" in row
    summary = RunSummary.from_json((tmp_path / "run" / "summary.json").read_bytes())
    assert summary.failure_reasons[0].code == "RATE_LIMIT_EXCEEDED"
    assert summary.failure_reasons[0].count == summary.total.failures


def test_unknown_scenario_fails_in_one_line() -> None:
    completed = in_process("run", "--scenario", "nope", "--host", "http://127.0.0.1:1")
    assert completed.exit_code == 1
    assert "unknown scenario" in completed.stderr
