"""Revocation and staleness around a Redis fault.

While Redis is down or frozen, one account changes its password (`PATCH /v1/users/me`), another
gets a new role (`alloy users grant-role`), and a third edits its custom movement; each change is
retried until acknowledged. The two old access tokens (in turn on a movement list, a program list
and `/v1/users/me`) and the movement are then read every `POLL_SECONDS` until the observation
ends. The window is how long after Redis answered again (or after the change was acknowledged,
if later) an old token still got a 2xx, or the old version was still served.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import math
import secrets
import sys
from dataclasses import dataclass, field
from typing import Any

from loadtests.drills.client import Account, Api, create_custom_movement, login, register
from loadtests.drills.ledger import Actor, Ledger
from loadtests.drills.server import ROOT

POLL_SECONDS = 0.25
WARM_READS = 6
CHANGE_RETRY_SECONDS = 0.5
CLI_TIMEOUT_SECONDS = 60.0
ABANDONED = "abandoned when the hold ran out"
PRIMED_CLI = """
import sys
from alloy_cli.main import app
if sys.stdin.readline():
    app(sys.argv[1:], prog_name="alloy")
"""
"""The `alloy` command with its imports done, run when a line arrives (and not at all on EOF)."""
NEW_ROLE = "admin"
FRESH_DESCRIPTION = "edited while the cache was down"
TOKEN_READS = (
    ("/v1/movements?limit=1", "GET /v1/movements"),
    ("/v1/programs?limit=1", "GET /v1/programs"),
    ("/v1/users/me", "GET /v1/users/me"),
)


@dataclass(slots=True)
class Observation:
    sent_at: float
    accepted: bool
    read: str = ""
    """Which read it was: the old state counts as refused only once every read refuses it."""


@dataclass(slots=True)
class Probe:
    """One change made during the fault, and what the API answered about it afterwards."""

    kind: str
    changed_at: float | None = None
    change_answers: list[str] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)

    def _by_read(self, since: float) -> dict[str, list[Observation]]:
        reads: dict[str, list[Observation]] = {}
        for observation in self.observations:
            if observation.sent_at >= since:
                reads.setdefault(observation.read, []).append(observation)
        return reads

    def window(self, redis_back_at: float, observe_until: float) -> float | None:
        """Seconds the old state was still accepted after it should not have been, by the read
        that accepted it longest; None when the change never went through. A read still
        accepting it at the end makes the window reach `observe_until`."""
        if self.changed_at is None:
            return None
        since = max(redis_back_at, self.changed_at)
        longest = 0.0
        for observations in self._by_read(since).values():
            if observations[-1].accepted:
                return observe_until - since
            accepted = [o.sent_at for o in observations if o.accepted]
            if accepted:
                longest = max(longest, max(accepted) - since)
        return longest

    def still_open(self) -> bool:
        return any(reads[-1].accepted for reads in self._by_read(-math.inf).values())

    def accepted_during_fault(self, redis_back_at: float) -> int:
        if self.changed_at is None:
            return 0
        return sum(
            1
            for o in self.observations
            if self.changed_at <= o.sent_at < redis_back_at and o.accepted
        )

    def summary(self, redis_back_at: float, observe_until: float) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "changed_at": self.changed_at,
            "change_answers": self.change_answers,
            "window_seconds": self.window(redis_back_at, observe_until),
            "still_open_at_end": self.still_open(),
            "accepted_during_fault_after_change": self.accepted_during_fault(redis_back_at),
            "observations": len(self.observations),
        }


class Probes:
    def __init__(self, api: Api, alloy_environment: dict[str, str]) -> None:
        self.api = api
        self.ledger: Ledger = api.ledger
        self.environment = alloy_environment
        self.password_account = Account.fresh("probe-password")
        self.role_account = Account.fresh("probe-role")
        self.movement_account = Account.fresh("probe-movement")
        self.old_password_token = ""
        self.old_role_token = ""
        self.new_password = secrets.token_hex(16)
        self.observe_until = math.inf
        self._token_reads = itertools.cycle(range(len(TOKEN_READS)))
        self._primed_cli: asyncio.subprocess.Process | None = None
        self._primed_rehearsal: asyncio.subprocess.Process | None = None
        self.password = Probe("password change")
        self.role = Probe("role change")
        self.movement = Probe("movement edit")

    def all(self) -> list[Probe]:
        return [self.password, self.role, self.movement]

    async def prepare(self) -> None:
        """Accounts, tokens and a movement, each read a few times so every cache holds them."""
        for account in (self.password_account, self.role_account, self.movement_account):
            if not (await register(self.api, account, Actor.SETUP)) or not (
                await login(self.api, account, Actor.SETUP)
            ):
                raise RuntimeError(f"probe account {account.email} could not sign in")
        if not await create_custom_movement(self.api, self.movement_account, Actor.SETUP):
            raise RuntimeError("the probe movement could not be created")
        self.old_password_token = self.password_account.access_token
        self.old_role_token = self.role_account.access_token
        if not await login(self.api, self.password_account, Actor.SETUP):
            raise RuntimeError("the probe account could not open a second session")
        self._primed_cli = await self._start_cli(self._role_arguments(), primed=True)
        self._primed_rehearsal = await self._start_cli(["users", "list"], primed=True)
        for _ in range(WARM_READS):
            await self._token_accepted(self.old_password_token)
            await self._token_accepted(self.old_role_token)
            await self._movement_stale()

    async def change_all(self, until: float, hold_until: float) -> None:
        """Make the three changes, each retried until acknowledged or `until`; return no sooner
        than `hold_until`."""
        await asyncio.gather(
            self._retry(self.password, self._change_password, until),
            self._retry(self.role, self._change_role, until),
            self._retry(self.movement, self._edit_movement, until),
        )
        await asyncio.sleep(max(0.0, hold_until - self.ledger.now()))

    async def rehearse(self) -> None:
        """Work like the changes' (a primed `alloy` command, a profile edit, a read) that changes
        nothing the probes watch: run before the fault, so that both throughput windows carry it."""
        process, self._primed_rehearsal = self._primed_rehearsal, None
        if process is not None and process.stdin is not None:
            process.stdin.write(b"go\n")
            await process.stdin.drain()
        await self.api.call(
            "PATCH",
            "/v1/users/me",
            "PATCH /v1/users/me",
            Actor.PROBE,
            token=self.old_password_token,
            json={"name": "Drill Account"},
        )
        await self._movement_stale()
        if process is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.communicate(), CLI_TIMEOUT_SECONDS)
            await _end(process)

    async def observe(self) -> None:
        """Poll until `observe_until`, which the drill sets once the fault has ended."""
        await asyncio.gather(
            self._poll(self.password, lambda: self._token_accepted(self.old_password_token)),
            self._poll(self.role, lambda: self._token_accepted(self.old_role_token)),
            self._poll(self.movement, self._movement_stale),
        )

    async def _retry(self, probe: Probe, change: Any, until: float) -> None:
        """Attempts until one is acknowledged; at `until` the attempt under way is abandoned."""
        try:
            async with asyncio.timeout(max(0.0, until - self.ledger.now())):
                while True:
                    answer = await change()
                    probe.change_answers.append(answer)
                    if answer == "ok":
                        probe.changed_at = self.ledger.now()
                        return
                    await asyncio.sleep(CHANGE_RETRY_SECONDS)
        except TimeoutError:
            probe.change_answers.append(ABANDONED)

    async def _poll(self, probe: Probe, accepted: Any) -> None:
        while self.ledger.now() < self.observe_until:
            sent_at = self.ledger.now()
            result, read = await accepted()
            if result is not None and probe.changed_at is not None:
                probe.observations.append(Observation(sent_at, result, read))
            await asyncio.sleep(POLL_SECONDS)

    async def _change_password(self) -> str:
        """One attempt, from a second session: the change ends every other session, the one of
        the old token among them. A 401 after an unanswered attempt may mean that attempt went
        through: signing in with the new password tells."""
        account = self.password_account
        answer = await self.api.call(
            "PATCH",
            "/v1/users/me",
            "PATCH /v1/users/me",
            Actor.PROBE,
            token=account.access_token,
            json={"current_password": account.password, "password": self.new_password},
        )
        if answer is not None and answer.status == 401:
            applied = Account(account.email, self.new_password)
            if await login(self.api, applied, Actor.PROBE):
                account.password = self.new_password
                return "ok"
        if answer is not None and answer.ok:
            account.password = self.new_password
            return "ok"
        return "no response" if answer is None else f"{answer.status} {answer.code}"

    def _role_arguments(self) -> list[str]:
        return ["users", "grant-role", self.role_account.email, NEW_ROLE]

    async def _start_cli(self, arguments: list[str], primed: bool) -> asyncio.subprocess.Process:
        command = ["-c", PRIMED_CLI] if primed else ["-m", "alloy_cli.main"]
        return await asyncio.create_subprocess_exec(
            sys.executable, *command, *arguments,
            env=self.environment, cwd=ROOT,
            stdin=asyncio.subprocess.PIPE if primed else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip

    async def _change_role(self) -> str:
        """`alloy users grant-role`: the first attempt releases the process primed before the
        fault (its imports done), so that the change lands while Redis is still faulted even on
        a loaded machine; later attempts run the command afresh."""
        process, self._primed_cli = self._primed_cli, None
        if process is not None and process.stdin is not None:
            process.stdin.write(b"go\n")
            await process.stdin.drain()
        else:
            process = await self._start_cli(self._role_arguments(), primed=False)
        try:
            _, stderr = await asyncio.wait_for(process.communicate(), CLI_TIMEOUT_SECONDS)
        except TimeoutError:
            return "cli timed out"
        finally:
            await _end(process)
        if process.returncode == 0:
            return "ok"
        last_line = stderr.decode(errors="replace").strip().splitlines()[-1:]
        return f"cli exit {process.returncode}: {' '.join(last_line)[:160]}"

    async def close(self) -> None:
        """End the primed commands that were never released."""
        for process in (self._primed_cli, self._primed_rehearsal):
            if process is not None:
                await _end(process)
        self._primed_cli = self._primed_rehearsal = None

    async def _edit_movement(self) -> str:
        account = self.movement_account
        answer = await self.api.call(
            "PATCH",
            f"/v1/movements/{account.movement_id}",
            "PATCH /v1/movements/{movement_id}",
            Actor.PROBE,
            token=account.access_token,
            json={"description": FRESH_DESCRIPTION},
        )
        if answer is not None and answer.ok:
            return "ok"
        return "no response" if answer is None else f"{answer.status} {answer.code}"

    async def _token_accepted(self, token: str) -> tuple[bool | None, str]:
        """Whether the old token still gets a 2xx; None when no definite answer came. The reads
        take turns: the lists check the token against the cached auth state, `/v1/users/me`
        against the account it loads."""
        path, route = TOKEN_READS[next(self._token_reads)]
        answer = await self.api.call("GET", path, route, Actor.PROBE, token=token)
        if answer is None or answer.status >= 500:
            return None, route
        return answer.ok, route

    async def _movement_stale(self) -> tuple[bool | None, str]:
        account = self.movement_account
        route = "GET /v1/movements/{movement_id}"
        answer = await self.api.call(
            "GET",
            f"/v1/movements/{account.movement_id}",
            route,
            Actor.PROBE,
            token=account.access_token,
        )
        if answer is None or not answer.ok:
            return None, route
        return answer.data.get("description") != FRESH_DESCRIPTION, route


async def _end(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.kill()
        await process.wait()
