"""A real `alloy serve` process on a free port, for tests that need a server over the network."""

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

READY_ATTEMPTS = 150
READY_PAUSE_SECONDS = 0.2
SHARED_SERVICES = {
    "ALLOY_DATABASE_URL": "ALLOY_TEST_DATABASE_URL",
    "ALLOY_REDIS_URL": "ALLOY_TEST_REDIS_URL",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served_data_dir(tmp_path: Path) -> Path:
    return tmp_path / "served"


@contextlib.contextmanager
def embedded_server(data_dir: Path, **settings: str) -> Iterator[str]:
    """`alloy serve` on the embedded default in `data_dir`, with these ALLOY_* settings, once it
    answers ready; its base URL."""
    port = free_port()
    environment = {**os.environ, "ALLOY_DATA_DIR": str(data_dir), **settings}
    environment.pop("ALLOY_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    host = f"http://127.0.0.1:{port}"
    try:
        for _ in range(READY_ATTEMPTS):
            try:
                if httpx.get(f"{host}/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(READY_PAUSE_SECONDS)
        yield host
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def served_host(served_data_dir: Path) -> Iterator[str]:
    """`alloy serve` on the embedded default, in its own data dir, once it answers ready."""
    with embedded_server(served_data_dir) as host:
        yield host


@pytest.fixture
async def other_process(settings: Any) -> AsyncIterator[str]:
    """`alloy serve` in its own process, on the same database and Redis as the test app (on the
    embedded default: the same SQLite file, with its own in-process cache)."""
    port = free_port()
    environment = {**os.environ, "ALLOY_DATA_DIR": str(settings.data_dir)}
    for variable, test_variable in SHARED_SERVICES.items():
        environment.pop(variable, None)
        if os.environ.get(test_variable):
            environment[variable] = os.environ[test_variable]
    server = subprocess.Popen(
        [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    host = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=host, timeout=2) as probe:
            for _ in range(READY_ATTEMPTS):
                with contextlib.suppress(httpx.HTTPError):
                    if (await probe.get("/health/ready")).status_code == 200:
                        break
                await asyncio.sleep(READY_PAUSE_SECONDS)
        yield host
    finally:
        server.terminate()
        server.wait(timeout=20)
