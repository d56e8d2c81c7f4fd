"""The drills: each one runs the load, injects one fault, lets the load carry on, drains it, and
reconciles the ledger with the database.

Every drill goes through the same phases on its own clock: accounts are set up, the load runs
`warmup` seconds, the fault is injected and held (`fault_start` .. `fault_end`), the load runs on
`after` seconds (and the probes observe `observe` seconds), then no new work starts and the work
in flight finishes or reaches its retry deadline.
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from alloy_api.settings import Settings
from loadtests.drills import analysis
from loadtests.drills.client import (
    REQUEST_TIMEOUT_SECONDS,
    Account,
    Api,
    login,
    register,
    request_id_of,
)
from loadtests.drills.client import create_custom_movement as create_movement
from loadtests.drills.ledger import LOAD_ACTORS, Actor, Intent, Ledger, Outcome
from loadtests.drills.load import LARGE_PROGRAM, Programs, Reader, Trainee
from loadtests.drills.probes import Probes
from loadtests.drills.reconcile import reconcile
from loadtests.drills.server import AlloyServer
from loadtests.drills.services import PrivatePostgres, PrivateRedis

REVOCATION_BOUND_SECONDS = 5.0
CONNECT_FAILURES = frozenset({"ConnectError", "ConnectTimeout", "PoolTimeout"})
THROUGHPUT_FLOOR = 0.5
DETECTION_SECONDS = Settings.model_fields["redis_timeout_seconds"].default
"""The server's Redis timeout (the drills leave it at its default)."""
RESENDS = 6
AROUND_FAULT_SECONDS = 2.0
"""Resends prefer creations acknowledged from this long before the fault to its end."""
RESEND_DELAY_SECONDS = 1.0
BURST = 6
IN_FLIGHT_WAIT_SECONDS = 10.0
IN_FLIGHT_GENERATIONS = 2
GENERATION_HEAD_START_SECONDS = 0.05
READINESS_POLL_SECONDS = 0.5
REDIS_BACK_TIMEOUT_SECONDS = 30.0
DRAIN_MARGIN_SECONDS = REQUEST_TIMEOUT_SECONDS + 5.0
REHEARSAL_DELAY_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Timing:
    warmup: float
    fault: float
    after: float
    observe: float
    retry_deadline: float
    probe_grace: float
    """How much longer a Redis fault is held, at most, while a probe's change is unacknowledged."""
    trainees: int
    readers: int


SHORT = Timing(
    warmup=5, fault=5, after=8, observe=8, retry_deadline=30, probe_grace=10, trainees=4, readers=4
)
LONG = Timing(
    warmup=20, fault=20, after=60, observe=60, retry_deadline=120, probe_grace=20, trainees=6,
    readers=6,
)  # fmt: skip


@dataclass(slots=True)
class Services:
    postgres: PrivatePostgres
    redis: PrivateRedis
    server: AlloyServer
    database_url: str
    environment: dict[str, str]


@dataclass(slots=True)
class Criterion:
    name: str
    passed: bool
    measured: str


@dataclass(slots=True)
class DrillResult:
    name: str
    summary: str
    numbers: dict[str, Any]
    criteria: list[Criterion]
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(criterion.passed for criterion in self.criteria)

    def as_dict(self) -> dict[str, Any]:
        return {
            "drill": self.name,
            "summary": self.summary,
            "passed": self.passed,
            "criteria": [
                {"name": c.name, "passed": c.passed, "measured": c.measured} for c in self.criteria
            ],
            "notes": self.notes,
            **self.numbers,
        }


Inject = Callable[["DrillRun"], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Drill:
    name: str
    summary: str
    inject: Inject
    probes: bool = False
    throughput: bool = False
    stops_server: bool = False
    """The fault stops the server, or may: its exit is judged by the drill's own criterion."""


class DrillRun:
    def __init__(self, drill: Drill, services: Services, timing: Timing, run_tag: str) -> None:
        self.drill = drill
        self.services = services
        self.timing = timing
        self.ledger = Ledger(drill.name, run_tag)
        self.api = Api(services.server.base_url, self.ledger)
        self.programs = Programs(self.api, timing.retry_deadline)
        self.probes = Probes(self.api, services.environment) if drill.probes else None
        self.trainees: list[Trainee] = []
        self.readers: list[Reader] = []
        self.stop = asyncio.Event()
        self.tasks: list[asyncio.Task] = []
        self.facts: dict[str, Any] = {}
        self.readiness: list[tuple[float, int | None]] = []
        self.log_start = services.server.log_size()

    # setting up

    async def _account(self, label: str) -> Account:
        account = Account.fresh(label)
        if not (await register(self.api, account, Actor.SETUP)) or not (
            await login(self.api, account, Actor.SETUP)
        ):
            raise RuntimeError(f"{label} account could not sign in before the fault")
        return account

    async def set_up(self) -> None:
        for _ in range(self.timing.trainees):
            account = await self._account("trainee")
            if not await create_movement(self.api, account, Actor.SETUP):
                raise RuntimeError("a trainee's custom movement could not be created")
            self.trainees.append(Trainee(self.api, self.programs, account))
        first = self.trainees[0].account if self.trainees else await self._account("lister")
        page = await self.api.call(
            "GET", "/v1/movements?limit=100", "GET /v1/movements", Actor.SETUP,
            token=first.access_token,
        )  # fmt: skip
        movement_ids = [item["id"] for item in page.data["items"]] if page and page.ok else []
        for _ in range(self.timing.readers):
            account = await self._account("reader")
            intent = await self.programs.create(account, Actor.SETUP)
            if intent.outcome is not Outcome.ACKNOWLEDGED or not movement_ids:
                raise RuntimeError("a reader's program could not be created before the fault")
            account.program_id = intent.program_id
            self.readers.append(Reader(self.api, account, movement_ids))
        if self.probes is not None:
            await self.probes.prepare()

    # running

    def spawn(self, work: Awaitable[Any]) -> asyncio.Task:
        task = asyncio.ensure_future(work)
        self.tasks.append(task)
        return task

    async def run(self) -> DrillResult:
        try:
            await self.set_up()
            self.ledger.mark("load_start")
            for worker in (*self.trainees, *self.readers):
                self.spawn(worker.run(self.stop))
            self.spawn(self._poll_readiness())
            if self.probes is not None:
                self.probes.observe_until = math.inf
                self.spawn(self.probes.observe())
                if self.drill.throughput:
                    self.spawn(self._rehearse_probes())
            await asyncio.sleep(self.timing.warmup)
            await self.drill.inject(self)
            resumed = self.ledger.mark("resumed")
            self.spawn(self._resend_acknowledged())
            observe_end = resumed + self.timing.observe
            if self.probes is not None:
                self.probes.observe_until = observe_end
            load_end = max(resumed + self.timing.after, observe_end if self.probes else 0)
            await asyncio.sleep(max(0.0, load_end - self.ledger.now()))
            self.ledger.mark("load_end")
            await self._drain()
        finally:
            self.stop.set()
            for task in self.tasks:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            if self.probes is not None:
                await self.probes.close()
            await self.api.close()
        return await self._result()

    async def _drain(self) -> None:
        self.stop.set()
        drain_timeout = self.timing.retry_deadline + DRAIN_MARGIN_SECONDS
        _, pending = await asyncio.wait(self.tasks, timeout=drain_timeout)
        self.facts["tasks_cut_at_drain"] = len(pending)
        self.ledger.mark("drained")

    async def _poll_readiness(self) -> None:
        """`/health/ready` every half second, kept apart from the load's counts; and when the
        server process is first found gone."""
        server = self.services.server
        async with httpx.AsyncClient(base_url=server.base_url, timeout=5) as client:
            while not self.stop.is_set():
                sent_at = self.ledger.now()
                if not server.running() and "server_gone_at" not in self.facts:
                    self.facts["server_gone_at"] = sent_at
                    self.facts["server_exit_code"] = server.exit_code()
                try:
                    status: int | None = (await client.get("/health/ready")).status_code
                except httpx.HTTPError:
                    status = None
                self.readiness.append((sent_at, status))
                await asyncio.sleep(READINESS_POLL_SECONDS)

    async def _rehearse_probes(self) -> None:
        """The probes' work once before the fault too, so the throughput windows differ only in
        the fault."""
        await asyncio.sleep(REHEARSAL_DELAY_SECONDS)
        await self.probes.rehearse()

    async def hold_fault(self) -> None:
        """Keep the fault for `fault` seconds; with probes, make their changes meanwhile and
        hold on (at most `probe_grace` seconds more) until each is acknowledged."""
        until = self.ledger.now() + self.timing.fault
        if self.probes is None:
            await asyncio.sleep(self.timing.fault)
            return
        await self.probes.change_all(until=until + self.timing.probe_grace, hold_until=until)
        self.facts["probe_changes_done_at"] = self.ledger.now()

    async def _resend_acknowledged(self) -> None:
        """After the fault, some creations acknowledged before its end are sent again with the
        same key and body, as clients that lost the first answer would."""
        await asyncio.sleep(RESEND_DELAY_SECONDS)
        marks = self.ledger.marks
        chosen = _resend_choice(
            self.ledger.acknowledged(), marks["fault_start"], marks["fault_end"]
        )
        accounts = {t.account.email: t.account for t in self.trainees}
        accounts.update({r.account.email: r.account for r in self.readers})
        self.facts["resent"] = [intent.ledger_id for intent in chosen]
        await asyncio.gather(
            *(self.programs.resend(accounts[intent.owner], intent) for intent in chosen)
        )

    # results

    async def _result(self) -> DrillResult:
        for intent in self.ledger.intents.values():
            if intent.outcome is Outcome.PENDING:
                intent.outcome = Outcome.UNRESOLVED
        reconciled = await reconcile(
            self.services.database_url,
            list(self.ledger.intents.values()),
            self.ledger.edits,
            self.ledger.name_prefix,
        )
        server_log = analysis.read_server_log(
            self.services.server.log_path, self.log_start, self.services.server.log_size()
        )
        return judge(self, reconciled, server_log)


def _resend_choice(
    acknowledged: list[Intent], fault_start: float, fault_end: float
) -> list[Intent]:
    before_end = [
        i for i in acknowledged if i.acknowledged_at is not None and i.acknowledged_at < fault_end
    ]
    around = [i for i in before_end if i.acknowledged_at >= fault_start - AROUND_FAULT_SECONDS]
    earlier = [i for i in before_end if i.acknowledged_at < fault_start - AROUND_FAULT_SECONDS]
    chosen = around[-RESENDS:]
    chosen += earlier[-(RESENDS - len(chosen)) :] if len(chosen) < RESENDS else []
    return chosen


# the faults


async def redis_killed(run: DrillRun) -> None:
    redis = run.services.redis
    run.ledger.mark("fault_start")
    await asyncio.to_thread(redis.kill)
    await run.hold_fault()
    await asyncio.to_thread(redis.start)
    run.ledger.mark("fault_end")


async def redis_frozen(run: DrillRun) -> None:
    redis = run.services.redis
    run.ledger.mark("fault_start")
    redis.freeze()
    try:
        await run.hold_fault()
    finally:
        redis.thaw()
    await _until_redis_answers(redis)
    run.ledger.mark("fault_end")


async def redis_restarted(run: DrillRun) -> None:
    run.ledger.mark("fault_start")
    await asyncio.to_thread(run.services.redis.restart_empty)
    run.ledger.mark("fault_end")


async def postgres_restarted(run: DrillRun) -> None:
    run.ledger.mark("fault_start")
    await asyncio.to_thread(run.services.postgres.restart)
    run.ledger.mark("fault_end")


async def postgres_stopped(run: DrillRun) -> None:
    postgres = run.services.postgres
    run.ledger.mark("fault_start")
    await asyncio.to_thread(postgres.stop, "fast")
    await asyncio.sleep(run.timing.fault)
    await asyncio.to_thread(postgres.start)
    run.ledger.mark("fault_end")


async def worker_killed(run: DrillRun) -> None:
    """A burst of the largest programs, then SIGKILL of one worker while they generate. The
    server then has `fault` seconds to show it still serves; if it does not, the harness starts
    it again so that the load can carry on."""
    server = run.services.server
    accounts = [t.account for t in run.trainees] or [r.account for r in run.readers]
    for index in range(BURST):
        account = accounts[index % len(accounts)]
        intent = run.programs.new_intent(account, LARGE_PROGRAM)
        run.spawn(run.programs.create(account, Actor.TRAINEE, intent))
    in_flight = await _generations_in_flight(run.ledger)
    await asyncio.sleep(GENERATION_HEAD_START_SECONDS)
    run.facts["generations_in_flight_at_kill"] = in_flight
    run.facts["workers_before"] = server.worker_pids()
    run.ledger.mark("fault_start")
    run.facts["killed_worker"] = server.kill_worker()
    kill_at = run.ledger.mark("fault_end")
    await asyncio.sleep(run.timing.fault)
    run.facts["main_process_alive"] = server.running()
    run.facts["live_at_watch_end"] = await asyncio.to_thread(server.live)
    run.facts["load_served_late_in_watch"] = _served_between(
        run.ledger, kill_at + run.timing.fault / 2, kill_at + run.timing.fault
    )
    run.facts["workers_after"] = server.worker_pids()
    if not _still_serving(run.facts):
        run.facts["server_exit_code"] = server.exit_code()
        await asyncio.to_thread(server.stop)
        await asyncio.to_thread(server.start)
        run.ledger.mark("restarted_by_harness")


def _still_serving(facts: dict[str, Any]) -> bool:
    return bool(
        facts.get("main_process_alive")
        and facts.get("live_at_watch_end")
        and facts.get("load_served_late_in_watch")
    )


async def sigterm(run: DrillRun) -> None:
    """SIGTERM under load: what was in flight should be answered; then start it again."""
    server = run.services.server
    run.facts["in_flight_at_sigterm"] = sorted(run.ledger.in_flight)
    run.ledger.mark("fault_start")
    exit_code, forced = await asyncio.to_thread(server.terminate)
    run.ledger.mark("server_exited")
    run.facts["exit_code"] = exit_code
    run.facts["had_to_kill"] = forced
    await asyncio.to_thread(server.stop)
    await asyncio.to_thread(server.start)
    run.ledger.mark("fault_end")


async def _until_redis_answers(redis: PrivateRedis) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + REDIS_BACK_TIMEOUT_SECONDS
    while not await asyncio.to_thread(redis.answers):
        if loop.time() > deadline:
            raise RuntimeError("Redis did not answer again after SIGCONT")
        await asyncio.sleep(0.05)


async def _generations_in_flight(ledger: Ledger) -> int:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + IN_FLIGHT_WAIT_SECONDS
    while True:
        count = sum(1 for route in ledger.in_flight.values() if route == "POST /v1/programs")
        if count >= IN_FLIGHT_GENERATIONS or loop.time() > deadline:
            return count
        await asyncio.sleep(0.005)


def _served_between(ledger: Ledger, start: float, end: float) -> bool:
    """Whether the load got a 2xx for a request sent in [start, end)."""
    return any(
        analysis.ok(a) and start <= a.sent_at < end and a.actor in LOAD_ACTORS
        for a in ledger.attempts
    )


DRILLS: dict[str, Drill] = {
    drill.name: drill
    for drill in (
        Drill(
            "redis_killed",
            "redis-server SIGKILLed, down for `fault` seconds, started again empty",
            redis_killed,
            probes=True,
        ),
        Drill(
            "redis_frozen",
            "redis-server SIGSTOPped for `fault` seconds, then SIGCONT",
            redis_frozen,
            probes=True,
            throughput=True,
        ),
        Drill(
            "redis_restarted",
            "redis-server stopped and started again at once, without persistence",
            redis_restarted,
        ),
        Drill(
            "postgres_restarted",
            "pg_ctl restart -m fast",
            postgres_restarted,
        ),
        Drill(
            "postgres_stopped",
            "pg_ctl stop -m fast, down for `fault` seconds, pg_ctl start",
            postgres_stopped,
        ),
        Drill(
            "worker_killed",
            "one granian worker SIGKILLed while program generations are in flight",
            worker_killed,
            stops_server=True,
        ),
        Drill(
            "sigterm",
            "SIGTERM to `alloy serve` under load, then started again",
            sigterm,
            stops_server=True,
        ),
    )
}


# judging


def _format_seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} s"


def judge(run: DrillRun, reconciled: Any, server_log: analysis.ServerLog) -> DrillResult:
    ledger = run.ledger
    marks = ledger.marks
    attempts = ledger.attempts
    responses = analysis.count_responses(attempts)
    fault_start, fault_end = marks["fault_start"], marks["fault_end"]
    end = marks.get("load_end", ledger.now())
    first_success = analysis.first_success_after(attempts, fault_end)
    steady = analysis.steady_after(attempts, marks["load_start"], fault_start, fault_end, end)
    intents = list(ledger.intents.values())
    numbers: dict[str, Any] = {
        "marks": marks,
        "responses": responses.as_dict(),
        "reconciliation": reconciled.as_dict(),
        "intents": {
            outcome.value: sum(1 for i in intents if i.outcome is outcome) for outcome in Outcome
        },
        "attempts_per_intent_max": max((i.attempts for i in intents), default=0),
        "recovery": {"first_success_seconds": first_success, "steady_seconds": steady},
        "server_log": server_log.as_dict(),
        "readiness_after_fault": _readiness_after(run.readiness, fault_end),
        "facts": run.facts,
    }
    criteria = [
        Criterion("acknowledged writes lost", not reconciled.lost, str(len(reconciled.lost))),
        Criterion(
            "acknowledged movement edits lost",
            not reconciled.edits_lost,
            str(len(reconciled.edits_lost)),
        ),
        Criterion(
            "programs per idempotency key > 1",
            not reconciled.duplicated_keys,
            str(len(reconciled.duplicated_keys)),
        ),
        Criterion(
            "half-written programs", not reconciled.half_written, str(len(reconciled.half_written))
        ),
        Criterion("500 answered", responses.internal_errors == 0, str(responses.internal_errors)),
        Criterion(
            "500 in the server log",
            server_log.statuses.get(500, 0) == 0,
            str(server_log.statuses.get(500, 0)),
        ),
        Criterion(
            "responses outside the envelope",
            responses.outside_envelope == 0,
            str(responses.outside_envelope),
        ),
    ]
    if run.probes is not None:
        criteria += _probe_criteria(run, numbers, fault_end)
    if not run.drill.stops_server:
        gone_at = run.facts.get("server_gone_at")
        measured = "yes" if gone_at is None else f"exited at +{gone_at - fault_start:.1f} s"
        criteria.append(Criterion("server process stayed up", gone_at is None, measured))
    if run.drill.throughput:
        criteria.append(_throughput_criterion(attempts, marks, numbers))
    if run.drill.name == "worker_killed":
        criteria.append(_serving_criterion(run.facts, run.timing.fault))
    if run.drill.name == "sigterm":
        criteria.append(_in_flight_criterion(run.facts, attempts, numbers, server_log.request_ids))
    return DrillResult(run.drill.name, run.drill.summary, numbers, criteria, _notes(run, numbers))


def _readiness_after(readiness: list[tuple[float, int | None]], fault_end: float) -> dict[str, int]:
    after = [status for sent_at, status in readiness if sent_at >= fault_end]
    return {"polls": len(after), "not_ready": sum(1 for status in after if status != 200)}


def _probe_criteria(
    run: DrillRun, numbers: dict[str, Any], redis_back_at: float
) -> list[Criterion]:
    probes = run.probes
    observe_until = min(probes.observe_until, run.ledger.marks.get("load_end", run.ledger.now()))
    summaries = [probe.summary(redis_back_at, observe_until) for probe in probes.all()]
    numbers["probes"] = summaries
    criteria = []
    for probe, summary in zip(probes.all(), summaries, strict=True):
        window = summary["window_seconds"]
        if window is None:
            answers = Counter(probe.change_answers)
            listed = ", ".join(f"{answer} x{n}" for answer, n in answers.most_common()) or "none"
            measured = f"change never acknowledged during the fault (answers: {listed})"
            criteria.append(Criterion(f"{probe.kind}: old state refused", False, measured))
            continue
        bound_text = f"{'> ' if summary['still_open_at_end'] else ''}{window:.1f} s"
        name = (
            f"{probe.kind}: stale version served ≤ {REVOCATION_BOUND_SECONDS:.0f} s"
            if probe.kind == "movement edit"
            else f"{probe.kind}: old token refused ≤ {REVOCATION_BOUND_SECONDS:.0f} s"
        )
        passed = window <= REVOCATION_BOUND_SECONDS and not summary["still_open_at_end"]
        criteria.append(Criterion(name, passed, bound_text))
    return criteria


def _throughput_criterion(attempts: list, marks: dict[str, float], numbers: dict) -> Criterion:
    """Readers' rate while Redis is frozen against the warm-up's, from one Redis timeout after the
    freeze: until then no request can know Redis froze (the breaker opens on the timeouts the
    requests in flight meet), and a 5 s short-form fault would spend a fifth of itself there.
    The rate over the whole freeze is reported beside it."""
    window = (attempts, marks["load_start"], marks["fault_start"], marks["fault_end"])
    normal, faulted, ratio = analysis.throughput_ratio(*window, DETECTION_SECONDS)
    _, whole, whole_ratio = analysis.throughput_ratio(*window)
    numbers["throughput"] = {
        "normal_rps": normal,
        "faulted_rps": faulted,
        "ratio": ratio,
        "whole_fault_rps": whole,
        "whole_fault_ratio": whole_ratio,
    }
    measured = f"{faulted:.1f} vs {normal:.1f} req/s" + (
        f" ({ratio:.0%})" if ratio is not None else ""
    )
    if whole_ratio is not None:
        measured += f"; {whole_ratio:.0%} over the whole freeze"
    passed = ratio is not None and ratio >= THROUGHPUT_FLOOR
    return Criterion(
        f"reads with Redis frozen ≥ {THROUGHPUT_FLOOR:.0%} of normal once a Redis timeout has "
        "passed",
        passed,
        measured,
    )


def _serving_criterion(facts: dict[str, Any], watch_seconds: float) -> Criterion:
    measured = (
        f"{watch_seconds:.0f} s after the kill: main process "
        f"{'alive' if facts.get('main_process_alive') else 'gone'}, /health/live "
        f"{'200' if facts.get('live_at_watch_end') else 'not answering'}, load "
        f"{'served' if facts.get('load_served_late_in_watch') else 'not served'}; workers "
        f"{len(facts.get('workers_before', []))} -> {len(facts.get('workers_after', []))}"
    )
    return Criterion(
        "server still serving after a worker is killed", _still_serving(facts), measured
    )


def _in_flight_criterion(
    facts: dict[str, Any], attempts: list, numbers: dict, handled_ids: set[str]
) -> Criterion:
    """Requests sent before the SIGTERM must be answered, except those the server never had:
    still connecting when the listener closed, or written to a kept-alive connection that the
    server closed as idle before reading them (the race RFC 9112 section 9.3.1 describes; the
    server wrote no access line for them). A request the app handled and whose answer did not
    arrive is cut; so is one the drain had to kill."""
    watched = set(facts.get("in_flight_at_sigterm", []))
    ended = [a for a in attempts if a.number in watched]
    unanswered = [a for a in ended if a.status is None]
    unconnected = [a for a in unanswered if a.error in CONNECT_FAILURES]
    unread = [
        a
        for a in unanswered
        if a.error not in CONNECT_FAILURES
        and request_id_of(a.number) not in handled_ids
        and not facts.get("had_to_kill")
    ]
    cut = [a for a in unanswered if a not in unconnected and a not in unread]
    numbers["in_flight_at_sigterm"] = {
        "requests": len(watched),
        "answered": sum(1 for a in ended if a.status is not None),
        "not_connected": len(unconnected),
        "closed_unread": len(unread),
        "cut": len(cut),
        "cut_by_error": dict(Counter(a.error for a in cut)),
    }
    measured = f"{len(cut)} of {len(watched)} cut"
    if unconnected:
        measured += f", {len(unconnected)} never connected"
    if unread:
        measured += f", {len(unread)} closed unread"
    return Criterion("requests in flight at SIGTERM answered", not cut, measured)


def _notes(run: DrillRun, numbers: dict[str, Any]) -> list[str]:
    notes = []
    responses = numbers["responses"]
    if responses["no_response_by_error"]:
        errors = ", ".join(f"{name} x{n}" for name, n in responses["no_response_by_error"].items())
        notes.append(f"requests without a response: {errors}")
    intents = numbers["intents"]
    if intents.get("unresolved") or intents.get("refused"):
        notes.append(
            f"program creations unresolved at their deadline: {intents.get('unresolved', 0)}, "
            f"refused: {intents.get('refused', 0)}"
        )
    if exceptions := numbers["server_log"]["exceptions"]:
        listed = ", ".join(f"{name} x{n}" for name, n in exceptions.items())
        notes.append(f"exceptions in the server log: {listed}")
    if routes := numbers["server_log"]["500_by_route"]:
        listed = ", ".join(f"{route} x{n}" for route, n in routes.items())
        notes.append(f"500s in the server log by route: {listed}")
    readiness = numbers["readiness_after_fault"]
    if readiness["not_ready"]:
        notes.append(
            f"/health/ready not 200 after the fault ended: {readiness['not_ready']} of "
            f"{readiness['polls']} polls"
        )
    for summary in numbers.get("probes", []):
        if summary["accepted_during_fault_after_change"]:
            notes.append(
                f"{summary['kind']}: old state still accepted "
                f"{summary['accepted_during_fault_after_change']} times during the fault "
                "after the change"
            )
    if "restarted_by_harness" in run.ledger.marks:
        notes.append("the server had exited; the harness started it again to carry on")
    if run.facts.get("tasks_cut_at_drain"):
        notes.append(f"{run.facts['tasks_cut_at_drain']} tasks still running at the drain's end")
    return notes


def selected(names: list[str] | None) -> list[Drill]:
    if not names:
        return list(DRILLS.values())
    return [DRILLS[name] for name in names]
