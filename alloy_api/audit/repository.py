from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from alloy_api.audit.models import AuditEvent

FOLD_COUNT_KEY = "count"
COUNT_ONE_MORE = {
    "postgres": (
        "UPDATE audit_events SET details = jsonb_set(details, '{count}', "
        "to_jsonb(COALESCE((details->>'count')::int, 1) + 1)) WHERE id = $1"
    ),
    "sqlite": (
        "UPDATE audit_events SET details = json_set(details, '$.count', "
        "COALESCE(json_extract(details, '$.count'), 1) + 1) WHERE id = ?"
    ),
}
"""One more repeat of a folded event, in one statement (no read-modify-write race)."""


async def insert_event(**fields: Any) -> AuditEvent:
    return await AuditEvent.create(**fields)


async def _count_one_more(event_id: UUID) -> bool:
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    parameter: UUID | str = event_id if dialect == "postgres" else str(event_id)
    updated, _ = await connection.execute_query(COUNT_ONE_MORE[dialect], [parameter])
    return updated > 0


async def insert_or_count(event_id: UUID, **fields: Any) -> None:
    """The folded event `event_id` with a count of 1, or one more on its count if it exists."""
    if await _count_one_more(event_id):
        return
    try:
        await AuditEvent.create(id=event_id, **fields)
    except IntegrityError:
        await _count_one_more(event_id)


def events_matching(
    *,
    action: str | None,
    actor_id: UUID | None,
    since: datetime | None,
    actor: str | None = None,
) -> QuerySet[AuditEvent]:
    queryset = AuditEvent.all()
    if action is not None:
        queryset = queryset.filter(action=action)
    if actor_id is not None:
        queryset = queryset.filter(actor_id=actor_id)
    if actor is not None:
        queryset = queryset.filter(actor=actor)
    if since is not None:
        queryset = queryset.filter(created_at__gte=since)
    return queryset


async def newest(events: QuerySet[AuditEvent], limit: int) -> list[AuditEvent]:
    return await events.order_by("-created_at", "-id").limit(limit)
