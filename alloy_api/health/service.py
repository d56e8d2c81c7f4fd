"""Readiness: is every dependency this process needs answering right now?"""

import asyncio
import time
from collections.abc import Awaitable, Callable

from alloy_api.db.lifecycle import ping_database
from alloy_api.db.migrations import pending_migrations
from alloy_api.health.schemas import CheckResult, CheckStatus, ReadinessResponse
from alloy_api.kit.cache import is_in_process, ping_cache
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
        await ping_cache(state.cache)
        return "in-process" if is_in_process(state.cache) else "redis"

    names = ("database", "migrations", "cache")
    results = await asyncio.gather(*(_timed(check) for check in (database, migrations, cache)))
    checks = dict(zip(names, results, strict=True))
    all_ok = all(result.status is CheckStatus.OK for result in results)
    return ReadinessResponse(
        status=CheckStatus.OK if all_ok else CheckStatus.FAILING, checks=checks
    )
