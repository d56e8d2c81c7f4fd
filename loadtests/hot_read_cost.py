"""CPU and instructions per request of the hot read, in process, without a server or a client.

The Alloy app is driven as an ASGI callable with a minimal scope/receive/send loop, so what is
measured is Alloy's work alone (no HTTP parsing, no load generator on the same cores):
`time.process_time()` over N requests after a warm-up, and, with `--callgrind`, the instructions
per request from two runs under `valgrind --tool=callgrind` (N and 2N requests: the difference
divided by N leaves out start-up and warm-up, and is the same from run to run).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/alloy_bench \\
    BENCH_REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m loadtests.hot_read_cost
    ... -m loadtests.hot_read_cost --read program --requests 5000
    ... -m loadtests.hot_read_cost --callgrind --requests 200
    ... -m loadtests.hot_read_cost --profile cost.prof   # cProfile of the measured requests

The database is migrated and seeded (`alloy db upgrade`, `alloy seed`) unless `--no-prepare`.
BENCH_DATABASE_URL and BENCH_REDIS_URL must be yours alone: they are written to.
"""

import argparse
import asyncio
import cProfile
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import uvloop

os.environ.setdefault("ALLOY_DATA_DIR", tempfile.mkdtemp(prefix="alloy-hot-read-"))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/alloy_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
UNLIMITED_READS = "100000000/minute"
PROGRAM_BODY = {
    "name": "Hot read",
    "duration_weeks": 8,
    "days_per_week": 3,
    "max_session_minutes": 60,
    "goals": [{"goal": "strength", "weight": 10}],
    "disciplines": [{"discipline": "powerlifting", "weight": 10}],
    "start_date": "2026-12-07",
    "seed": 1,
}
CLOCK_PACED_WORK_PINNED = {
    "ALLOY_CACHE_NEAR_TTL_SECONDS": "3600",
    "ALLOY_CACHE_OUTBOX_DRAIN_SECONDS": "3600",
}
"""Under callgrind the app runs ~50 times slower: work paced by the clock (near copies expiring,
the outbox drain) would land on far fewer requests than in production, and vary with the run."""
TOTALS = re.compile(rb"^(?:summary|totals):\s+(\d+)", re.MULTILINE)
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def bench_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment["ALLOY_DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    environment["ALLOY_REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    environment.setdefault("ALLOY_ENVIRONMENT", "development")
    environment.setdefault("ALLOY_RATE_LIMIT_READ", UNLIMITED_READS)
    environment.setdefault("ALLOY_ACCESS_TOKEN_TTL_SECONDS", "3600")
    return environment


def prepare_database() -> None:
    for command in (("db", "upgrade"), ("seed",)):
        subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "alloy_cli.main", *command],
            env=bench_environment(),
            check=True,
            stdout=subprocess.DEVNULL,
        )


def http_scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
        "extensions": {},
    }


async def request_once(app: Any, scope: dict[str, Any]) -> int:
    """One request through the ASGI app; its status."""
    sent: list[dict[str, Any]] = []
    requested: list[bool] = []
    disconnected = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if not requested:
            requested.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            disconnected.set()

    await app(dict(scope), receive, send)
    return next(message["status"] for message in sent if message["type"] == "http.response.start")


async def hot_read_scope(app: Any, read: str) -> dict[str, Any]:
    """The scope of the read to measure, for a fresh account of its own."""
    from alloy_api.auth import repository
    from alloy_api.auth.roles import Role
    from alloy_api.auth.tokens import issue_access_token
    from alloy_api.kit.ids import new_id_str
    from alloy_api.movements.models import Movement

    settings = app.extensions["alloy"].settings
    user = await repository.create_user(
        email=f"hot-read-{new_id_str()}@example.com",
        name="Hot Read",
        password_hash="unused",  # noqa: S106 - the account only ever presents a token
        role=Role.USER,
    )
    token = issue_access_token(
        settings, user_id=str(user.id), role=user.role, token_version=user.token_version
    )
    headers = [(b"host", b"127.0.0.1"), (b"authorization", f"Bearer {token}".encode())]
    if read == "movement":
        movement = await Movement.filter(owner_id=None).order_by("name").first()
        return http_scope(f"/v1/movements/{movement.id}", headers)
    return http_scope(f"/v1/programs/{await a_program_of(app, headers)}", headers)


async def a_program_of(app: Any, headers: list[tuple[bytes, bytes]]) -> str:
    from alloy_api.programs.models import Program

    client = app.test_client()
    response = await client.post(
        "/v1/programs",
        json=PROGRAM_BODY,
        headers={name.decode(): value.decode() for name, value in headers},
    )
    if response.status_code != 201:
        raise RuntimeError(f"creating a program answered {await response.get_data(as_text=True)}")
    program = await Program.all().order_by("-created_at").first()
    return str(program.id)


async def measure(args: argparse.Namespace) -> None:
    from alloy_api.app import create_app

    app = create_app()
    async with app.test_app():
        scope = await hot_read_scope(app, args.read)
        for _ in range(args.warmup):
            await request_once(app, scope)
        statuses: dict[int, int] = {}
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        for _ in range(args.requests):
            status = await request_once(app, scope)
            statuses[status] = statuses.get(status, 0) + 1
        spent = time.process_time() - started
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
    print(f"{args.read}: {args.requests} requests, statuses {statuses}")
    print(f"cpu_us_per_request={spent * 1e6 / args.requests:.1f}")


def instructions(requests: int, args: argparse.Namespace, directory: Path) -> int:
    output = directory / f"callgrind.{requests}.out"
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={output}",
        sys.executable,
        "-m",
        "loadtests.hot_read_cost",
        "--no-prepare",
        "--read",
        args.read,
        "--warmup",
        str(args.warmup),
        "--requests",
        str(requests),
    ]
    subprocess.run(  # noqa: S603 - valgrind running our own interpreter and module
        command,
        env={**bench_environment(), **CLOCK_PACED_WORK_PINNED},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    match = TOTALS.search(output.read_bytes())
    if match is None:
        raise RuntimeError(f"no totals in {output}")
    return int(match.group(1))


def measure_instructions(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as directory:
        base = instructions(args.requests, args, Path(directory))
        double = instructions(2 * args.requests, args, Path(directory))
    print(f"instructions_per_request={(double - base) / args.requests:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--read", choices=("movement", "program"), default="movement")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--profile", help="write a cProfile of the measured requests here")
    parser.add_argument("--no-prepare", dest="prepare", action="store_false")
    args = parser.parse_args()
    os.environ.update(bench_environment())
    if args.prepare:
        prepare_database()
    if args.callgrind:
        measure_instructions(args)
    else:
        uvloop.run(measure(args))


if __name__ == "__main__":
    main()
