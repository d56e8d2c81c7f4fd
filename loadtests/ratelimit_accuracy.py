"""How exactly the rate limit holds across worker processes.

Serves one limited route with granian (N workers sharing one Redis), fires many concurrent
requests at it, and prints how many passed against the limit:

    ALLOY_REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python loadtests/ratelimit_accuracy.py \
        --workers 2 --limit 1000 --requests 5000 --concurrency 200 --rounds 3

The limit is per day, so refilling during a round (one request per 86 s at 1000/day) is
negligible and exactly `--limit` requests should pass.
"""

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time
from http import HTTPStatus
from pathlib import Path

import httpx
from quart import Blueprint, Quart, Response

from alloy_api.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET = "loadtests.ratelimit_accuracy:app"
probe = Blueprint("accuracy", __name__, url_prefix="/v1/accuracy_probes")


@probe.post("")
async def create_probe() -> Response:
    from alloy_api.kit.envelope import respond

    return respond({"ok": True}, HTTPStatus.CREATED)


def build_app() -> Quart:
    from alloy_api.app import create_app
    from alloy_api.kit.ratelimit import RateClass, limited

    limited(RateClass.GENERATE)(create_probe)
    application = create_app()
    application.register_blueprint(probe)
    return application


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def fire(url: str, requests: int, concurrency: int) -> dict[int, int]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    statuses: dict[int, int] = {}
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:

        async def one() -> None:
            async with gate:
                response = await client.post(url, json={})
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        await asyncio.gather(*(one() for _ in range(requests)))
    return statuses


async def clear_limits(redis_url: str) -> None:
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(redis_url)
    try:
        keys = await client.keys("alloy:rl:*")
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    redis_url = Settings().redis_url
    if redis_url is None:
        parser.error("set ALLOY_REDIS_URL: limits are shared between workers through Redis")
    port = free_port()
    environment = {
        **os.environ,
        "ALLOY_RATE_LIMIT_GENERATE": f"{arguments.limit}/day",
        "ALLOY_LOG_LEVEL": "WARNING",
    }
    granian = Path(sys.executable).parent / "granian"
    command = [str(granian), "--interface", "asgi", "--port", str(port)]
    command += ["--workers", str(arguments.workers), "--log-level", "warning", TARGET]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment)  # noqa: S603 - our server
    try:
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/v1/accuracy_probes"
        for number in range(1, arguments.rounds + 1):
            asyncio.run(clear_limits(redis_url))
            started = time.perf_counter()
            statuses = asyncio.run(fire(url, arguments.requests, arguments.concurrency))
            seconds = time.perf_counter() - started
            passed = statuses.get(HTTPStatus.CREATED, 0)
            error = (passed - arguments.limit) / arguments.limit * 100
            print(
                f"round {number}: {passed} of {arguments.requests} passed at a limit of "
                f"{arguments.limit} ({error:+.2f} %), statuses {dict(sorted(statuses.items()))}, "
                f"{arguments.requests / seconds:.0f} req/s over {arguments.workers} workers"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
else:
    app = build_app()
