"""Numbers from the ledger: responses by status and code, what left the envelope, how long the
load took to recover, and throughput in two windows; and the 500s the server itself logged."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from loadtests.drills.ledger import LOAD_ACTORS, Actor, Attempt

NO_RESPONSE = "no response"
NO_ENVELOPE = "no envelope"
STEADY_SHARE = 0.8
"""Throughput is steady again from the first of two consecutive 1 s buckets that each reach this
share of the readers' median rate before the fault."""
STEADY_BUCKETS = 2
BUCKET_SECONDS = 1.0
RAMP_UP_SECONDS = 1.0
LOG_SAMPLE_LINES = 20


def ok(attempt: Attempt) -> bool:
    return attempt.status is not None and 200 <= attempt.status < 300


@dataclass(slots=True)
class Responses:
    requests: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    server_errors: Counter[str] = field(default_factory=Counter)
    no_response: Counter[str] = field(default_factory=Counter)
    outside_envelope: int = 0
    internal_errors: int = 0
    replayed: int = 0

    @property
    def successes(self) -> int:
        return sum(count for status, count in self.by_status.items() if status.startswith("2"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "2xx": self.successes,
            "by_status": dict(sorted(self.by_status.items())),
            "by_code": dict(sorted(self.by_code.items())),
            "5xx_by_code": dict(sorted(self.server_errors.items())),
            "no_response_by_error": dict(sorted(self.no_response.items())),
            "outside_envelope": self.outside_envelope,
            "500": self.internal_errors,
            "replayed": self.replayed,
        }


def count_responses(attempts: Iterable[Attempt]) -> Responses:
    counts = Responses()
    for attempt in attempts:
        counts.requests += 1
        if attempt.status is None:
            counts.by_status[NO_RESPONSE] += 1
            counts.no_response[attempt.error or "unknown"] += 1
            continue
        counts.by_status[str(attempt.status)] += 1
        if attempt.error is not None:
            counts.by_code[attempt.error] += 1
        if attempt.enveloped is False:
            counts.outside_envelope += 1
        if attempt.status >= 500:
            counts.server_errors[f"{attempt.status} {attempt.error or NO_ENVELOPE}"] += 1
        if attempt.status == 500:
            counts.internal_errors += 1
        counts.replayed += attempt.replayed
    return counts


def _load(attempts: Iterable[Attempt]) -> list[Attempt]:
    return [attempt for attempt in attempts if attempt.actor in LOAD_ACTORS]


def first_success_after(attempts: Iterable[Attempt], moment: float) -> float | None:
    """Seconds from `moment` to the first 2xx answered to a request of the load sent after it
    (a request already in flight at `moment` says nothing about recovery)."""
    times = [a.done_at for a in _load(attempts) if ok(a) and a.sent_at >= moment]
    return min(times) - moment if times else None


def reader_rate(attempts: Iterable[Attempt], start: float, end: float) -> float:
    """The readers' 2xx answered per second in [start, end)."""
    if end <= start:
        return 0.0
    count = sum(
        1 for a in attempts if a.actor is Actor.READER and ok(a) and start <= a.done_at < end
    )
    return count / (end - start)


def _buckets(attempts: Iterable[Attempt], start: float, end: float) -> list[int]:
    size = max(0, int((end - start) // BUCKET_SECONDS))
    counts = [0] * size
    for a in attempts:
        if a.actor is Actor.READER and ok(a) and start <= a.done_at < start + size:
            counts[int((a.done_at - start) // BUCKET_SECONDS)] += 1
    return counts


def steady_after(
    attempts: list[Attempt], load_start: float, fault_start: float, fault_end: float, end: float
) -> float | None:
    """Seconds from the fault's end to steady reader throughput again; None if never by `end`."""
    before = _buckets(attempts, load_start + RAMP_UP_SECONDS, fault_start)
    if not before:
        return None
    target = STEADY_SHARE * statistics.median(before)
    after = _buckets(attempts, fault_end, end)
    for index in range(len(after) - STEADY_BUCKETS + 1):
        if all(count >= target for count in after[index : index + STEADY_BUCKETS]):
            return index * BUCKET_SECONDS
    return None


def throughput_ratio(
    attempts: list[Attempt],
    load_start: float,
    fault_start: float,
    fault_end: float,
    detection_seconds: float = 0.0,
) -> tuple[float, float, float | None]:
    """Readers' 2xx per second before the fault, during it (from `detection_seconds` after its
    start), and the second over the first."""
    normal = reader_rate(attempts, load_start + RAMP_UP_SECONDS, fault_start)
    faulted = reader_rate(attempts, fault_start + detection_seconds, fault_end)
    return normal, faulted, (faulted / normal if normal else None)


@dataclass(slots=True)
class ServerLog:
    statuses: Counter[int] = field(default_factory=Counter)
    exceptions: Counter[str] = field(default_factory=Counter)
    internal_error_routes: Counter[str] = field(default_factory=Counter)
    other_lines: list[str] = field(default_factory=list)
    request_ids: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {
            "500": self.statuses.get(500, 0),
            "5xx_by_status": {
                str(status): count
                for status, count in sorted(self.statuses.items())
                if status >= 500
            },
            "500_by_route": dict(self.internal_error_routes.most_common()),
            "exceptions": dict(self.exceptions.most_common()),
            "server_lines": self.other_lines,
        }


def read_server_log(path: Path, start: int, end: int) -> ServerLog:
    """The server's own account of [start, end) of its log: access-line statuses, the 500s'
    routes, logged exceptions, and a sample of granian's plain-text lines."""
    found = ServerLog()
    if not path.exists():
        return found
    with path.open("rb") as log:
        log.seek(start)
        chunk = log.read(max(0, end - start))
    for raw in chunk.splitlines():
        try:
            line = orjson.loads(raw)
        except orjson.JSONDecodeError:
            text = raw.decode(errors="replace").strip()
            if text and len(found.other_lines) < LOG_SAMPLE_LINES:
                found.other_lines.append(text[:200])
            continue
        if not isinstance(line, dict):
            continue
        if line.get("message") == "request" and isinstance(line.get("status"), int):
            found.statuses[line["status"]] += 1
            if isinstance(line.get("request_id"), str):
                found.request_ids.add(line["request_id"])
            if line["status"] == 500:
                found.internal_error_routes[f"{line.get('method')} {line.get('route')}"] += 1
        if line.get("exception"):
            found.exceptions[str(line["exception"])] += 1
    return found
