"""The checks across hosts; each returns one row of the table: what was checked, whether it
held, and what was measured."""

from __future__ import annotations

import asyncio
import secrets
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx

from loadtests.drills.client import Account
from loadtests.drills.load import EVERYDAY_PROGRAM, program_body
from loadtests.scaleout.balancer import HAProxy
from loadtests.scaleout.cluster import Cluster
from loadtests.scaleout.network import SECOND_CLIENT_ADDRESS

REQUEST_TIMEOUT_SECONDS = 20.0
RATE_CHECK_CONCURRENCY = 32
CACHE_ROUNDS = 9
REPLAYED_HEADER = "Idempotent-Replayed"
HOST_UP_SECONDS = 120.0
HOST_DOWN_SECONDS = 30.0
FAULT_LOAD_MAX_SECONDS = 300.0


@dataclass(slots=True)
class Check:
    name: str
    passed: bool
    measured: str
    numbers: dict[str, Any] = field(default_factory=dict)


def _bearer(account: Account) -> dict[str, str]:
    return {"Authorization": f"Bearer {account.access_token}"}


async def signed_in(client: httpx.AsyncClient, label: str) -> Account:
    account = Account.fresh(label)
    credentials = {"email": account.email, "password": account.password}
    registered = await client.post(
        "/v1/auth/register", json={**credentials, "name": "Scaleout Account"}
    )
    registered.raise_for_status()
    answer = await client.post("/v1/auth/login", json=credentials)
    answer.raise_for_status()
    account.access_token = answer.json()["data"]["access_token"]
    return account


# rate limits


async def rate_limit_exact(balancer: HAProxy, limit: int, requests: int) -> Check:
    """`requests` auth calls from one address through HAProxy, spread over every host: exactly
    `limit` pass the one shared budget. A refresh with a token that was never issued is the
    cheapest auth call (401), and the limiter counts it before the route runs."""
    before = balancer.servers()
    transport = httpx.AsyncHTTPTransport(local_address=SECOND_CLIENT_ADDRESS)
    gate = asyncio.Semaphore(RATE_CHECK_CONCURRENCY)
    statuses: Counter[int | None] = Counter()
    async with httpx.AsyncClient(
        base_url=balancer.base_url, transport=transport, timeout=REQUEST_TIMEOUT_SECONDS
    ) as client:

        async def one() -> None:
            async with gate:
                try:
                    answer = await client.post(
                        "/v1/auth/refresh", json={"refresh_token": secrets.token_urlsafe(32)}
                    )
                    statuses[answer.status_code] += 1
                except httpx.HTTPError:
                    statuses[None] += 1

        await asyncio.gather(*(one() for _ in range(requests)))
    after = balancer.servers()
    per_host = {name: after[name].responses - before[name].responses for name in after}
    passed_limiter = sum(count for status, count in statuses.items() if status not in (429, None))
    rejected = statuses[429]
    held = passed_limiter == limit and rejected == requests - limit
    spread = all(count > 0 for count in per_host.values())
    measured = (
        f"limit {limit}, {requests} sent: {passed_limiter} passed, {rejected} x 429, "
        f"{statuses[None]} no answer; per host {per_host}"
    )
    numbers = {"statuses": {str(k): v for k, v in statuses.items()}, "per_host": per_host}
    return Check("rate limit exact across hosts", held and spread, measured, numbers)


# idempotency


async def _program_count(database_url: str, name: str) -> int:
    connection = await asyncpg.connect(database_url, timeout=10)
    try:
        return await connection.fetchval("SELECT count(*) FROM program WHERE name = $1", name)
    finally:
        await connection.close()


async def idempotency_across_hosts(cluster: Cluster) -> Check:
    """One key and body sent to each host in turn: one program, the later answers replays."""
    hosts = [host for host in cluster.hosts if host.server.running()]
    async with httpx.AsyncClient(
        base_url=hosts[0].base_url, timeout=REQUEST_TIMEOUT_SECONDS
    ) as client:
        account = await signed_in(client, "idempotency")
    name = f"scaleout idempotency {secrets.token_hex(4)}"
    body = program_body(name, EVERYDAY_PROGRAM, seed=7)
    headers = {
        **_bearer(account),
        "Idempotency-Key": f"scaleout-{secrets.token_hex(12)}",
        "Content-Type": "application/json",
    }
    answers = []
    for host in hosts:
        async with httpx.AsyncClient(
            base_url=host.base_url, timeout=REQUEST_TIMEOUT_SECONDS
        ) as client:
            response = await client.post("/v1/programs", content=body, headers=headers)
        program_id = response.json().get("data", {}).get("id") if response.is_success else None
        answers.append((host.name, response.status_code, program_id, response.headers))
    stored = await _program_count(cluster.database_url, name)
    ids = {program_id for _, _, program_id, _ in answers}
    replays = [headers.get(REPLAYED_HEADER) == "true" for _, _, _, headers in answers[1:]]
    held = stored == 1 and len(ids) == 1 and None not in ids and all(replays)
    measured = ", ".join(
        f"{name} {status}{' replayed' if replayed else ''}"
        for (name, status, _, _), replayed in zip(answers, [False, *replays], strict=True)
    )
    return Check("idempotency across hosts", held, f"{measured}; programs stored: {stored}", {})


# cache


async def _description(client: httpx.AsyncClient, movement_id: str, account: Account) -> str:
    response = await client.get(f"/v1/movements/{movement_id}", headers=_bearer(account))
    response.raise_for_status()
    return response.json()["data"]["description"]


async def cache_invalidation_across_hosts(cluster: Cluster) -> Check:
    """A movement read (and cached) on host B, changed on host A, read again on host B: the read
    sees the change. Every ordered pair of hosts, several rounds."""
    hosts = [host for host in cluster.hosts if host.server.running()]
    clients = {
        host.name: httpx.AsyncClient(base_url=host.base_url, timeout=REQUEST_TIMEOUT_SECONDS)
        for host in hosts
    }
    stale = []
    try:
        first = clients[hosts[0].name]
        account = await signed_in(first, "cache")
        created = await first.post(
            "/v1/movements",
            headers=_bearer(account),
            json={
                "name": f"Scaleout press {secrets.token_hex(4)}",
                "pattern": "horizontal_push",
                "primary_muscle": "chest",
                "description": "v0",
            },
        )
        created.raise_for_status()
        movement_id = created.json()["data"]["id"]
        for round_number in range(1, CACHE_ROUNDS + 1):
            writer = hosts[round_number % len(hosts)]
            reader = hosts[(round_number + 1) % len(hosts)]
            await _description(clients[reader.name], movement_id, account)
            expected = f"v{round_number}"
            changed = await clients[writer.name].patch(
                f"/v1/movements/{movement_id}",
                headers=_bearer(account),
                json={"description": expected},
            )
            changed.raise_for_status()
            seen = await _description(clients[reader.name], movement_id, account)
            if seen != expected:
                stale.append(f"{writer.name}→{reader.name}: {seen} for {expected}")
    finally:
        for client in clients.values():
            await client.aclose()
    measured = f"{CACHE_ROUNDS} writes, {len(stale)} stale reads" + (
        f" ({'; '.join(stale)})" if stale else ""
    )
    return Check("cache invalidation across hosts", not stale, measured, {})
