from typing import Any, Self
from uuid import UUID

from pydantic import BaseModel, Field

from alloy_api.audit.models import ACTION_MAX_LENGTH, AuditEvent
from alloy_api.kit.pagination import PageQuery
from alloy_api.kit.time import UtcDateTime


class AuditEventQuery(PageQuery):
    action: str | None = Field(None, max_length=ACTION_MAX_LENGTH)
    actor_id: UUID | None = None
    since: UtcDateTime | None = None


class AuditEventResponse(BaseModel):
    id: str
    action: str
    outcome: str
    actor_id: str | None
    actor: str
    target_type: str | None
    target_id: str | None
    ip: str | None
    user_agent: str | None
    request_id: str | None
    details: dict[str, Any]
    created_at: UtcDateTime

    @classmethod
    def from_model(cls, event: AuditEvent) -> Self:
        return cls(
            id=str(event.id),
            action=event.action,
            outcome=event.outcome,
            actor_id=str(event.actor_id) if event.actor_id else None,
            actor=event.actor,
            target_type=event.target_type,
            target_id=event.target_id,
            ip=event.ip,
            user_agent=event.user_agent,
            request_id=event.request_id,
            details=event.details,
            created_at=event.created_at,
        )
