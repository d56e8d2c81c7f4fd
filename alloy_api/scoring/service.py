"""The scoring config: one active version at a time; every change is a new version."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from alloy_api.audit.service import AuditAction, record_admin_write
from alloy_api.auth.principal import Principal
from alloy_api.db.seeding import SeedReport
from alloy_api.db.transactions import Isolation, transactional
from alloy_api.kit.cache import CacheKey, cached, invalidate
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.scoring.defaults import DEFAULT_SET_REP_RANGES, DEFAULT_WEIGHTS, SYSTEM_AUTHOR
from alloy_api.scoring.models import ScoringConfigVersion
from alloy_api.scoring.repository import ScoringConfigRepository
from alloy_api.scoring.schemas import ScoringConfigRequest, ScoringConfigResponse

configs = ScoringConfigRepository()
DEFAULT_CONFIG_LABEL = "scoring config version 1"
ACTIVE_CONFIG_KEY = CacheKey("scoring", "active", near=True)


async def get_active_config() -> ScoringConfigVersion:
    active = await configs.active()
    if active is None:
        raise NotFoundError(
            "No scoring config exists yet; run `alloy seed`", code=ErrorCode.NF_SCORING_CONFIG
        )
    return active


async def active_config_data() -> dict[str, Any]:
    """`get_active_config` as the API renders it, from the cache when it is there."""

    async def load() -> dict[str, Any]:
        return ScoringConfigResponse.from_model(await get_active_config()).model_dump(mode="json")

    return await cached(ACTIVE_CONFIG_KEY, load)


async def list_versions(query: PageQuery) -> Page[ScoringConfigVersion]:
    return await configs.versions(query)


async def version_history(limit: int) -> list[ScoringConfigVersion]:
    """The newest `limit` versions, newest first."""
    return await configs.newest(limit)


async def config_version(version: int) -> ScoringConfigVersion:
    config = await configs.by_version(version)
    if config is None:
        raise NotFoundError(
            f"No scoring config has version {version}",
            code=ErrorCode.NF_SCORING_CONFIG_VERSION,
            details={"version": version},
        )
    return config


def same_settings(config: ScoringConfigVersion, request: ScoringConfigRequest) -> bool:
    """Whether publishing `request` would repeat `config` (the same weights and ranges)."""
    return (
        config.weights == request.weights.model_dump()
        and config.set_rep_ranges == request.set_rep_ranges.model_dump()
    )


async def _publish(
    request: ScoringConfigRequest, author: str, author_id: UUID | None
) -> ScoringConfigVersion:
    next_version = await configs.latest_version_number() + 1
    await configs.deactivate_all()
    return await configs.add_active(
        {
            "version": next_version,
            "weights": request.weights.model_dump(),
            "set_rep_ranges": request.set_rep_ranges.model_dump(),
            "author": author,
            "author_id": author_id,
        }
    )


async def _audit(principal: Principal, action: AuditAction, config: ScoringConfigVersion) -> None:
    details = {"version": config.version}
    await record_admin_write(principal, action, "scoring_config", config.id, details)


@transactional(Isolation.SERIALIZABLE)
async def publish_version(
    principal: Principal, request: ScoringConfigRequest
) -> ScoringConfigVersion:
    """A new active version; the previous one stays, inactive, in the history."""
    published = await _publish(request, principal.actor, principal.user_id)
    await _audit(principal, AuditAction.SCORING_CONFIG_PUBLISHED, published)
    await invalidate(ACTIVE_CONFIG_KEY)
    return published


@transactional(Isolation.SERIALIZABLE)
async def activate_version(principal: Principal, version: int) -> ScoringConfigVersion:
    """Make an earlier (or any) version the active one again; the others become inactive.

    Programs generated from now on use it; the version number stays the one it was published as.
    """
    config = await config_version(version)
    if config.is_active:
        return config
    previous = await configs.active()
    await configs.deactivate_all()
    await configs.update(config, is_active=True)
    details = {"version": config.version, "previous_version": previous and previous.version}
    await record_admin_write(
        principal, AuditAction.SCORING_CONFIG_ACTIVATED, "scoring_config", config.id, details
    )
    await invalidate(ACTIVE_CONFIG_KEY)
    return config


@transactional(Isolation.SERIALIZABLE)
async def seed_default(principal: Principal | None = None) -> SeedReport:
    if await configs.any_exists():
        return SeedReport(skipped=[DEFAULT_CONFIG_LABEL])
    default = ScoringConfigRequest(weights=DEFAULT_WEIGHTS, set_rep_ranges=DEFAULT_SET_REP_RANGES)
    published = await _publish(default, SYSTEM_AUTHOR, None)
    await invalidate(ACTIVE_CONFIG_KEY)
    if principal is not None:
        await _audit(principal, AuditAction.LIBRARY_SEEDED, published)
    return SeedReport(added=[DEFAULT_CONFIG_LABEL])
