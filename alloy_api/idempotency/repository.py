"""The queries of idempotency keys; each runs in the transaction of the request it guards."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from alloy_api.db.transactions import current_connection
from alloy_api.idempotency.models import IdempotencyKey

LOCK_QUERY = "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked"


@dataclass(frozen=True, slots=True)
class KeyScope:
    user_id: UUID
    method: str
    route: str
    key: str

    @property
    def lock_name(self) -> str:
        return f"{self.user_id}|{self.method}|{self.route}|{self.key}"


def _transaction() -> BaseDBAsyncClient:
    connection = current_connection()
    if connection is None:
        raise RuntimeError("idempotency keys are read and written inside the guarded transaction")
    return connection


def _scoped(scope: KeyScope) -> dict[str, object]:
    return {
        "user_id": scope.user_id,
        "method": scope.method,
        "route": scope.route,
        "key": scope.key,
    }


async def hold(scope: KeyScope, expired_before: datetime) -> bool:
    """Hold the key for the rest of the transaction; False when another transaction holds it.

    On PostgreSQL a transaction-scoped advisory lock says who holds the key: it is released when
    the transaction ends, committed or not, so a request that dies leaves nothing held. SQLite
    has one writer at a time: deleting the key's expired outcome (the first statement) takes the
    write lock, so a second request with the key waits for the first to finish and then reads
    its outcome.
    """
    connection = _transaction()
    if connection.capabilities.dialect == "postgres":
        rows = await connection.execute_query_dict(LOCK_QUERY, [scope.lock_name])
        if not rows[0]["locked"]:
            return False
    await (
        IdempotencyKey.filter(**_scoped(scope), created_at__lt=expired_before)
        .using_db(connection)
        .delete()
    )
    return True


async def outcome(scope: KeyScope) -> IdempotencyKey | None:
    return await IdempotencyKey.filter(**_scoped(scope)).using_db(_transaction()).first()


async def keep(
    scope: KeyScope, fingerprint: str, status: int, headers: dict[str, str], body: bytes
) -> None:
    await IdempotencyKey.create(
        **_scoped(scope),
        fingerprint=fingerprint,
        status=status,
        headers=headers,
        body=body,
        using_db=_transaction(),
    )


async def delete_older_than(cutoff: datetime) -> int:
    return await IdempotencyKey.filter(created_at__lt=cutoff).delete()
