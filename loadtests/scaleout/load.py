"""The mixed journey of the fault drills (trainees creating programs with an Idempotency-Key,
editing and reading; readers looping over reads) sent through HAProxy, bounded in seconds and in
requests. Trainees sign in once: the per-address auth budget stays for the rate-limit check."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import psutil

from loadtests.drills.client import Account, Api, create_custom_movement, login, register
from loadtests.drills.ledger import LOAD_ACTORS, Actor, Attempt, Ledger, Outcome
from loadtests.drills.load import Programs, Reader, Trainee

RETRY_DEADLINE_SECONDS = 20.0
CAP_POLL_SECONDS = 0.1
DRAIN_SECONDS = 25.0
LIBRARY_PAGE = "/v1/movements?limit=100"
LOAD_GENERATOR_CPU = "load generator CPU"


def failed(attempt: Attempt) -> bool:
    """No response, or a server-side error (HAProxy's 502/503 included)."""
    return attempt.status is None or attempt.status >= 500


@dataclass(frozen=True, slots=True)
class Shape:
    trainees: int
    readers: int


@dataclass(slots=True)
class LoadResult:
    started: float
    seconds: float
    attempts: list[Attempt]
    unresolved: int
    """Program creations that got no definite answer before their retry deadline."""
    used: dict[str, float]
    """What each meter counted from the start to the end of the load (its drain aside)."""

    @property
    def answered(self) -> int:
        """Requests answered between the start and the end of the load."""
        end = self.started + self.seconds
        return sum(1 for a in self.attempts if a.status is not None and a.done_at <= end)

    @property
    def failures(self) -> list[Attempt]:
        return [attempt for attempt in self.attempts if failed(attempt)]


class Accounts:
    """Signed-in accounts for the load, made once and reused by every phase."""

    def __init__(self) -> None:
        self.trainees: list[Account] = []
        self.readers: list[Account] = []
        self.movement_ids: list[str] = []

    async def prepare(self, base_url: str, shape: Shape) -> None:
        ledger = Ledger("setup", "scaleout")
        api = Api(base_url, ledger)
        programs = Programs(api, RETRY_DEADLINE_SECONDS)
        try:
            for _ in range(shape.trainees):
                account = await _signed_in(api, "trainee")
                if not await create_custom_movement(api, account, Actor.SETUP):
                    raise RuntimeError("a trainee's custom movement could not be created")
                self.trainees.append(account)
            for _ in range(shape.readers):
                account = await _signed_in(api, "reader")
                intent = await programs.create(account, Actor.SETUP)
                if intent.outcome is not Outcome.ACKNOWLEDGED:
                    raise RuntimeError("a reader's program could not be created")
                account.program_id = intent.program_id
                self.readers.append(account)
            first = (self.trainees or self.readers)[0]
            page = await api.call(
                "GET", LIBRARY_PAGE, "GET /v1/movements", Actor.SETUP, token=first.access_token
            )
            if page is None or not page.ok:
                raise RuntimeError("the movement library could not be read")
            self.movement_ids = [item["id"] for item in page.data["items"]]
        finally:
            await api.close()


async def _signed_in(api: Api, label: str) -> Account:
    account = Account.fresh(label)
    if not await register(api, account, Actor.SETUP) or not await login(api, account, Actor.SETUP):
        raise RuntimeError(f"a {label} account could not sign in")
    return account


def _signing_in_once(trainee: Trainee) -> Trainee:
    trainee.actions = [
        (action, weight)
        for action, weight in trainee.actions
        if action not in (trainee.log_in, trainee.refresh)
    ]
    return trainee


Event = Callable[[Ledger], Awaitable[None]]


async def run_load(
    base_url: str,
    accounts: Accounts,
    seconds: float,
    max_requests: int,
    during: Event | None = None,
    tail_seconds: float = 0.0,
    meters: dict[str, Callable[[], float]] | None = None,
) -> LoadResult:
    """Send the load for `seconds`, or until `max_requests` were sent. With `during` (given the
    ledger, to fault the hosts and note when), the load ends `tail_seconds` after it does. Each
    meter (CPU seconds, say) is read when the load starts and when it ends; the load generator's
    own CPU is `LOAD_GENERATOR_CPU`."""
    ledger = Ledger("load", "scaleout")
    api = Api(base_url, ledger)
    programs = Programs(api, RETRY_DEADLINE_SECONDS)
    workers = [_signing_in_once(Trainee(api, programs, a)) for a in accounts.trainees]
    workers += [Reader(api, a, accounts.movement_ids) for a in accounts.readers]
    stop = asyncio.Event()
    client = psutil.Process()
    meters = {**(meters or {}), LOAD_GENERATOR_CPU: lambda: sum(client.cpu_times()[:2])}
    before = {name: meter() for name, meter in meters.items()}
    started = ledger.now()
    tasks = [asyncio.ensure_future(worker.run(stop)) for worker in workers]
    tasks.append(asyncio.ensure_future(_stop_at_cap(ledger, stop, max_requests)))
    event = None
    if during is not None:
        event = asyncio.ensure_future(during(ledger))
        tasks.append(asyncio.ensure_future(_stop_after(event, tail_seconds, stop)))
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=seconds)
        stop.set()
        ended = ledger.now()
        used = {name: meter() - before[name] for name, meter in meters.items()}
        await asyncio.wait(tasks, timeout=DRAIN_SECONDS)
        if event is not None:
            await event
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await api.close()
    attempts = [a for a in ledger.attempts if a.actor in LOAD_ACTORS]
    unresolved = sum(
        1 for i in ledger.intents.values() if i.outcome in (Outcome.UNRESOLVED, Outcome.PENDING)
    )
    return LoadResult(started, ended - started, attempts, unresolved, used)


async def _stop_after(event: asyncio.Future, tail_seconds: float, stop: asyncio.Event) -> None:
    await asyncio.wait([event])
    await asyncio.sleep(tail_seconds)
    stop.set()


async def _stop_at_cap(ledger: Ledger, stop: asyncio.Event, max_requests: int) -> None:
    while not stop.is_set():
        if len(ledger.attempts) + len(ledger.in_flight) >= max_requests:
            stop.set()
            return
        await asyncio.sleep(CAP_POLL_SECONDS)
