"""Read replicas: reads go to a replica, writes to the primary, and a writer reads its own writes.

`ReplicaRouter` is the Tortoise router used when `ALLOY_DATABASE_REPLICA_URLS` names replicas.
- Writes always go to the primary, and the first write pins the rest of the current task (one
  request) to the primary, so a request reads what it just wrote whatever the replicas' lag.
- Reads inside a transaction go to the primary, where Tortoise hands out the transaction's own
  connection; Tortoise's router would otherwise send them to a replica that cannot see it.
- Other reads go round-robin to the replicas that answered their last check; while none does,
  they go to the primary. `check_replica` (run by readiness and every
  `ALLOY_DATABASE_REPLICA_CHECK_SECONDS` by `watch_replicas`) takes a replica out and puts it back.
Transactions must name the primary: `in_transaction(PRIMARY)`.
"""

import asyncio
import itertools
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

from loguru import logger
from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

PRIMARY = "default"
REPLICA_PREFIX = "replica_"
REPLICA_CHECK_TIMEOUT_SECONDS = 1.0
_pinned_to_primary: ContextVar[bool] = ContextVar("alloy_pinned_to_primary", default=False)
_failing_replicas: set[str] = set()
"""Replicas of this process whose last check failed: reads skip them."""


def replica_names(count: int) -> list[str]:
    return [f"{REPLICA_PREFIX}{number}" for number in range(count)]


def pin_to_primary() -> None:
    """Send every later read of the current request to the primary."""
    _pinned_to_primary.set(True)


def is_pinned_to_primary() -> bool:
    return _pinned_to_primary.get()


def _in_primary_transaction() -> bool:
    return isinstance(connections.get(PRIMARY), TransactionalDBClient)


def failing_replicas() -> frozenset[str]:
    return frozenset(_failing_replicas)


def _record_check(name: str, error: Exception | None) -> None:
    if error is None and name in _failing_replicas:
        _failing_replicas.discard(name)
        logger.info("replica {} answers again: reads go to it", name)
    elif error is not None and name not in _failing_replicas:
        _failing_replicas.add(name)
        logger.warning("replica {} failing, reads skip it: {}", name, type(error).__name__)


async def check_replica(name: str) -> None:
    """Ping a replica; reads skip it from a failed check until a check succeeds."""
    try:
        await asyncio.wait_for(
            connections.get(name).execute_query("SELECT 1"), REPLICA_CHECK_TIMEOUT_SECONDS
        )
    except Exception as error:
        _record_check(name, error)
        raise
    _record_check(name, None)


async def watch_replicas(names: Sequence[str], interval_seconds: float) -> None:
    """Check every replica now and then every `interval_seconds`, until cancelled."""
    while True:
        await asyncio.gather(*(check_replica(name) for name in names), return_exceptions=True)
        await asyncio.sleep(interval_seconds)


class ReplicaRouter:
    """Instantiated by Tortoise from `routers`; finds the replicas in the connection config."""

    def __init__(self) -> None:
        names = sorted(name for name in connections.db_config if name.startswith(REPLICA_PREFIX))
        self._count = len(names)
        self._replicas = itertools.cycle(names)
        _failing_replicas.clear()

    def _next_answering_replica(self) -> str:
        for _ in range(self._count):
            name = next(self._replicas)
            if name not in _failing_replicas:
                return name
        return PRIMARY

    def db_for_read(self, model: Any) -> str:
        if not self._count or is_pinned_to_primary() or _in_primary_transaction():
            return PRIMARY
        return self._next_answering_replica()

    def db_for_write(self, model: Any) -> str:
        pin_to_primary()
        return PRIMARY
