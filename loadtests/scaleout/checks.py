"""The checks across hosts; each returns one row of the table: what was checked, whether it
held, and what was measured."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import math
import os
import secrets
import signal
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import psutil

from loadtests.drills.client import Account
from loadtests.drills.ledger import Ledger
from loadtests.drills.load import EVERYDAY_PROGRAM, program_body
from loadtests.scaleout.balancer import HAProxy
from loadtests.scaleout.cluster import AppHost, Cluster
from loadtests.scaleout.load import LOAD_GENERATOR_CPU, Accounts, LoadResult, run_load
from loadtests.scaleout.network import SECOND_CLIENT_ADDRESS

REQUEST_TIMEOUT_SECONDS = 20.0
RATE_CHECK_CONCURRENCY = 32
CACHE_ROUNDS_PER_PAIR = 2
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
    replays = [got.get(REPLAYED_HEADER) == "true" for _, _, _, got in answers[1:]]
    held = stored == 1 and len(ids) == 1 and None not in ids and all(replays)
    measured = ", ".join(
        f"{host_name} {status}{' replayed' if replayed else ''}"
        for (host_name, status, _, _), replayed in zip(answers, [False, *replays], strict=True)
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
        pairs = list(itertools.permutations(hosts, 2)) * CACHE_ROUNDS_PER_PAIR
        for round_number, (writer, reader) in enumerate(pairs, start=1):
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
    pair_count = len(hosts) * (len(hosts) - 1)
    measured = (
        f"{pair_count} ordered pairs of hosts, {len(pairs)} writes, {len(stale)} stale reads"
        + (f" ({'; '.join(stale)})" if stale else "")
    )
    return Check("cache invalidation across hosts", not stale, measured, {})


# hosts drained, killed and added mid-load


def kill_host(host: AppHost) -> None:
    """SIGKILL the host's server and every worker at once, as a machine that dies."""
    os.killpg(host.server.pid, signal.SIGKILL)
    host.server.stop()


@dataclass(slots=True)
class Timeline:
    added: AppHost
    drained: AppHost
    killed: AppHost
    step_seconds: float
    facts: dict[str, Any] = field(default_factory=dict)


async def _faults(balancer: HAProxy, timeline: Timeline, ledger: Ledger) -> None:
    facts = timeline.facts
    await asyncio.sleep(timeline.step_seconds)
    facts["added_at"] = ledger.now()
    await asyncio.to_thread(timeline.added.server.start)
    await asyncio.to_thread(balancer.wait_status, timeline.added.name, "UP", HOST_UP_SECONDS)
    facts["added_up_at"] = ledger.now()
    facts["added_served_before"] = balancer.servers()[timeline.added.name].responses
    await asyncio.sleep(timeline.step_seconds)
    facts["added_served"] = (
        balancer.servers()[timeline.added.name].responses - facts["added_served_before"]
    )
    facts["drained_at"] = ledger.now()
    code, forced = await asyncio.to_thread(timeline.drained.server.terminate)
    facts["drain_exit"] = {"code": code, "killed": forced, "done_at": ledger.now()}
    await asyncio.sleep(timeline.step_seconds)
    facts["killed_host_sessions"] = balancer.servers()[timeline.killed.name].current
    facts["in_flight_at_kill_routes"] = sorted(ledger.in_flight.values())
    facts["in_flight_at_kill"] = sorted(ledger.in_flight)
    facts["killed_at"] = ledger.now()
    kill_host(timeline.killed)
    await asyncio.to_thread(balancer.wait_status, timeline.killed.name, "DOWN", HOST_DOWN_SECONDS)
    facts["killed_down_at"] = ledger.now()


async def hosts_drained_killed_added(
    cluster: Cluster, balancer: HAProxy, accounts: Accounts, timeline: Timeline, max_requests: int
) -> tuple[list[Check], LoadResult]:
    async def during(ledger: Ledger) -> None:
        await _faults(balancer, timeline, ledger)

    result = await run_load(
        balancer.base_url, accounts, FAULT_LOAD_MAX_SECONDS, max_requests, during,
        tail_seconds=timeline.step_seconds,
    )  # fmt: skip
    facts = timeline.facts
    in_flight = set(facts.get("in_flight_at_kill", []))
    failures = result.failures
    routed_to_dead = [
        a
        for a in failures
        if a.number not in in_flight
        and facts.get("killed_at", math.inf) <= a.sent_at < facts.get("killed_down_at", 0)
    ]
    beyond = [a for a in failures if a.number not in in_flight and a not in routed_to_dead]
    statuses = Counter(a.status for a in result.attempts)
    detection = facts.get("killed_down_at", 0) - facts.get("killed_at", 0)
    load_measured = (
        f"{len(result.attempts)} requests, {len(failures)} failed: "
        f"{len(failures) - len(beyond) - len(routed_to_dead)} of the {len(in_flight)} in flight "
        f"at the kill ({facts.get('killed_host_sessions')} on {timeline.killed.name}), "
        f"{len(routed_to_dead)} sent to it before HAProxy marked it DOWN ({detection:.1f} s), "
        f"{len(beyond)} others; unresolved creations {result.unresolved}"
    )
    drain = facts.get("drain_exit", {})
    added_after = facts.get("added_up_at", 0) - facts.get("added_at", 0)
    drain_seconds = drain.get("done_at", 0) - facts.get("drained_at", 0)
    between = _failed_between(
        failures, facts.get("drained_at", 0), facts.get("killed_at", math.inf)
    )
    while_draining = [a for a in between if a.number not in in_flight]
    checks = [
        Check(
            "host added mid-load takes traffic",
            facts.get("added_served", 0) > 0,
            f"{timeline.added.name} UP {added_after:.1f} s after its start, then answered "
            f"{facts.get('added_served', 0)} requests in {timeline.step_seconds:.0f} s",
        ),
        Check(
            "host drained (SIGTERM) mid-load",
            drain.get("code") == 0 and not drain.get("killed") and not while_draining,
            f"{timeline.drained.name} exited {drain.get('code')} {drain_seconds:.1f} s after "
            f"SIGTERM; {len(while_draining)} failed requests from SIGTERM to the kill "
            "(those in flight at the kill aside)",
        ),
        Check(
            "host killed (SIGKILL) mid-load",
            bool(facts.get("killed_at")) and not beyond and result.unresolved == 0,
            load_measured,
            {
                "statuses": {str(k): v for k, v in statuses.items()},
                "failures": [dataclasses.asdict(a) for a in failures],
                "refused": dict(
                    Counter(
                        f"{a.route} {a.status}"
                        for a in result.attempts
                        if a.status is not None and a.status >= 400
                    )
                ),
                **facts,
            },
        ),
    ]
    return checks, result


def _failed_between(failures: list, start: float, end: float) -> list:
    return [a for a in failures if start <= a.sent_at < end]


# throughput


@dataclass(slots=True)
class Throughput:
    hosts: int
    requests: int
    seconds: float
    app_cpu_seconds: float
    machine_busy_seconds: float
    client_cpu_seconds: float
    failures: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def app_cpu_ms_per_request(self) -> float:
        return 1000 * self.app_cpu_seconds / self.requests if self.requests else 0.0

    @property
    def machine_busy_share(self) -> float:
        return self.machine_busy_seconds / (self.seconds * (os.cpu_count() or 1))


def _machine_busy_seconds() -> float:
    """CPU seconds spent on anything but idling, on every core (guest time is in user's)."""
    times = psutil.cpu_times()
    busy = ("user", "nice", "system", "irq", "softirq", "steal")
    return sum(getattr(times, name, 0.0) for name in busy)


async def throughput(
    cluster: Cluster, balancer: HAProxy, accounts: Accounts, hosts: int, seconds: float,
    max_requests: int,
) -> Throughput:  # fmt: skip
    """The load with the first `hosts` hosts in rotation, the others in maintenance."""
    for host in cluster.hosts:
        state = "ready" if host.number <= hosts else "maint"
        balancer.command(f"set server hosts/{host.name} state {state}")
    for host in cluster.hosts[:hosts]:
        await asyncio.to_thread(balancer.wait_status, host.name, "UP", HOST_UP_SECONDS)
    serving = cluster.hosts[:hosts]
    meters = {
        "app": lambda: sum(host.cpu_seconds() for host in serving),
        "machine": _machine_busy_seconds,
    }
    result = await run_load(balancer.base_url, accounts, seconds, max_requests, meters=meters)
    used = result.used
    return Throughput(
        hosts, result.answered, result.seconds, used["app"], used["machine"],
        used[LOAD_GENERATOR_CPU], len(result.failures),
    )  # fmt: skip


def throughput_check(rows: list[Throughput]) -> Check:
    measured = "; ".join(
        f"{row.hosts} host{'s' if row.hosts > 1 else ''}: {row.per_second:.0f} req/s, "
        f"{row.app_cpu_ms_per_request:.1f} ms app CPU/req, "
        f"machine {row.machine_busy_share:.0%} busy"
        for row in rows
    )
    held = all(row.requests > 0 and row.failures == 0 for row in rows)
    return Check("throughput with 1, 2, 3 hosts", held, measured, {})
