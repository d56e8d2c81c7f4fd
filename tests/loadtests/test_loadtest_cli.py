"""`alloy loadtest`: judging runs, comparing them, and a real smoke run against a real server."""

import subprocess
import sys
from pathlib import Path

from alloy_cli.loadtest_report import (
    EndpointStats,
    RunSummary,
    Thresholds,
    load_thresholds,
    read_locust_stats,
    regressions,
    threshold_breaches,
)
from loadtests.scenarios import SCENARIOS

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)
ROOT = Path(__file__).resolve().parents[2]


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


def test_thresholds_flag_slow_endpoints_and_failures() -> None:
    summary = RunSummary(
        "mixed",
        [stats("GET /v1/movements", 30), stats("POST /v1/programs", 120)],
        stats("Aggregated", 40, requests=1000, failures=2),
    )
    limits = Thresholds(25, 0.0, {"POST /v1/programs": 150})
    breaches = threshold_breaches(summary, limits)
    assert breaches[0].startswith("GET /v1/movements: p95 30 ms > 25 ms")
    assert breaches[1].startswith("failure ratio 0.2000%")
    assert len(breaches) == 2


def test_a_p95_more_than_20_percent_worse_is_a_regression() -> None:
    baseline = RunSummary("browse", [stats("A", 10), stats("B", 10)], stats("Aggregated", 10))
    current = RunSummary("browse", [stats("A", 12), stats("B", 12.5)], stats("Aggregated", 12))
    assert regressions(current, baseline) == ["B: p95 12.5 ms vs baseline 10 ms (+25%)"]


def test_every_scenario_has_thresholds() -> None:
    for scenario in SCENARIOS:
        assert load_thresholds(ROOT / "loadtests" / "thresholds.toml", scenario).p95_ms > 0


def loadtest(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "loadtest", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_smoke_run_against_a_real_server_then_a_regression(served_host, tmp_path) -> None:
    baseline_path = tmp_path / "baseline.json"
    lenient_thresholds = tmp_path / "thresholds.toml"
    lenient_thresholds.write_text("[smoke]\np95_ms = 60000\nmax_failure_ratio = 0.0\n")
    first = loadtest(
        "run", "--scenario", "smoke", "--host", served_host, "--users", "3",
        "--spawn-rate", "3", "--duration", "6s", "--report-dir", str(tmp_path / "first"),
        "--save-baseline", str(baseline_path), "--thresholds", str(lenient_thresholds),
    )  # fmt: skip
    assert first.returncode == 0, first.stdout + first.stderr
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
        "--baseline", str(baseline_path), "--thresholds", str(lenient_thresholds),
    )  # fmt: skip
    assert second.returncode == 1
    assert "vs baseline" in second.stdout

    compared = loadtest("compare", str(baseline_path), str(tmp_path / "second" / "summary.json"))
    assert compared.returncode == 0
    assert "GET /health/live" in compared.stdout


def test_unknown_scenario_fails_in_one_line() -> None:
    completed = loadtest("run", "--scenario", "nope", "--host", "http://127.0.0.1:1")
    assert completed.returncode == 1
    assert "unknown scenario" in completed.stderr
