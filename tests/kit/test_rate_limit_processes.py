"""Limits are shared by every process: two servers, one Redis, one exact budget."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

TEST_REDIS_URL = os.environ.get("ALLOY_TEST_REDIS_URL")
TEST_DATABASE_URL = os.environ.get("ALLOY_TEST_DATABASE_URL")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
GRANIAN = Path(sys.executable).parent / "granian"
STARTUP_SECONDS = 90

pytestmark = pytest.mark.skipif(
    TEST_REDIS_URL is None, reason="limits are shared through Redis (ALLOY_TEST_REDIS_URL)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_live(base_url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/health/live", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise TimeoutError(f"{base_url} did not come up")


@pytest.fixture
def two_servers(settings) -> Iterator[list[str]]:
    environment = {
        **os.environ,
        "ALLOY_DATA_DIR": str(settings.data_dir),
        "ALLOY_REDIS_URL": TEST_REDIS_URL,
        "ALLOY_RATE_LIMIT_GENERATE": "10/hour",
        "ALLOY_LOG_LEVEL": "WARNING",
    }
    if TEST_DATABASE_URL:
        environment["ALLOY_DATABASE_URL"] = TEST_DATABASE_URL
    servers, base_urls = [], []
    try:
        for _ in range(2):
            port = free_port()
            command = [str(GRANIAN), "--interface", "asgi", "--host", "127.0.0.1"]
            command += ["--port", str(port), "--workers", "1", "tests.scale_app:app"]
            servers.append(
                subprocess.Popen(
                    command,
                    cwd=PROJECT_ROOT,
                    env=environment,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
            base_urls.append(f"http://127.0.0.1:{port}")
        for base_url, server in zip(base_urls, servers, strict=True):
            wait_until_live(base_url, server)
        yield base_urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=15)


async def test_a_hundred_concurrent_requests_across_two_processes_pass_exactly_ten(
    two_servers, user_account
) -> None:
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        responses = await asyncio.gather(
            *(
                client.post(
                    f"{two_servers[number % 2]}/v1/generations",
                    json={"name": "plate"},
                    headers=user_account.headers,
                )
                for number in range(100)
            )
        )
    statuses = [response.status_code for response in responses]
    assert statuses.count(201) == 10
    assert statuses.count(429) == 90
    rejected = next(response for response in responses if response.status_code == 429)
    assert rejected.json()["errors"][0]["code"] == "RATE_LIMIT_EXCEEDED"
    assert rejected.headers.get_list("Retry-After") == [rejected.headers["Retry-After"]]
