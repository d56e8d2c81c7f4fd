"""The client-side ledger: every request the drill sent, and every write the API acknowledged.

Times are seconds on the drill's own monotonic clock (0 when the drill starts), so the fault's
marks and the requests line up.
"""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Actor(StrEnum):
    SETUP = "setup"
    TRAINEE = "trainee"
    READER = "reader"
    PROBE = "probe"
    RESEND = "resend"


LOAD_ACTORS = frozenset({Actor.TRAINEE, Actor.READER, Actor.RESEND})
"""Whose requests the drill's counts and recovery times are about (the probes measure apart)."""


class Outcome(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    REFUSED = "refused"
    UNRESOLVED = "unresolved"
    PENDING = "pending"


@dataclass(slots=True)
class Attempt:
    """One request: `status` None means no response came (the error names why)."""

    number: int
    sent_at: float
    done_at: float
    actor: Actor
    route: str
    status: int | None
    error: str | None
    enveloped: bool | None
    replayed: bool = False
    intent: str | None = None


@dataclass(slots=True)
class Intent:
    """One program the client wants created, under one Idempotency-Key, however many attempts."""

    ledger_id: str
    key: str
    name: str
    owner: str
    body: bytes
    started_at: float
    outcome: Outcome = Outcome.PENDING
    status: int | None = None
    program_id: str | None = None
    acknowledged_at: float | None = None
    attempts: int = 0
    resent_program_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Edit:
    """An edit of a custom movement's description to `version`; acknowledged when 2xx."""

    movement_id: str
    version: int
    sent_at: float
    acknowledged: bool


class Ledger:
    def __init__(self, drill: str, run_tag: str) -> None:
        self.drill = drill
        self.name_prefix = f"drill {run_tag} {drill} "
        self._started = time.monotonic()
        self._numbers = itertools.count(1)
        self.attempts: list[Attempt] = []
        self.intents: dict[str, Intent] = {}
        self.edits: list[Edit] = []
        self.marks: dict[str, float] = {}
        self.in_flight: dict[int, str] = {}
        """Requests sent and not yet answered: call number to route."""

    def now(self) -> float:
        return time.monotonic() - self._started

    def mark(self, name: str) -> float:
        self.marks[name] = self.now()
        return self.marks[name]

    def new_intent(self, owner: str, body_for_name: Any) -> Intent:
        """A fresh key, and a program name that carries the ledger id (found again in the
        database by that name). `body_for_name` builds the request body from the name."""
        ledger_id = f"{self.drill}-{next(self._numbers):05d}"
        name = f"{self.name_prefix}{ledger_id}"
        intent = Intent(
            ledger_id=ledger_id,
            key=f"drill-{secrets.token_hex(12)}",
            name=name,
            owner=owner,
            body=body_for_name(name),
            started_at=self.now(),
        )
        self.intents[ledger_id] = intent
        return intent

    def record(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)

    def acknowledged(self) -> list[Intent]:
        return [i for i in self.intents.values() if i.outcome is Outcome.ACKNOWLEDGED]

    def as_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Everything recorded, as plain rows for the run dir."""
        intents = [
            {**asdict(intent), "body": intent.body.decode()} for intent in self.intents.values()
        ]
        return {
            "attempts": [asdict(attempt) for attempt in self.attempts],
            "intents": intents,
            "edits": [asdict(edit) for edit in self.edits],
        }
