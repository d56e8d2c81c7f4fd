"""Schemathesis over every operation of a served Alloy, anonymous and as a user.

`python -m loadtests.fuzz_api` (short: 10 examples per operation, server errors only) or
`python -m loadtests.fuzz_api --long` (50 examples per operation, every check). It starts
`alloy serve` on the embedded default in a temporary data dir on a free loopback port, with rate
limits off, registers a user, runs `st run` once without a token and once with the user's, and
exits non-zero when a run fails. Extra arguments after `--` go to `st run`.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

SCHEMATHESIS = Path(sys.executable).with_name("st")
READY_ATTEMPTS = 120
READY_PAUSE_SECONDS = 0.5
PASSWORD = "quiet lantern mosaic 8841 orbit"  # noqa: S105
SHORT = ["--max-examples", "10", "--checks", "not_a_server_error"]
LONG = ["--max-examples", "50", "--checks", "all"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served_alloy(data_dir: str) -> Iterator[str]:
    port = _free_port()
    environment = {**os.environ, "ALLOY_DATA_DIR": data_dir, "ALLOY_RATE_LIMIT_ENABLED": "false"}
    environment.pop("ALLOY_DATABASE_URL", None)
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "alloy_cli.main", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(READY_ATTEMPTS):
            try:
                if httpx.get(f"{base_url}/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(READY_PAUSE_SECONDS)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=20)


def user_token(base_url: str) -> str:
    email = f"fuzz-{uuid.uuid4().hex[:12]}@example.com"
    account = {"email": email, "password": PASSWORD, "name": "Fuzzer"}
    httpx.post(f"{base_url}/v1/auth/register", json=account, timeout=10).raise_for_status()
    login = httpx.post(
        f"{base_url}/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=10
    )
    login.raise_for_status()
    return login.json()["data"]["access_token"]


def schemathesis(base_url: str, options: list[str], headers: list[str]) -> int:
    command = [str(SCHEMATHESIS), "run", f"{base_url}/openapi.json", *options, *headers]
    return subprocess.run(command, check=False).returncode  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="50 examples, every check")
    parser.add_argument("st_options", nargs="*", help="passed to `st run` (after --)")
    arguments = parser.parse_args()
    options = [*(LONG if arguments.long else SHORT), *arguments.st_options]
    with (
        tempfile.TemporaryDirectory(prefix="alloy-fuzz-") as data_dir,
        served_alloy(data_dir) as base_url,
    ):
        token = user_token(base_url)
        anonymous = schemathesis(base_url, options, [])
        as_user = schemathesis(base_url, options, ["-H", f"Authorization: Bearer {token}"])
    return max(anonymous, as_user)


if __name__ == "__main__":
    sys.exit(main())
