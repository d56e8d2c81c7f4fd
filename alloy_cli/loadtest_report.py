"""Reading Locust's CSV results, judging them against thresholds and a baseline."""

import csv
import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

AGGREGATED_ROW = "Aggregated"
REGRESSION_TOLERANCE = 0.20
READ_METHODS = ("GET", "HEAD")
DEFAULT_READ_CLASS = "read"
DEFAULT_WRITE_CLASS = "write"
TOP_FAILURE_REASONS = 5
FAILURE_MESSAGE = re.compile(r"(?P<status>\d{1,3}) (?P<code>\S+): (?P<message>.*)", re.DOTALL)
LOCUST_ERROR_WRAPPER = re.compile(r"^\w+\((?P<quote>['\"])(?P<inner>.*)(?P=quote)\)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class EndpointStats:
    name: str
    requests: int
    failures: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    rps: float

    @property
    def failure_ratio(self) -> float:
        return self.failures / self.requests if self.requests else 0.0


@dataclass(frozen=True, slots=True)
class FailureReason:
    """Failed requests with the same status and error code, and one of them as an example."""

    status: int
    code: str
    count: int
    example: str


@dataclass(frozen=True, slots=True)
class RunSummary:
    scenario: str
    endpoints: list[EndpointStats]
    total: EndpointStats
    failure_reasons: list[FailureReason] = field(default_factory=list)

    def to_json(self) -> bytes:
        return orjson.dumps(
            {
                "scenario": self.scenario,
                "endpoints": [asdict(stats) for stats in self.endpoints],
                "total": asdict(self.total),
                "failure_reasons": [asdict(reason) for reason in self.failure_reasons],
            },
            option=orjson.OPT_INDENT_2,
        )

    @classmethod
    def from_json(cls, raw: bytes) -> "RunSummary":
        document = orjson.loads(raw)
        return cls(
            scenario=document["scenario"],
            endpoints=[EndpointStats(**stats) for stats in document["endpoints"]],
            total=EndpointStats(**document["total"]),
            failure_reasons=[
                FailureReason(**reason) for reason in document.get("failure_reasons", [])
            ],
        )

    def by_name(self) -> dict[str, EndpointStats]:
        return {stats.name: stats for stats in self.endpoints}


@dataclass(frozen=True, slots=True)
class Thresholds:
    max_failure_ratio: float
    class_p95_ms: Mapping[str, float]
    endpoint_classes: Mapping[str, str] = field(default_factory=dict)
    endpoint_p95_ms: Mapping[str, float] = field(default_factory=dict)
    machine: Mapping[str, Any] = field(default_factory=dict)

    def class_of(self, endpoint: str) -> str:
        named = self.endpoint_classes.get(endpoint)
        if named is not None:
            return named
        method = endpoint.split(" ", 1)[0]
        return DEFAULT_READ_CLASS if method in READ_METHODS else DEFAULT_WRITE_CLASS

    def p95_limit(self, endpoint: str) -> float:
        if endpoint in self.endpoint_p95_ms:
            return self.endpoint_p95_ms[endpoint]
        return self.class_p95_ms[self.class_of(endpoint)]

    def machine_line(self) -> str:
        return "; ".join(str(value) for key, value in self.machine.items() if key != "cores")


def _number(row: dict[str, str], column: str) -> float:
    value = row.get(column, "") or "0"
    return 0.0 if value == "N/A" else float(value)


def _stats_from_row(row: dict[str, str]) -> EndpointStats:
    return EndpointStats(
        name=row["Name"],
        requests=int(_number(row, "Request Count")),
        failures=int(_number(row, "Failure Count")),
        p50_ms=_number(row, "50%"),
        p95_ms=_number(row, "95%"),
        p99_ms=_number(row, "99%"),
        rps=round(_number(row, "Requests/s"), 2),
    )


def read_stat_rows(stats_csv: Path) -> list[EndpointStats]:
    with stats_csv.open(newline="", encoding="utf-8") as stats_file:
        return [_stats_from_row(row) for row in csv.DictReader(stats_file)]


def read_locust_stats(stats_csv: Path, scenario: str) -> RunSummary:
    rows = read_stat_rows(stats_csv)
    endpoints = [stats for stats in rows if stats.name != AGGREGATED_ROW]
    totals = [stats for stats in rows if stats.name == AGGREGATED_ROW]
    if not totals:
        raise ValueError(f"{stats_csv} has no {AGGREGATED_ROW} row")
    failures_csv = stats_csv.with_name(stats_csv.name.replace("_stats.csv", "_failures.csv"))
    reasons = read_failure_reasons(failures_csv) if failures_csv.exists() else []
    return RunSummary(scenario, endpoints, totals[0], reasons)


def live_total(stats_csv: Path) -> EndpointStats | None:
    """The run's totals so far (Locust rewrites the file every second), if it can be read."""
    try:
        rows = read_stat_rows(stats_csv)
    except (OSError, ValueError, KeyError):
        return None
    return next((stats for stats in rows if stats.name == AGGREGATED_ROW), None)


def _failure_text(error: str) -> str:
    """The message a journey failed a request with, out of Locust's `CatchResponseError('...')`."""
    wrapped = LOCUST_ERROR_WRAPPER.match(error.strip())
    return wrapped.group("inner") if wrapped else error.strip()


def read_failure_reasons(failures_csv: Path) -> list[FailureReason]:
    """Failures grouped by status and error code, most frequent first.

    The journeys fail a request as `STATUS CODE: message` (locustfile.py); anything else, such
    as a connection error, is status 0 with Locust's own text.
    """
    groups: dict[tuple[int, str], list[Any]] = {}
    with failures_csv.open(newline="", encoding="utf-8") as failures_file:
        for row in csv.DictReader(failures_file):
            text = _failure_text(row["Error"])
            parsed = FAILURE_MESSAGE.fullmatch(text)
            status, code, message = (
                (int(parsed["status"]), parsed["code"], parsed["message"])
                if parsed
                else (0, "-", text)
            )
            group = groups.setdefault((status, code), [0, f"{row['Name']}: {message}"])
            group[0] += int(row["Occurrences"])
    reasons = [
        FailureReason(status, code, count, example)
        for (status, code), (count, example) in groups.items()
    ]
    return sorted(reasons, key=lambda reason: (-reason.count, reason.status, reason.code))


def load_thresholds(path: Path, scenario: str) -> Thresholds:
    document: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    scenarios = document.get("scenarios", {})
    if scenario not in scenarios:
        raise KeyError(f"{path} has no thresholds for scenario {scenario!r}")
    section = scenarios[scenario]
    classes = document.get("classes", {})
    class_p95 = {name: float(limits["p95_ms"]) for name, limits in classes.items()}
    class_p95.update({name: float(ms) for name, ms in section.get("classes", {}).items()})
    endpoint_classes = {
        endpoint: name
        for name, limits in reversed(list(classes.items()))
        for endpoint in limits.get("endpoints", [])
    }
    return Thresholds(
        max_failure_ratio=float(section["max_failure_ratio"]),
        class_p95_ms=class_p95,
        endpoint_classes=endpoint_classes,
        endpoint_p95_ms={
            name: float(limit) for name, limit in section.get("endpoints", {}).items()
        },
        machine=document.get("machine", {}),
    )


def threshold_breaches(summary: RunSummary, thresholds: Thresholds) -> list[str]:
    breaches = [
        f"{stats.name} ({thresholds.class_of(stats.name)}): p95 {stats.p95_ms:g} ms"
        f" > {thresholds.p95_limit(stats.name):g} ms"
        for stats in summary.endpoints
        if stats.p95_ms > thresholds.p95_limit(stats.name)
    ]
    if summary.total.failure_ratio > thresholds.max_failure_ratio:
        breaches.append(
            f"failure ratio {summary.total.failure_ratio:.4%} > {thresholds.max_failure_ratio:.4%}"
            f" ({summary.total.failures} of {summary.total.requests})"
        )
    if summary.total.requests == 0:
        breaches.append("no request was made")
    return breaches


def regressions(current: RunSummary, baseline: RunSummary) -> list[str]:
    baseline_by_name = baseline.by_name()
    found = []
    for stats in current.endpoints:
        before = baseline_by_name.get(stats.name)
        if before is None or before.p95_ms <= 0:
            continue
        if stats.p95_ms > before.p95_ms * (1 + REGRESSION_TOLERANCE):
            change = stats.p95_ms / before.p95_ms - 1
            found.append(
                f"{stats.name}: p95 {stats.p95_ms:g} ms vs baseline {before.p95_ms:g} ms"
                f" (+{change:.0%})"
            )
    return found
