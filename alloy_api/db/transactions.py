"""`transactional`: one database transaction per service method, with retries on PostgreSQL.

Tortoise takes no isolation level and lets asyncpg's serialization and deadlock errors through
unwrapped; this helper sets the level as the transaction's first statement, retries those two
failures a bounded number of times with jittered backoff, and rolls back on any error.

A transaction opened while another is open in the same task (a service called by the route that
an idempotency key guards, see `alloy_api.idempotency`) is a savepoint of it: its writes are still
undone when it fails, and only the outermost transaction retries.

Cache invalidations requested inside are written to the outbox in the same transaction and
applied once it commits (`kit.cache`, `db.outbox`), so a failure of the cache after the commit
loses none of them. Repositories read the transaction's connection from `current_connection()`.
"""

import asyncio
import functools
import random
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from enum import StrEnum
from typing import ParamSpec, TypeVar

import asyncpg
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from alloy_api.db.replicas import PRIMARY
from alloy_api.kit.cache import Invalidation, active_cache, collecting_invalidations

DEFAULT_MAX_ATTEMPTS = 5
RETRY_BASE_DELAY_SECONDS = 0.01
RETRY_MAX_DELAY_SECONDS = 0.5
RETRYABLE_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.DeadlockDetectedError,
)

ParamsT = ParamSpec("ParamsT")
ResultT = TypeVar("ResultT")

_current_connection: ContextVar[BaseDBAsyncClient | None] = ContextVar(
    "current_transaction_connection", default=None
)


class Isolation(StrEnum):
    READ_COMMITTED = "READ COMMITTED"
    REPEATABLE_READ = "REPEATABLE READ"
    SERIALIZABLE = "SERIALIZABLE"


def current_connection() -> BaseDBAsyncClient | None:
    """The connection of the transaction this task runs in, if any."""
    return _current_connection.get()


def is_retryable(error: BaseException) -> bool:
    """A serialization failure or deadlock, raw or wrapped by the ORM."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, RETRYABLE_ERRORS):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def retry_delay(attempt: int) -> float:
    """Full jitter: a random wait up to an exponentially growing cap."""
    cap = min(RETRY_MAX_DELAY_SECONDS, RETRY_BASE_DELAY_SECONDS * 2**attempt)
    return random.uniform(0, cap)  # noqa: S311 - jitter, not a secret


async def _set_isolation(connection: BaseDBAsyncClient, isolation: Isolation | None) -> None:
    if isolation is not None and connection.capabilities.dialect == "postgres":
        await connection.execute_script(f"SET TRANSACTION ISOLATION LEVEL {isolation.value}")


async def _in_savepoint(work: Callable[[], Awaitable[ResultT]], connection_name: str) -> ResultT:
    async with in_transaction(connection_name) as savepoint:
        token = _current_connection.set(savepoint)
        try:
            return await work()
        finally:
            _current_connection.reset(token)


async def _record_outbox(
    pending: list[Invalidation], connection: BaseDBAsyncClient
) -> tuple[int | None, list[Invalidation]]:
    """Write the transaction's invalidations to the outbox, inside it; the entry's id."""
    cache = active_cache()
    if not pending or cache is None or cache.outbox is None:
        return None, list(pending)
    return await cache.outbox.record(pending, connection), list(pending)


async def _apply_committed(entry_id: int | None, invalidations: list[Invalidation]) -> None:
    cache = active_cache()
    if cache is None or not invalidations:
        return
    if entry_id is None:
        await cache.apply(invalidations)
    else:
        await cache.apply_recorded(invalidations, entry_id)


async def run_in_transaction(
    work: Callable[[], Awaitable[ResultT]],
    *,
    isolation: Isolation | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    connection_name: str = PRIMARY,
) -> ResultT:
    """Run `work` in one transaction (a savepoint of the one open in this task, if any)."""
    if current_connection() is not None:
        return await _in_savepoint(work, connection_name)
    for attempt in range(1, max_attempts + 1):
        try:
            async with (
                collecting_invalidations() as pending,
                in_transaction(connection_name) as connection,
            ):
                token = _current_connection.set(connection)
                try:
                    await _set_isolation(connection, isolation)
                    result = await work()
                    entry_id, invalidations = await _record_outbox(pending, connection)
                finally:
                    _current_connection.reset(token)
            await _apply_committed(entry_id, invalidations)
            return result
        except Exception as error:
            if attempt == max_attempts or not is_retryable(error):
                raise
        await asyncio.sleep(retry_delay(attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")


def transactional(
    isolation: Isolation | None = None,
    *,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> Callable[[Callable[ParamsT, Awaitable[ResultT]]], Callable[ParamsT, Awaitable[ResultT]]]:
    """Decorate an async service method so that it runs in one transaction."""

    def decorator(
        method: Callable[ParamsT, Awaitable[ResultT]],
    ) -> Callable[ParamsT, Awaitable[ResultT]]:
        @functools.wraps(method)
        async def wrapper(*args: ParamsT.args, **kwargs: ParamsT.kwargs) -> ResultT:
            return await run_in_transaction(
                lambda: method(*args, **kwargs), isolation=isolation, max_attempts=max_attempts
            )

        return wrapper

    return decorator
