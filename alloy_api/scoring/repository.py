from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from tortoise.expressions import Q
from tortoise.functions import Max

from alloy_api.db.repository import TortoiseRepository
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.scoring.models import ScoringConfigVersion


class ScoringConfigRepository(TortoiseRepository[ScoringConfigVersion]):
    model = ScoringConfigVersion
    sorts: ClassVar[Mapping[str, str]] = {"version": "version", "created_at": "created_at"}
    default_sort = "-version"

    async def active(self) -> ScoringConfigVersion | None:
        return await self.queryset().filter(is_active=True).first()

    async def latest_version_number(self) -> int:
        rows = (
            await self.queryset().annotate(latest=Max("version")).values_list("latest", flat=True)
        )
        return int(rows[0] or 0) if rows else 0

    async def any_exists(self) -> bool:
        return await self.exists(Q())

    async def deactivate_all(self) -> None:
        await self.queryset().filter(is_active=True).update(is_active=False)

    async def versions(self, query: PageQuery) -> Page[ScoringConfigVersion]:
        return await self.list(query, where=Q(), filters_applied={})

    async def add_active(self, values: Mapping[str, Any]) -> ScoringConfigVersion:
        return await self.create(**values, is_active=True)

    async def by_version(self, version: int) -> ScoringConfigVersion | None:
        return await self.queryset().filter(version=version).first()

    async def newest(self, limit: int) -> list[ScoringConfigVersion]:
        return await self.queryset().order_by("-version").limit(limit)
