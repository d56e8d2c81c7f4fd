"""`record(...)`: the one way security events and admin writes reach the audit log."""

from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol
from uuid import UUID, uuid5

from loguru import logger
from quart import has_request_context, request

from alloy_api.audit import repository
from alloy_api.audit.models import AuditEvent
from alloy_api.audit.schemas import AuditEventQuery
from alloy_api.kit.client import client_ip
from alloy_api.kit.pagination import Page, paginate
from alloy_api.kit.pipeline import current_state
from alloy_api.kit.time import utc_now

MAX_USER_AGENT_LENGTH = 512
ROUTE_TARGET = "route"


class Outcome(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"


class AuditAction(StrEnum):
    USER_REGISTERED = "user_registered"
    USER_CREATED = "user_created"
    LOGIN_SUCCEEDED = "login_succeeded"
    LOGIN_FAILED = "login_failed"
    LOGIN_THROTTLED = "login_throttled"
    LOGOUT = "logout"
    SESSIONS_ENDED = "sessions_ended"
    REFRESH_TOKEN_REUSED = "refresh_token_reused"  # noqa: S105
    PASSWORD_CHANGED = "password_changed"  # noqa: S105
    PROFILE_UPDATED = "profile_updated"
    ROLE_GRANTED = "role_granted"
    ROLE_REVOKED = "role_revoked"
    USER_ACTIVATED = "user_activated"
    USER_DEACTIVATED = "user_deactivated"
    EMAIL_NORMALISED = "email_normalised"
    TWO_FACTOR_ENROLMENT_STARTED = "two_factor_enrolment_started"
    TWO_FACTOR_ENABLED = "two_factor_enabled"
    TWO_FACTOR_DISABLED = "two_factor_disabled"
    TWO_FACTOR_FAILED = "two_factor_failed"
    TWO_FACTOR_RESET = "two_factor_reset"
    RECOVERY_CODE_USED = "recovery_code_used"
    LEGACY_ADMIN_TOKEN_USED = "legacy_admin_token_used"  # noqa: S105
    ACCESS_DENIED = "access_denied"
    TOKEN_REJECTED = "token_rejected"  # noqa: S105
    MOVEMENT_CREATED = "movement_created"
    MOVEMENT_UPDATED = "movement_updated"
    MOVEMENT_DELETED = "movement_deleted"
    CIRCUIT_CREATED = "circuit_created"
    CIRCUIT_UPDATED = "circuit_updated"
    CIRCUIT_DELETED = "circuit_deleted"
    SCORING_CONFIG_PUBLISHED = "scoring_config_published"
    SCORING_CONFIG_ACTIVATED = "scoring_config_activated"
    LIBRARY_SEEDED = "library_seeded"
    CACHE_FLUSHED = "cache_flushed"
    IDEMPOTENCY_KEYS_PRUNED = "idempotency_keys_pruned"
    REFRESH_TOKENS_PRUNED = "refresh_tokens_pruned"


def _request_facts() -> dict[str, str | None]:
    if not has_request_context():
        return {"ip": None, "user_agent": None, "request_id": None}
    user_agent = request.headers.get("User-Agent")
    state = current_state()
    return {
        "ip": client_ip(),
        "user_agent": user_agent[:MAX_USER_AGENT_LENGTH] if user_agent else None,
        "request_id": state.request_id if state is not None else None,
    }


async def record(
    action: AuditAction | str,
    *,
    actor: str,
    actor_id: UUID | str | None = None,
    outcome: Outcome = Outcome.SUCCESS,
    target_type: str | None = None,
    target_id: UUID | str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; IP, user agent and request id come from the current request."""
    event = await repository.insert_event(
        action=str(action),
        outcome=str(outcome),
        actor=actor,
        actor_id=actor_id,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        details=details or {},
        **_request_facts(),
    )
    logger.bind(
        audit_action=str(action), outcome=str(outcome), actor=actor, target_id=event.target_id
    ).info("audit")
    return event


FOLD_NAMESPACE = UUID("5f0c1d5e-7a11-4c0e-9a57-a1109a0d17e0")
FOLD_SECONDS = 60


def _fold_id(action: str, who: str, route: str, moment: datetime) -> UUID:
    minute = int(moment.timestamp()) // FOLD_SECONDS
    return uuid5(FOLD_NAMESPACE, f"{action}|{who}|{route}|{minute}")


async def record_folded(
    action: AuditAction,
    *,
    actor: str,
    actor_id: UUID | str | None,
    route: str,
    details: dict[str, Any],
) -> None:
    """A refusal that may repeat by the thousand (403s, rejected tokens): one event per minute per
    (action, user or address, route), whose `details.count` counts the repeats, so a flood adds
    one row a minute, not one per request."""
    facts = _request_facts()
    who = f"user:{actor_id}" if actor_id is not None else f"ip:{facts['ip']}"
    await repository.insert_or_count(
        _fold_id(str(action), who, route, utc_now()),
        action=str(action),
        outcome=str(Outcome.FAILURE),
        actor=actor,
        actor_id=actor_id,
        target_type=ROUTE_TARGET,
        target_id=route,
        details={**details, repository.FOLD_COUNT_KEY: 1},
        **facts,
    )
    logger.bind(audit_action=str(action), outcome=str(Outcome.FAILURE), actor=actor).info("audit")


def user_actor(user_id: UUID | str) -> str:
    return f"user:{user_id}"


USER_TARGET = "user"


async def record_own_account_event(
    action: AuditAction | str,
    user_id: UUID,
    *,
    outcome: Outcome = Outcome.SUCCESS,
    details: dict[str, Any] | None = None,
) -> None:
    """An event a user caused on their own account: the user is both actor and target."""
    await record(
        action,
        actor=user_actor(user_id),
        actor_id=user_id,
        outcome=outcome,
        target_type=USER_TARGET,
        target_id=user_id,
        details=details,
    )


class Acting(Protocol):
    """Who acts on a shared resource (the auth package's `Principal`)."""

    @property
    def actor(self) -> str: ...

    @property
    def user_id(self) -> UUID | None: ...


async def record_admin_write(
    acting: Acting,
    action: AuditAction,
    target_type: str,
    target_id: UUID,
    details: dict[str, Any],
) -> None:
    """A write to a shared resource (system library entries, the scoring config)."""
    await record(
        action,
        actor=acting.actor,
        actor_id=acting.user_id,
        target_type=target_type,
        target_id=target_id,
        details=details,
    )


async def record_library_seeded(
    actor: str, actor_id: UUID | None, target_type: str, added: list[str], skipped: int
) -> None:
    """A seeding step that added entries to the shipped library."""
    await record(
        AuditAction.LIBRARY_SEEDED,
        actor=actor,
        actor_id=actor_id,
        target_type=target_type,
        details={"added": added, "skipped": skipped},
    )


ANONYMOUS_ACTOR = "anonymous"
LEGACY_TOKEN_ACTOR = "legacy_admin_token"  # noqa: S105 - an actor name


AUDIT_SORTS = {"created_at": "created_at"}
DEFAULT_AUDIT_SORT = "-created_at"


async def list_events(query: AuditEventQuery) -> "Page[AuditEvent]":
    filters = {
        name: value
        for name, value in (
            ("action", query.action),
            ("actor_id", query.actor_id),
            ("since", query.since),
        )
        if value is not None
    }
    return await paginate(
        repository.events_matching(action=query.action, actor_id=query.actor_id, since=query.since),
        query=query,
        sorts=AUDIT_SORTS,
        default_sort=DEFAULT_AUDIT_SORT,
        filters_applied=filters,
    )


async def recent_events(
    *,
    limit: int,
    action: str | None = None,
    actor: str | None = None,
    actor_id: UUID | None = None,
    since: datetime | None = None,
) -> list[AuditEvent]:
    """The newest `limit` events matching every filter given, newest first (the operator's view)."""
    matching = repository.events_matching(
        action=action, actor_id=actor_id, since=since, actor=actor
    )
    return await repository.newest(matching, limit)
