from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.queryset import QuerySet

from alloy_api.audit.models import AuditEvent


async def insert_event(**fields: Any) -> AuditEvent:
    return await AuditEvent.create(**fields)


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
