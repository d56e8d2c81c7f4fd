"""The load: trainees who create programs (with an Idempotency-Key, retried with the same key until
a definite answer), read them back, list movements, edit their custom movement, log in and
refresh; readers who loop over a fixed read mix, whose throughput the drills compare."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass

import orjson

from loadtests.drills.client import Account, Answer, Api, login, refresh
from loadtests.drills.ledger import Actor, Edit, Intent, Outcome

IN_PROGRESS = "CF_IDEMPOTENCY_KEY_IN_PROGRESS"
RETRY_FIRST_PAUSE_SECONDS = 0.2
RETRY_MAX_PAUSE_SECONDS = 2.0
THINK_SECONDS = (0.05, 0.25)
NO_RESPONSE_PAUSE_SECONDS = 0.25
"""After a request got no response (server down), a client waits a moment before the next."""
PATTERNS = ("squat", "hinge", "horizontal_push", "vertical_pull", "core", "lunge")
START_DATE = "2026-12-07"


@dataclass(frozen=True, slots=True)
class ProgramShape:
    duration_weeks: int
    days_per_week: int


EVERYDAY_PROGRAM = ProgramShape(8, 3)
LARGE_PROGRAM = ProgramShape(12, 6)
"""The worker-kill drill's burst: the longest generation, so the kill lands during one."""


def program_body(name: str, shape: ProgramShape, seed: int) -> bytes:
    return orjson.dumps(
        {
            "name": name,
            "duration_weeks": shape.duration_weeks,
            "days_per_week": shape.days_per_week,
            "max_session_minutes": 60,
            "goals": [{"goal": "strength", "weight": 6}, {"goal": "hypertrophy", "weight": 4}],
            "disciplines": [
                {"discipline": "powerlifting", "weight": 7},
                {"discipline": "bodybuilding", "weight": 3},
            ],
            "start_date": START_DATE,
            "seed": seed,
        }
    )


def _retryable(answer: Answer | None) -> bool:
    if answer is None:
        return True
    if answer.status >= 500 or answer.status == 429:
        return True
    return answer.status == 409 and answer.code == IN_PROGRESS


def _pause_after(answer: Answer | None, previous: float) -> float:
    retry_after = answer.headers.get("Retry-After") if answer is not None else None
    if retry_after is not None and retry_after.isdigit():
        return min(float(retry_after), RETRY_MAX_PAUSE_SECONDS)
    return min(previous * 2, RETRY_MAX_PAUSE_SECONDS)


class Programs:
    """Program creation with the ledger's bookkeeping; shared by trainees, probes and the drills."""

    def __init__(self, api: Api, retry_deadline: float) -> None:
        self.api = api
        self.ledger = api.ledger
        self.retry_deadline = retry_deadline

    def new_intent(self, account: Account, shape: ProgramShape = EVERYDAY_PROGRAM) -> Intent:
        seed = random.randrange(2**31 - 1)
        return self.ledger.new_intent(account.email, lambda name: program_body(name, shape, seed))

    async def create(self, account: Account, actor: Actor, intent: Intent | None = None) -> Intent:
        """Send the intent's request until a definite answer or the retry deadline."""
        intent = intent or self.new_intent(account)
        deadline = intent.started_at + self.retry_deadline
        pause = RETRY_FIRST_PAUSE_SECONDS
        while True:
            answer = await self._send(account, actor, intent)
            if not _retryable(answer):
                self._settle(intent, answer)
                return intent
            pause = _pause_after(answer, pause)
            if self.ledger.now() + pause > deadline:
                intent.outcome = Outcome.UNRESOLVED
                intent.status = None if answer is None else answer.status
                return intent
            await asyncio.sleep(pause)

    async def _send(self, account: Account, actor: Actor, intent: Intent) -> Answer | None:
        intent.attempts += 1
        return await self.api.call(
            "POST",
            "/v1/programs",
            "POST /v1/programs",
            actor,
            token=account.access_token,
            content=intent.body,
            headers={"Idempotency-Key": intent.key},
            intent=intent.ledger_id,
        )

    def _settle(self, intent: Intent, answer: Answer) -> None:
        intent.status = answer.status
        if answer.ok:
            intent.outcome = Outcome.ACKNOWLEDGED
            intent.program_id = answer.data["id"]
            intent.acknowledged_at = self.ledger.now()
        else:
            intent.outcome = Outcome.REFUSED

    async def resend(self, account: Account, intent: Intent) -> None:
        """The same request again, as a client that lost the first answer would send it."""
        answer = await self._send(account, Actor.RESEND, intent)
        if answer is not None and answer.ok:
            intent.resent_program_ids.append(answer.data["id"])


class Trainee:
    def __init__(self, api: Api, programs: Programs, account: Account) -> None:
        self.api = api
        self.programs = programs
        self.account = account
        self.last_program_id: str | None = None
        self.actions: list[tuple[Callable[[], object], int]] = [
            (self.create_program, 3),
            (self.read_program, 3),
            (self.list_movements, 2),
            (self.edit_movement, 2),
            (self.log_in, 1),
            (self.refresh, 1),
        ]

    async def run(self, stop: asyncio.Event) -> None:
        choices, weights = zip(*self.actions, strict=True)
        while not stop.is_set():
            action = random.choices(choices, weights)[0]
            await action()
            await asyncio.sleep(random.uniform(*THINK_SECONDS))

    async def call(self, method: str, path: str, route: str, **kwargs: object) -> Answer | None:
        answer = await self.api.call(
            method, path, route, Actor.TRAINEE, token=self.account.access_token, **kwargs
        )
        if answer is None:
            await asyncio.sleep(NO_RESPONSE_PAUSE_SECONDS)
        elif answer.status == 401:
            await login(self.api, self.account, Actor.TRAINEE)
        return answer

    async def create_program(self) -> None:
        intent = await self.programs.create(self.account, Actor.TRAINEE)
        if intent.outcome is Outcome.ACKNOWLEDGED:
            self.last_program_id = intent.program_id
            await self.read_program()
        elif intent.status == 401:
            await self.log_in()

    async def read_program(self) -> None:
        if self.last_program_id is not None:
            await self.call(
                "GET", f"/v1/programs/{self.last_program_id}", "GET /v1/programs/{program_id}"
            )

    async def list_movements(self) -> None:
        pattern = random.choice(PATTERNS)
        await self.call("GET", f"/v1/movements?pattern={pattern}&limit=20", "GET /v1/movements")

    async def edit_movement(self) -> None:
        account = self.account
        version = account.movement_version + 1
        sent_at = self.api.ledger.now()
        answer = await self.call(
            "PATCH",
            f"/v1/movements/{account.movement_id}",
            "PATCH /v1/movements/{movement_id}",
            json={"description": f"v{version}"},
        )
        acknowledged = answer is not None and answer.ok
        self.api.ledger.edits.append(Edit(account.movement_id, version, sent_at, acknowledged))
        account.movement_version = version
        await self.call(
            "GET", f"/v1/movements/{account.movement_id}", "GET /v1/movements/{movement_id}"
        )

    async def log_in(self) -> None:
        if not await login(self.api, self.account, Actor.TRAINEE):
            await asyncio.sleep(NO_RESPONSE_PAUSE_SECONDS)

    async def refresh(self) -> None:
        if not await refresh(self.api, self.account, Actor.TRAINEE):
            await self.log_in()


class Reader:
    """The same four reads in a loop, without pause: what the throughput comparison counts."""

    def __init__(self, api: Api, account: Account, movement_ids: list[str]) -> None:
        self.api = api
        self.account = account
        self.movement_ids = movement_ids

    def reads(self) -> list[tuple[str, str]]:
        program = self.account.program_id
        return [
            (
                f"/v1/movements/{random.choice(self.movement_ids)}",
                "GET /v1/movements/{movement_id}",
            ),
            (f"/v1/movements?pattern={random.choice(PATTERNS)}&limit=20", "GET /v1/movements"),
            (f"/v1/programs/{program}", "GET /v1/programs/{program_id}"),
            (f"/v1/programs/{program}/sessions?limit=10", "GET /v1/programs/{program_id}/sessions"),
        ]

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for path, route in self.reads():
                answer = await self.api.call(
                    "GET", path, route, Actor.READER, token=self.account.access_token
                )
                if answer is None:
                    await asyncio.sleep(NO_RESPONSE_PAUSE_SECONDS)
                elif answer.status == 401:
                    await login(self.api, self.account, Actor.READER)
                if stop.is_set():
                    return
