"""The drills' arithmetic: counts by status and code, recovery times, throughput windows, the
revocation window, the choice of resends, program reconciliation and the table's cells."""

import orjson

from loadtests.drills import analysis, report
from loadtests.drills.client import request_id_of
from loadtests.drills.drills import (
    Criterion,
    DrillResult,
    _in_flight_criterion,
    _resend_choice,
    _still_serving,
    _throughput_criterion,
)
from loadtests.drills.ledger import Actor, Attempt, Edit, Intent, Outcome
from loadtests.drills.probes import Observation, Probe
from loadtests.drills.reconcile import (
    Reconciliation,
    StoredProgram,
    reconcile_edits,
    reconcile_programs,
)

PREFIX = "drill t redis_killed "


def attempt(
    done_at: float,
    status: int | None = 200,
    actor: Actor = Actor.READER,
    error: str | None = None,
    enveloped: bool | None = True,
) -> Attempt:
    return Attempt(0, done_at - 0.01, done_at, actor, "GET /v1/movements", status, error, enveloped)


def test_responses_are_counted_by_status_code_and_envelope() -> None:
    counts = analysis.count_responses([
        attempt(1.0),
        attempt(1.1, 500, error="SYS_INTERNAL"),
        attempt(1.2, 503, error="SYS_DATABASE_UNAVAILABLE"),
        attempt(1.3, 502, enveloped=False),
        attempt(1.4, None, error="ConnectError", enveloped=None),
        attempt(1.5, 204, enveloped=None),
    ])  # fmt: skip
    assert counts.requests == 6
    assert counts.successes == 2
    assert counts.internal_errors == 1
    assert counts.outside_envelope == 1
    assert dict(counts.server_errors) == {
        "500 SYS_INTERNAL": 1,
        "503 SYS_DATABASE_UNAVAILABLE": 1,
        "502 no envelope": 1,
    }
    assert dict(counts.no_response) == {"ConnectError": 1}
    assert counts.by_status["no response"] == 1


def test_first_success_counts_only_the_load_after_the_fault() -> None:
    attempts = [
        attempt(9.0),
        attempt(10.5, 503),
        attempt(10.7, actor=Actor.PROBE),
        attempt(11.25, actor=Actor.TRAINEE),
    ]
    assert analysis.first_success_after(attempts, 10.0) == 1.25
    assert analysis.first_success_after(attempts[:3], 10.0) is None


def test_steady_throughput_needs_two_buckets_near_the_rate_before_the_fault() -> None:
    before = [attempt(1.0 + i / 10) for i in range(40)]  # 10 per second from 1 s to 5 s
    slow = [attempt(10.0 + i / 2) for i in range(4)]  # 2 per second for 2 s after the fault
    dip = [attempt(12.0 + i / 10) for i in range(10)] + [attempt(13.0 + i / 2) for i in range(2)]
    recovered = [attempt(14.0 + i / 10) for i in range(30)]
    attempts = before + slow + dip + recovered
    assert analysis.steady_after(attempts, 0.0, 5.0, 10.0, 17.0) == 4.0
    assert analysis.steady_after(before + slow, 0.0, 5.0, 10.0, 17.0) is None


def test_throughput_ratio_compares_the_fault_window_with_the_time_before() -> None:
    before = [attempt(1.0 + i / 10) for i in range(40)]
    during = [attempt(5.0 + i) for i in range(5)]
    normal, faulted, ratio = analysis.throughput_ratio(before + during, 0.0, 5.0, 10.0)
    assert (normal, faulted) == (10.0, 1.0)
    assert ratio == 0.1


def test_the_throughput_criterion_leaves_out_the_first_redis_timeout_of_the_freeze() -> None:
    before = [attempt(1.0 + i / 10) for i in range(40)]  # 10 per second
    stalled = [attempt(6.0)]  # the first second: requests wait out the Redis timeout
    served = [attempt(6.0 + i / 6) for i in range(1, 24)]  # 6 per second once the breaker is open
    marks = {"load_start": 0.0, "fault_start": 5.0, "fault_end": 10.0}
    numbers: dict = {}
    criterion = _throughput_criterion(before + stalled + served, marks, numbers)
    assert criterion.passed
    assert numbers["throughput"]["ratio"] == 0.6
    assert numbers["throughput"]["whole_fault_ratio"] < 0.5
    assert "over the whole freeze" in criterion.measured


def test_the_revocation_window_starts_when_redis_answers_or_the_change_lands() -> None:
    probe = Probe("password change", changed_at=4.0)
    probe.observations = [Observation(t, accepted=t < 12.5) for t in (5, 8, 10.5, 11, 12, 13, 14)]
    assert probe.window(redis_back_at=10.0, observe_until=20.0) == 2.0
    assert probe.accepted_during_fault(redis_back_at=10.0) == 2
    late = Probe("role change", changed_at=11.0)
    late.observations = [Observation(11.5, True), Observation(12.0, False)]
    assert late.window(redis_back_at=10.0, observe_until=20.0) == 0.5


def test_a_window_still_open_at_the_end_reaches_the_end() -> None:
    probe = Probe("role change", changed_at=4.0)
    probe.observations = [Observation(t, accepted=True) for t in (11, 12, 13)]
    assert probe.window(redis_back_at=10.0, observe_until=18.0) == 8.0
    assert probe.still_open()
    assert Probe("movement edit").window(10.0, 18.0) is None


def test_an_old_token_is_refused_only_once_every_read_refuses_it() -> None:
    probe = Probe("role change", changed_at=4.0)
    probe.observations = [
        Observation(10.5, True, "GET /v1/movements"),
        Observation(10.75, False, "GET /v1/users/me"),
        Observation(11.0, True, "GET /v1/movements"),
        Observation(11.25, False, "GET /v1/users/me"),
    ]
    assert probe.still_open()
    assert probe.window(redis_back_at=10.0, observe_until=18.0) == 8.0
    probe.observations.append(Observation(11.5, False, "GET /v1/movements"))
    assert not probe.still_open()
    assert probe.window(redis_back_at=10.0, observe_until=18.0) == 1.0


def intent(number: int, program_id: str | None, acknowledged_at: float | None = None) -> Intent:
    ledger_id = f"redis_killed-{number:05d}"
    return Intent(
        ledger_id=ledger_id,
        key=f"k{number}",
        name=f"{PREFIX}{ledger_id}",
        owner="a@example.com",
        body=b"{}",
        started_at=0.0,
        outcome=Outcome.ACKNOWLEDGED if program_id else Outcome.UNRESOLVED,
        program_id=program_id,
        acknowledged_at=acknowledged_at,
    )


def stored(program_id: str, number: int, **changes: int) -> StoredProgram:
    values = {
        "id": program_id,
        "name": f"{PREFIX}redis_killed-{number:05d}",
        "duration_weeks": 8,
        "days_per_week": 3,
        "session_count": 24,
        "microcycles": 8,
        "weeks_numbered": 8,
        "uneven_microcycles": 0,
        "sessions": 24,
        "empty_sessions": 0,
        **changes,
    }
    return StoredProgram(**values)


def test_reconciliation_finds_lost_duplicated_and_half_written_programs() -> None:
    intents = [intent(1, "p1"), intent(2, "p2"), intent(3, "p3"), intent(4, None)]
    programs = [
        stored("p1", 1),
        stored("p3", 3),
        stored("p3-again", 3),
        stored("p4", 4, empty_sessions=1),
        stored("p5", 5, microcycles=7, weeks_numbered=7),
    ]
    result = reconcile_programs(intents, programs, PREFIX)
    assert (result.acknowledged, result.found) == (3, 2)
    assert result.lost == ["redis_killed-00002"]
    assert result.duplicated_keys == ["redis_killed-00003"]
    assert result.extra_programs == 1
    assert result.half_written == ["p4", "p5"]
    assert result.stored_unacknowledged == 2


def test_a_program_is_complete_only_with_every_week_session_and_exercise() -> None:
    assert stored("p", 1).complete()
    assert not stored("p", 1, uneven_microcycles=1).complete()
    assert not stored("p", 1, sessions=23).complete()
    assert not stored("p", 1, weeks_numbered=7).complete()
    assert not stored("p", 1, session_count=23, sessions=23).complete()


def test_an_acknowledged_edit_is_lost_when_the_stored_version_is_older() -> None:
    result = Reconciliation()
    edits = [
        Edit("m1", 1, 0.0, True),
        Edit("m1", 2, 1.0, True),
        Edit("m2", 1, 0.0, True),
        Edit("m2", 2, 1.0, False),
        Edit("m3", 1, 0.0, True),
    ]
    reconcile_edits(result, edits, {"m1": "v1", "m2": "v2", "m3": "edited"})
    assert result.edits_acknowledged == 4
    assert result.edits_lost == ["m1", "m3"]


def test_resends_prefer_creations_acknowledged_around_the_fault() -> None:
    acknowledged = [intent(n, f"p{n}", acknowledged_at=float(n)) for n in range(1, 13)]
    chosen = _resend_choice(acknowledged, fault_start=8.0, fault_end=10.5)
    numbers = sorted(int(i.ledger_id[-5:]) for i in chosen)
    assert numbers == [5, 6, 7, 8, 9, 10]
    assert all(i.acknowledged_at < 10.5 for i in chosen)


def test_the_server_log_gives_its_500s_and_exceptions(tmp_path) -> None:
    lines = [
        {
            "message": "request",
            "status": 200,
            "method": "GET",
            "route": "/health/ready",
            "request_id": "drill-7",
        },
        {"message": "unhandled", "level": "ERROR", "exception": "InterfaceError"},
        {"message": "request", "status": 500, "method": "POST", "route": "/v1/auth/login"},
    ]
    log = tmp_path / "server.log"
    log.write_bytes(
        b"[INFO] Started worker-1\n" + b"".join(orjson.dumps(line) + b"\n" for line in lines)
    )
    found = analysis.read_server_log(log, 0, log.stat().st_size)
    assert found.statuses[500] == 1
    assert dict(found.internal_error_routes) == {"POST /v1/auth/login": 1}
    assert dict(found.exceptions) == {"InterfaceError": 1}
    assert found.other_lines == ["[INFO] Started worker-1"]
    assert found.request_ids == {"drill-7"}
    later = analysis.read_server_log(log, log.stat().st_size, log.stat().st_size)
    assert later.statuses[500] == 0


def test_a_missed_criterion_fails_the_row_and_says_what_was_measured() -> None:
    numbers = {
        "responses": {"requests": 10, "2xx": 7, "5xx_by_code": {"500 SYS_INTERNAL": 3}},
        "reconciliation": {"acknowledged": 2, "found": 2, "duplicates": 1, "half_written": 0},
        "recovery": {"first_success_seconds": 0.25, "steady_seconds": None},
        "probes": [
            {"kind": "password change", "window_seconds": None, "still_open_at_end": False},
            {"kind": "role change", "window_seconds": 8.0, "still_open_at_end": True},
        ],
    }
    criteria = [Criterion("500 answered", False, "3"), Criterion("half-written", True, "0")]
    cells = report.row(DrillResult("redis_killed", "", numbers, criteria))
    assert cells[3] == "500 SYS_INTERNAL x3"
    assert cells[8] == "password not changed, role > 8.0 s"
    assert cells[9] == "first 2xx 0.2 s, steady never"
    assert cells[10] == "**FAIL**: 500 answered (3)"
    passing = DrillResult("sigterm", "", numbers, [Criterion("half-written", True, "0")])
    assert report.row(passing)[10] == "pass"


def test_a_request_the_app_handled_but_sigterm_cut_fails_one_never_read_does_not() -> None:
    answered = Attempt(1, 0.0, 0.5, Actor.READER, "GET /v1/movements", 200, None, True)
    connecting = Attempt(2, 0.0, 0.2, Actor.READER, "GET /v1/movements", None, "ConnectError", None)
    cut = Attempt(
        3, 0.0, 0.3, Actor.TRAINEE, "POST /v1/programs", None, "RemoteProtocolError", None
    )
    later = Attempt(4, 1.0, 1.1, Actor.READER, "GET /v1/movements", None, "ReadError", None)
    numbers: dict = {}
    handled = {request_id_of(1), request_id_of(3)}
    passing = _in_flight_criterion(
        {"in_flight_at_sigterm": [1, 2]}, [answered, connecting, cut, later], numbers, handled
    )
    assert passing.passed
    assert passing.measured == "0 of 2 cut, 1 never connected"
    failing = _in_flight_criterion(
        {"in_flight_at_sigterm": [1, 2, 3]}, [answered, connecting, cut], numbers, handled
    )
    assert not failing.passed
    assert numbers["in_flight_at_sigterm"]["cut_by_error"] == {"RemoteProtocolError": 1}
    unread = _in_flight_criterion(
        {"in_flight_at_sigterm": [1, 3]}, [answered, cut], numbers, {request_id_of(1)}
    )
    assert unread.passed
    assert unread.measured == "0 of 2 cut, 1 closed unread"
    killed = _in_flight_criterion(
        {"in_flight_at_sigterm": [1, 3], "had_to_kill": True},
        [answered, cut],
        numbers,
        {request_id_of(1)},
    )
    assert not killed.passed, "a request the drain killed is cut, logged or not"


def test_a_server_serves_after_a_kill_only_if_alive_live_and_answering_the_load() -> None:
    serving = {
        "main_process_alive": True,
        "live_at_watch_end": True,
        "load_served_late_in_watch": True,
    }
    assert _still_serving(serving)
    for fact in serving:
        assert not _still_serving({**serving, fact: False})
