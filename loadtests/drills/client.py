"""HTTP calls that write themselves into the ledger, and the accounts the load signs in with."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from loadtests.drills.ledger import Actor, Attempt, Ledger

ENVELOPE_KEYS = frozenset({"data", "meta", "errors"})
BODILESS_STATUSES = frozenset({204, 304})
REPLAYED_HEADER = "Idempotent-Replayed"
REQUEST_ID_HEADER = "X-Request-ID"
CONNECT_TIMEOUT_SECONDS = 5.0
REQUEST_TIMEOUT_SECONDS = 20.0
MAX_CONNECTIONS = 64


def request_id_of(call_id: int) -> str:
    """The `X-Request-ID` the drill sends with a call, so the server's access line names it."""
    return f"drill-{call_id}"


@dataclass(slots=True)
class Answer:
    status: int
    body: Any
    headers: httpx.Headers

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def data(self) -> Any:
        return self.body.get("data") if isinstance(self.body, dict) else None

    @property
    def code(self) -> str | None:
        return error_code(self.body)


def error_code(body: Any) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
        first = body["errors"][0]
        return first.get("code") if isinstance(first, dict) else None
    return None


def is_enveloped(body: Any) -> bool:
    return isinstance(body, dict) and body.keys() >= ENVELOPE_KEYS


def _parse(response: httpx.Response) -> Any:
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None


class Api:
    """One connection pool for the whole load; every call is one ledger attempt."""

    def __init__(self, base_url: str, ledger: Ledger) -> None:
        self.ledger = ledger
        self._ids = itertools.count()
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(REQUEST_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS),
            limits=httpx.Limits(max_connections=MAX_CONNECTIONS),
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def call(
        self,
        method: str,
        path: str,
        route: str,
        actor: Actor,
        *,
        token: str | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        intent: str | None = None,
    ) -> Answer | None:
        """The answer, or None when no response came (connection refused, reset, timeout)."""
        sent_headers = dict(headers or {})
        if token is not None:
            sent_headers["Authorization"] = f"Bearer {token}"
        if content is not None:
            sent_headers["Content-Type"] = "application/json"
        call_id = next(self._ids)
        sent_headers.setdefault(REQUEST_ID_HEADER, request_id_of(call_id))
        sent_at = self.ledger.now()
        self.ledger.in_flight[call_id] = route
        try:
            response = await self._client.request(
                method, path, json=json, content=content, headers=sent_headers
            )
        except httpx.HTTPError as error:
            self._record(call_id, sent_at, actor, route, None, type(error).__name__, None, intent)
            return None
        finally:
            self.ledger.in_flight.pop(call_id, None)
        body = None if response.status_code in BODILESS_STATUSES else _parse(response)
        enveloped = None if response.status_code in BODILESS_STATUSES else is_enveloped(body)
        replayed = response.headers.get(REPLAYED_HEADER) == "true"
        self._record(
            call_id, sent_at, actor, route, response.status_code, error_code(body), enveloped,
            intent, replayed,
        )  # fmt: skip
        return Answer(response.status_code, body, response.headers)

    def _record(
        self,
        number: int,
        sent_at: float,
        actor: Actor,
        route: str,
        status: int | None,
        error: str | None,
        enveloped: bool | None,
        intent: str | None,
        replayed: bool = False,
    ) -> None:
        self.ledger.record(
            Attempt(
                number=number,
                sent_at=sent_at,
                done_at=self.ledger.now(),
                actor=actor,
                route=route,
                status=status,
                error=error,
                enveloped=enveloped,
                replayed=replayed,
                intent=intent,
            )
        )


@dataclass(slots=True)
class Account:
    email: str
    password: str
    access_token: str = ""
    refresh_token: str = ""
    movement_id: str | None = None
    movement_version: int = 0
    program_id: str | None = None

    @classmethod
    def fresh(cls, label: str) -> Account:
        # Hex never spells the name or the email's words, which the password policy refuses.
        return cls(f"{label}-{secrets.token_hex(6)}@example.com", secrets.token_hex(16))


async def register(api: Api, account: Account, actor: Actor) -> bool:
    answer = await api.call(
        "POST",
        "/v1/auth/register",
        "POST /v1/auth/register",
        actor,
        json={"email": account.email, "password": account.password, "name": "Drill Account"},
    )
    return answer is not None and answer.ok


async def login(api: Api, account: Account, actor: Actor) -> bool:
    answer = await api.call(
        "POST",
        "/v1/auth/login",
        "POST /v1/auth/login",
        actor,
        json={"email": account.email, "password": account.password},
    )
    if answer is None or not answer.ok:
        return False
    account.access_token = answer.data["access_token"]
    account.refresh_token = answer.data["refresh_token"]
    return True


async def refresh(api: Api, account: Account, actor: Actor) -> bool:
    answer = await api.call(
        "POST",
        "/v1/auth/refresh",
        "POST /v1/auth/refresh",
        actor,
        json={"refresh_token": account.refresh_token},
    )
    if answer is None or not answer.ok:
        return False
    account.access_token = answer.data["access_token"]
    account.refresh_token = answer.data["refresh_token"]
    return True


async def create_custom_movement(api: Api, account: Account, actor: Actor) -> bool:
    answer = await api.call(
        "POST",
        "/v1/movements",
        "POST /v1/movements",
        actor,
        token=account.access_token,
        json={
            "name": f"Drill press {secrets.token_hex(4)}",
            "pattern": "horizontal_push",
            "primary_muscle": "chest",
            "description": "v0",
        },
    )
    if answer is None or not answer.ok:
        return False
    account.movement_id = answer.data["id"]
    return True
