"""`transactional`: one database transaction per service method, with retries on PostgreSQL.

Tortoise takes no isolation level and lets asyncpg's serialization and deadlock errors through
unwrapped; this helper sets the level as the transaction's first statement, retries those two
failures a bounded number of times with jittered backoff, and rolls back on any error. Cache
invalidations requested inside run once the transaction has committed.
Repositories read the transaction's connection from `current_connection()`.
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
from alloy_api.kit.cache import invalidations_after_commit

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


async def run_in_transaction(
    work: Callable[[], Awaitable[ResultT]],
    *,
    isolation: Isolation | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    connection_name: str = PRIMARY,
) -> ResultT:
    """Run `work` in one transaction; a transaction already open in this task is joined."""
    if current_connection() is not None:
        return await work()
    for attempt in range(1, max_attempts + 1):
        try:
            async with invalidations_after_commit(), in_transaction(connection_name) as connection:
                token = _current_connection.set(connection)
                try:
                    await _set_isolation(connection, isolation)
                    return await work()
                finally:
                    _current_connection.reset(token)
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
