"""Read replicas: reads go to a replica, writes to the primary, and a writer reads its own writes.

`ReplicaRouter` is the Tortoise router used when `ALLOY_DATABASE_REPLICA_URLS` names replicas.
- Writes always go to the primary, and the first write pins the rest of the current task (one
  request) to the primary, so a request reads what it just wrote whatever the replicas' lag.
- Reads inside a transaction go to the primary, where Tortoise hands out the transaction's own
  connection; Tortoise's router would otherwise send them to a replica that cannot see it.
- Other reads go round-robin to the replicas.
Transactions must name the primary: `in_transaction(PRIMARY)`.
"""

import itertools
from contextvars import ContextVar
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

PRIMARY = "default"
REPLICA_PREFIX = "replica_"
_pinned_to_primary: ContextVar[bool] = ContextVar("alloy_pinned_to_primary", default=False)


def replica_names(count: int) -> list[str]:
    return [f"{REPLICA_PREFIX}{number}" for number in range(count)]


def pin_to_primary() -> None:
    """Send every later read of the current request to the primary."""
    _pinned_to_primary.set(True)


def is_pinned_to_primary() -> bool:
    return _pinned_to_primary.get()


def _in_primary_transaction() -> bool:
    return isinstance(connections.get(PRIMARY), TransactionalDBClient)


class ReplicaRouter:
    """Instantiated by Tortoise from `routers`; finds the replicas in the connection config."""

    def __init__(self) -> None:
        names = sorted(name for name in connections.db_config if name.startswith(REPLICA_PREFIX))
        self._replicas = itertools.cycle(names) if names else None

    def db_for_read(self, model: Any) -> str:
        if self._replicas is None or is_pinned_to_primary() or _in_primary_transaction():
            return PRIMARY
        return next(self._replicas)

    def db_for_write(self, model: Any) -> str:
        pin_to_primary()
        return PRIMARY
