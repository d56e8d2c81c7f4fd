"""Readiness: is every dependency this process needs answering right now?

The database, the migrations and the cache are required: any of them failing is `failing`.
Each read replica (`replica_0`, ... in the order of `ALLOY_DATABASE_REPLICA_URLS`) is checked
too, but the primary can serve every read: a failing replica makes the whole `degraded`, and
its check takes it out of the reads until a later check finds it answering.
"""

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable, Iterable

from alloy_api.db.lifecycle import ping_database
from alloy_api.db.migrations import pending_migrations
from alloy_api.db.replicas import check_replica, replica_names
from alloy_api.health.schemas import CheckResult, CheckStatus, ReadinessResponse
from alloy_api.observability.metrics import record_readiness
from alloy_api.state import AppState

CHECK_TIMEOUT_SECONDS = 2.0


async def _timed(check: Callable[[], Awaitable[str | None]]) -> CheckResult:
    started_at = time.perf_counter()
    try:
        detail = await asyncio.wait_for(check(), CHECK_TIMEOUT_SECONDS)
        status = CheckStatus.OK
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"[:200]
        status = CheckStatus.FAILING
    latency_ms = round((time.perf_counter() - started_at) * 1000, 3)
    return CheckResult(status=status, latency_ms=latency_ms, detail=detail)


async def check_readiness(state: AppState) -> ReadinessResponse:
    async def database() -> None:
        await ping_database()

    async def migrations() -> str | None:
        pending = await pending_migrations(state.settings)
        if pending:
            raise RuntimeError(f"pending migrations: {', '.join(pending)}")
        return None

    async def cache() -> str:
        await state.cache.backend.ping()
        return "in-process" if state.cache.in_process else "redis"

    required: dict[str, Callable[[], Awaitable[str | None]]] = {
        "database": database,
        "migrations": migrations,
        "cache": cache,
    }
    replicas = {
        name: functools.partial(check_replica, name)
        for name in replica_names(len(state.settings.database_replica_urls))
    }
    named = {**required, **replicas}
    results = await asyncio.gather(*(_timed(check) for check in named.values()))
    checks = dict(zip(named, results, strict=True))
    record_readiness({name: result.status is CheckStatus.OK for name, result in checks.items()})
    return ReadinessResponse(status=_overall(checks, required), checks=checks)


def _overall(checks: dict[str, CheckResult], required: Iterable[str]) -> CheckStatus:
    if any(checks[name].status is CheckStatus.FAILING for name in required):
        return CheckStatus.FAILING
    if any(result.status is CheckStatus.FAILING for result in checks.values()):
        return CheckStatus.DEGRADED
    return CheckStatus.OK
