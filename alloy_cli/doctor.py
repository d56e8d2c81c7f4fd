"""`alloy doctor`: is this machine fit to serve? One line per check, with the fix."""

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from pydantic import ValidationError as SettingsValidationError
from redis.asyncio import Redis
from tortoise import connections

from alloy_api.db import migrations
from alloy_api.db.lifecycle import close_database, open_database, ping_database
from alloy_api.settings import (
    RANDOM_SECRET_COMMAND,
    SECRET_FILE_NAME,
    InsecureConfigurationError,
    Settings,
    secret_problem,
)
from alloy_cli.common import JSON_OPTION_HELP, console, print_json, run, settings_problem

CHECK_TIMEOUT_SECONDS = 5.0
CLOCK_WARN_SECONDS = 1.0
PRIVATE_FILE_MODE = 0o600
CLOCK_OWNERS = {"database": "the database server's", "redis": "Redis's"}
NTP_FIX = (
    "synchronise this machine's clock (chrony or systemd-timesyncd); tokens, TOTP codes and"
    " workout times depend on it"
)


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str | None = None

    def line(self) -> str:
        fix = f" — fix: {self.fix}" if self.fix else ""
        return f"{self.status.value.upper():<8}{self.name:<15}{self.detail}{fix}"


def _where(url: str) -> str:
    """A database or Redis URL without its credentials."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return url.removeprefix("sqlite://")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


def configuration_check() -> tuple[Check, Settings | None]:
    try:
        settings = Settings()
    except (InsecureConfigurationError, SettingsValidationError) as error:
        fix = "set it as the README's configuration table says"
        return Check("configuration", Status.FAIL, settings_problem(error), fix), None
    database = "embedded SQLite" if settings.uses_embedded_database else "PostgreSQL"
    redis = "Redis" if settings.redis_url else "no Redis"
    detail = f"{settings.environment.value}; {database} at {_where(settings.resolved_database_url)}"
    return Check("configuration", Status.OK, f"{detail}; {redis}"), settings


def secret_check(settings: Settings) -> Check:
    if settings.secret_key is not None:
        problem = secret_problem(settings.secret_key.get_secret_value())
        if problem is not None:
            fix = f"use random bytes, e.g. the output of {RANDOM_SECRET_COMMAND}"
            return Check("secret", Status.WARN, f"ALLOY_SECRET_KEY {problem}", fix)
        return Check("secret", Status.OK, "ALLOY_SECRET_KEY is set (32+ random characters)")
    secret_path = settings.data_dir / SECRET_FILE_NAME
    if not secret_path.exists():
        return Check(
            "secret", Status.OK, f"development secret: generated into {secret_path} on first use"
        )
    mode = secret_path.stat().st_mode & 0o777
    if mode != PRIVATE_FILE_MODE:
        return Check(
            "secret",
            Status.WARN,
            f"{secret_path} is readable by others ({oct(mode)})",
            f"chmod 600 {secret_path}",
        )
    return Check("secret", Status.OK, f"development secret in {secret_path} (mode 600)")


async def _timed(work: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await asyncio.wait_for(work(), CHECK_TIMEOUT_SECONDS)
    return (time.perf_counter() - started) * 1000


def _failure(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:200] if str(error) else type(error).__name__


@dataclass(slots=True)
class Findings:
    """The checks so far, and the clock offsets of the servers that answered."""

    checks: list[Check] = field(default_factory=list)
    clock_offsets: dict[str, float] = field(default_factory=dict)


def _embedded_file(settings: Settings) -> Path | None:
    if not settings.uses_embedded_database:
        return None
    return Path(settings.resolved_database_url.removeprefix("sqlite://"))


async def database_checks(settings: Settings, findings: Findings) -> None:
    """The database answering and its migrations; its clock is compared later."""
    embedded_file = _embedded_file(settings)
    if embedded_file is not None and not embedded_file.exists():
        findings.checks += [
            Check("database", Status.OK, f"{embedded_file} is not created yet"),
            Check(
                "migrations", Status.WARN, "none applied yet", "alloy db upgrade, or alloy serve"
            ),
        ]
        return
    try:
        await asyncio.wait_for(open_database(settings), CHECK_TIMEOUT_SECONDS)
        latency_ms = await _timed(ping_database)
    except Exception as error:
        with contextlib.suppress(Exception):
            await close_database()
        fix = (
            f"check that {embedded_file} is readable and writable"
            if embedded_file
            else "start PostgreSQL or correct ALLOY_DATABASE_URL"
        )
        findings.checks += [
            Check("database", Status.FAIL, _failure(error), fix),
            Check("migrations", Status.SKIPPED, "skipped: the database does not answer"),
        ]
        return
    try:
        findings.checks += [
            Check("database", Status.OK, f"answers in {latency_ms:.1f} ms"),
            await migrations_check(settings),
        ]
        if embedded_file is None:
            findings.clock_offsets["database"] = await _database_clock_offset()
    finally:
        await close_database()


async def migrations_check(settings: Settings) -> Check:
    applied = set(await migrations.applied_migrations())
    known = migrations.migration_files(settings)
    unknown = sorted(applied - set(known))
    if unknown:
        return Check(
            "migrations",
            Status.FAIL,
            f"the database has migration(s) this release does not know: {', '.join(unknown)}",
            "deploy the release that wrote them, or roll them back with it (alloy db downgrade)",
        )
    pending = [name for name in known if name not in applied]
    if pending:
        detail = f"{len(pending)} pending: {', '.join(pending)}"
        return Check("migrations", Status.FAIL, detail, "alloy db upgrade")
    return Check("migrations", Status.OK, f"current ({len(known)} applied)")


async def _database_clock_offset() -> float:
    """How far the database server's clock is ahead of this machine's, in seconds."""
    before = time.time()
    _, rows = await connections.get("default").execute_query("SELECT now() AS now")
    after = time.time()
    return rows[0]["now"].timestamp() - (before + after) / 2


async def _redis_clock_offset(client: Redis) -> float:
    before = time.time()
    seconds, microseconds = await client.time()
    after = time.time()
    return seconds + microseconds / 1_000_000 - (before + after) / 2


async def redis_checks(settings: Settings, findings: Findings) -> None:
    if settings.redis_url is None:
        if settings.is_production:
            detail = "ALLOY_REDIS_URL is not set: each process would keep its own limits"
            fix = "set ALLOY_REDIS_URL=redis://host:6379/0"
            findings.checks.append(Check("redis", Status.FAIL, detail, fix))
            return
        detail = "not configured: cache, rate limits and login throttles are in-process"
        findings.checks.append(Check("redis", Status.OK, detail))
        return
    client = Redis.from_url(
        settings.redis_url,
        socket_timeout=settings.redis_timeout_seconds,
        socket_connect_timeout=settings.redis_timeout_seconds,
    )
    try:
        latency_ms = await _timed(client.ping)
        findings.clock_offsets["redis"] = await _redis_clock_offset(client)
    except Exception as error:
        fix = "start Redis or correct ALLOY_REDIS_URL"
        findings.checks.append(Check("redis", Status.FAIL, _failure(error), fix))
        return
    finally:
        await client.aclose()
    detail = f"{_where(settings.redis_url)} answers in {latency_ms:.1f} ms"
    findings.checks.append(Check("redis", Status.OK, detail))


def clock_check(settings: Settings, server: str, offset_seconds: float) -> Check:
    """Past the JWT leeway, tokens one host issues are refused by another (not yet valid)."""
    relation = "behind" if offset_seconds > 0 else "ahead of"
    detail = f"{abs(offset_seconds):.3f} s {relation} {CLOCK_OWNERS[server]} clock"
    if abs(offset_seconds) > settings.jwt_leeway_seconds:
        return Check("clock", Status.FAIL, f"{detail} (more than the JWT leeway)", NTP_FIX)
    if abs(offset_seconds) > CLOCK_WARN_SECONDS:
        return Check("clock", Status.WARN, detail, NTP_FIX)
    return Check("clock", Status.OK, detail)


def clock_checks(settings: Settings, offsets: dict[str, float]) -> list[Check]:
    if not offsets:
        now = f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC"
        return [Check("clock", Status.OK, f"{now}; no other server's clock to compare with")]
    return [clock_check(settings, server, offset) for server, offset in offsets.items()]


def all_checks() -> list[Check]:
    configuration, settings = configuration_check()
    if settings is None:
        skipped = "skipped: no valid configuration"
        names = ("database", "migrations", "redis", "secret", "clock")
        return [configuration, *(Check(name, Status.SKIPPED, skipped) for name in names)]

    async def gather() -> Findings:
        findings = Findings(checks=[configuration])
        await database_checks(settings, findings)
        await redis_checks(settings, findings)
        return findings

    findings = run(gather())
    return [
        *findings.checks,
        secret_check(settings),
        *clock_checks(settings, findings.clock_offsets),
    ]


def doctor(
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """Check the configuration, database, migrations, Redis, secret and clock.

    One line each, with the fix for what fails; exits 1 when a check fails (warnings do not).
    """
    checks = all_checks()
    failing = [check for check in checks if check.status is Status.FAIL]
    if as_json:
        print_json(
            {
                "status": "failing" if failing else "ok",
                "checks": [{**asdict(check), "status": check.status.value} for check in checks],
            }
        )
    else:
        for check in checks:
            console.print(check.line(), highlight=False, markup=False)
    if failing:
        raise typer.Exit(code=1)
