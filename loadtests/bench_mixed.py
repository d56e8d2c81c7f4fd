"""The mixed journey at half of saturation: Alloy on 2 granian workers, PostgreSQL + Redis, Locust
on the same machine.

1. Creates the benchmark database afresh, migrates and seeds it, flushes the Redis database, and
   creates an admin with 2FA for the Administrator journey.
2. Starts `alloy serve --workers 2` (production settings, a random signing secret). Every
   anonymous request of the run comes from one address, so the auth class limit is raised;
   every other limit keeps its default.
3. Saturation: runs `alloy loadtest run --scenario mixed` at growing user counts and takes the
   highest total throughput reached (and the first step with failures) as saturation.
4. Runs the mixed journey with the users that give half of that throughput, long enough for
   `--requests` requests, and prints its report (`alloy loadtest run` judges it against
   `loadtests/thresholds.toml`).

    .venv/bin/python -m loadtests.bench_mixed                         # steps 50,100,200,400
    .venv/bin/python -m loadtests.bench_mixed --steps 100,200 --step-seconds 60 --requests 100000

BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/alloy_bench_mixed, dropped and
created) and BENCH_REDIS_URL (default redis://127.0.0.1:6379/8, flushed) must be yours alone.
"""

import argparse
import asyncio
import math
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import orjson
import pyotp
import redis

ROOT = Path(__file__).resolve().parent.parent
ADMIN_EMAIL = "bench-admin@example.com"
ADMIN_PASSWORD = "copper harbour mantis 58 violet drum"  # noqa: S105 - a throwaway bench account
SECRET_IN_URI = re.compile(r"secret=([A-Z2-7]+)")
HALF = 0.5
DURATION_MARGIN = 1.1
SPAWN_RATE = 5
"""Users started per second: each new user registers, logs in and most generate a program."""


def _alloy(*args: str, env: dict[str, str], stdin: str | None = None) -> str:
    command = [sys.executable, "-m", "alloy_cli.main", *args]
    return subprocess.run(  # noqa: S603
        command, env=env, input=stdin, capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout


async def _recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = await asyncpg.connect(urlunsplit(parts._replace(scheme="postgresql", path="/postgres")))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()


def prepare(env: dict[str, str]) -> str:
    """A fresh database with the library and an admin with 2FA; the admin's TOTP secret.

    Returns once the enrolment's code is spent: a code is accepted once, so the admin's first
    login needs the next one.
    """
    asyncio.run(_recreate_database(env["ALLOY_DATABASE_URL"]))
    redis.Redis.from_url(env["ALLOY_REDIS_URL"]).flushdb()
    _alloy("db", "upgrade", env=env)
    _alloy("seed", env=env)
    _alloy(
        "users", "create", "--email", ADMIN_EMAIL, "--role", "admin", "--password-stdin",
        env=env, stdin=ADMIN_PASSWORD + "\n",
    )  # fmt: skip
    enrolment = _alloy("2fa", "enrol", ADMIN_EMAIL, env=env)
    match = SECRET_IN_URI.search(enrolment)
    if match is None:
        raise RuntimeError("no TOTP secret in the enrolment output")
    secret = match.group(1)
    totp = pyotp.TOTP(secret)
    _alloy("2fa", "enrol", ADMIN_EMAIL, "--code", totp.now(), env=env)
    time.sleep(totp.interval - time.time() % totp.interval + 1)
    return secret


@contextmanager
def served(env: dict[str, str], port: int) -> Iterator[str]:
    command = [
        sys.executable,
        "-m",
        "alloy_cli.main",
        "serve",
        "--workers",
        "2",
        "--port",
        str(port),
    ]
    log = tempfile.NamedTemporaryFile("w", prefix="alloy-mixed-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)  # noqa: S603
    host = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{host}/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError(f"the server did not become ready; see {log.name}")
        yield host
    finally:
        server.terminate()
        server.wait(timeout=30)
        print(f"server log: {log.name}")


def run_mixed(host: str, users: int, seconds: int, report_dir: Path, env: dict[str, str]) -> dict:
    command = [
        sys.executable, "-m", "alloy_cli.main", "loadtest", "run", "--scenario", "mixed",
        "--users", str(users), "--spawn-rate", str(SPAWN_RATE), "--duration", f"{seconds}s",
        "--host", host, "--report-dir", str(report_dir),
    ]  # fmt: skip
    finished = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)  # noqa: S603
    print(finished.stdout)
    return orjson.loads((report_dir / "summary.json").read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", default="50,100,200,400", help="user counts to try")
    parser.add_argument("--step-seconds", type=int, default=60)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=18300)
    parser.add_argument("--report-root", type=Path, default=ROOT / "loadtests" / "reports")
    options = parser.parse_args()
    env = {
        **os.environ,
        "ALLOY_ENVIRONMENT": "production",
        "ALLOY_SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOY_METRICS_TOKEN": secrets.token_urlsafe(24),
        "ALLOY_DATA_DIR": tempfile.mkdtemp(prefix="alloy-mixed-"),
        "ALLOY_DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/alloy_bench_mixed"
        ),
        "ALLOY_REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
        "ALLOY_RATE_LIMIT_AUTH": "1000000/minute",
        "ALLOY_LOADTEST_ADMIN_EMAIL": ADMIN_EMAIL,
        "ALLOY_LOADTEST_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    env["ALLOY_LOADTEST_ADMIN_TOTP_SECRET"] = prepare(env)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    with served(env, options.port) as host:
        steps: list[tuple[int, dict]] = []
        for users in (int(step) for step in options.steps.split(",")):
            total = run_mixed(
                host,
                users,
                options.step_seconds,
                options.report_root / f"{stamp}-step-{users}",
                env,
            )["total"]
            steps.append((users, total))
            print(f"step {users} users: {total['rps']:.1f} req/s, {total['failures']} failures")
        saturation_users, saturation = max(steps, key=lambda step: step[1]["rps"])
        failing = [users for users, total in steps if total["failures"]]
        lightest_users, lightest = steps[0]
        per_user = lightest["rps"] / lightest_users
        half_rps = saturation["rps"] * HALF
        users = max(1, round(half_rps / per_user))
        seconds = math.ceil(options.requests / half_rps * DURATION_MARGIN + users / SPAWN_RATE)
        print(f"saturation {saturation['rps']:.1f} req/s at {saturation_users} users")
        print(f"failures began at {failing[0]} users" if failing else "no step had failures")
        print(f"half of saturation: {half_rps:.1f} req/s = {users} users for {seconds} s")
        run_mixed(host, users, seconds, options.report_root / f"{stamp}-half-saturation", env)


if __name__ == "__main__":
    main()
