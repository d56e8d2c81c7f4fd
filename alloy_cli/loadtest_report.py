"""Reading Locust's CSV results, judging them against thresholds and a baseline."""

import csv
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

AGGREGATED_ROW = "Aggregated"
REGRESSION_TOLERANCE = 0.20


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
class RunSummary:
    scenario: str
    endpoints: list[EndpointStats]
    total: EndpointStats

    def to_json(self) -> bytes:
        return orjson.dumps(
            {
                "scenario": self.scenario,
                "endpoints": [asdict(stats) for stats in self.endpoints],
                "total": asdict(self.total),
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
        )

    def by_name(self) -> dict[str, EndpointStats]:
        return {stats.name: stats for stats in self.endpoints}


@dataclass(frozen=True, slots=True)
class Thresholds:
    p95_ms: float
    max_failure_ratio: float
    endpoint_p95_ms: dict[str, float]

    def p95_limit(self, endpoint: str) -> float:
        return self.endpoint_p95_ms.get(endpoint, self.p95_ms)


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


def read_locust_stats(stats_csv: Path, scenario: str) -> RunSummary:
    with stats_csv.open(newline="", encoding="utf-8") as stats_file:
        rows = [_stats_from_row(row) for row in csv.DictReader(stats_file)]
    endpoints = [stats for stats in rows if stats.name != AGGREGATED_ROW]
    totals = [stats for stats in rows if stats.name == AGGREGATED_ROW]
    if not totals:
        raise ValueError(f"{stats_csv} has no {AGGREGATED_ROW} row")
    return RunSummary(scenario=scenario, endpoints=endpoints, total=totals[0])


def load_thresholds(path: Path, scenario: str) -> Thresholds:
    document: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    if scenario not in document:
        raise KeyError(f"{path} has no thresholds for scenario {scenario!r}")
    section = document[scenario]
    return Thresholds(
        p95_ms=float(section["p95_ms"]),
        max_failure_ratio=float(section["max_failure_ratio"]),
        endpoint_p95_ms={
            name: float(limit) for name, limit in section.get("endpoints", {}).items()
        },
    )


def threshold_breaches(summary: RunSummary, thresholds: Thresholds) -> list[str]:
    breaches = [
        f"{stats.name}: p95 {stats.p95_ms:g} ms > {thresholds.p95_limit(stats.name):g} ms"
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
