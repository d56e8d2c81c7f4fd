"""The drills' table (markdown) and their raw numbers (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from loadtests.drills.drills import DrillResult

COLUMNS = (
    "drill",
    "requests",
    "2xx",
    "5xx by code",
    "acknowledged writes",
    "writes found",
    "duplicates",
    "half-written",
    "revoked-token window",
    "recovery time",
    "verdict",
)
NONE = "-"
PROBE_LABELS = {"password change": "password", "role change": "role", "movement edit": "edit"}


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} s"


def _server_errors(responses: dict[str, Any]) -> str:
    errors = responses["5xx_by_code"]
    return ", ".join(f"{code} x{count}" for code, count in errors.items()) or NONE


def _windows(numbers: dict[str, Any]) -> str:
    parts = []
    for probe in numbers.get("probes", []):
        label = PROBE_LABELS.get(probe["kind"], probe["kind"])
        window = probe["window_seconds"]
        if window is None:
            parts.append(f"{label} not changed")
        else:
            parts.append(f"{label} {'> ' if probe['still_open_at_end'] else ''}{window:.1f} s")
    return ", ".join(parts) or NONE


def _recovery(numbers: dict[str, Any]) -> str:
    recovery = numbers["recovery"]
    return (
        f"first 2xx {_seconds(recovery['first_success_seconds'])}, "
        f"steady {_seconds(recovery['steady_seconds'])}"
    )


def _verdict(result: DrillResult) -> str:
    if result.passed:
        return "pass"
    missed = [f"{c.name} ({c.measured})" for c in result.criteria if not c.passed]
    return "**FAIL**: " + "; ".join(missed)


def row(result: DrillResult) -> list[str]:
    numbers = result.numbers
    if "responses" not in numbers:
        return [result.name, *([NONE] * (len(COLUMNS) - 2)), _verdict(result)]
    responses = numbers["responses"]
    reconciled = numbers["reconciliation"]
    return [
        result.name,
        str(responses["requests"]),
        str(responses["2xx"]),
        _server_errors(responses),
        str(reconciled["acknowledged"]),
        str(reconciled["found"]),
        str(reconciled["duplicates"]),
        str(reconciled["half_written"]),
        _windows(numbers),
        _recovery(numbers),
        _verdict(result),
    ]


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def table(results: list[DrillResult]) -> str:
    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(_escape(cell) for cell in row(r)) + " |" for r in results]
    return "\n".join(lines)


def notes(results: list[DrillResult]) -> str:
    lines = []
    for result in results:
        extra = list(result.notes)
        throughput = result.numbers.get("throughput")
        if throughput and throughput["ratio"] is not None:
            extra.insert(
                0,
                f"reader throughput {throughput['faulted_rps']:.1f} req/s with Redis frozen vs "
                f"{throughput['normal_rps']:.1f} before ({throughput['ratio']:.0%})",
            )
        if extra:
            lines.append(f"- **{result.name}**: " + "; ".join(extra) + ".")
    return "\n".join(lines)


def markdown(results: list[DrillResult], heading: str) -> str:
    parts = [heading, "", table(results)]
    if drill_notes := notes(results):
        parts += ["", drill_notes]
    return "\n".join(parts) + "\n"


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.write_bytes(orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
