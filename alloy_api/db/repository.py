"""The generic repository: the one shape every aggregate's data access takes.

Repositories are the only code that touches the ORM. Every query runs on the connection of the
transaction the calling service opened (`db.transactions`), so reads see the transaction's writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from alloy_api.db.transactions import current_connection
from alloy_api.kit.pagination import Page, PageQuery, paginate

ModelT = TypeVar("ModelT", bound=Model)


class TortoiseRepository(Generic[ModelT]):
    """get, list, create, update and delete over one Tortoise model; subclasses name the model,
    sorts and relations."""

    model: ClassVar[type[Model]]
    sorts: ClassVar[Mapping[str, str]] = {"created_at": "created_at"}
    default_sort: ClassVar[str] = "-created_at"
    related: ClassVar[Sequence[str]] = ()
    """Relations loaded with every entity the repository returns."""

    @property
    def connection(self) -> BaseDBAsyncClient | None:
        return current_connection()

    def queryset(self) -> QuerySet[ModelT]:
        return self.model.all().using_db(self.connection)  # type: ignore[return-value]

    async def load_related(self, entities: Sequence[ModelT]) -> None:
        if self.related and entities:
            await self.model.fetch_for_list(list(entities), *self.related, using_db=self.connection)

    async def get(self, entity_id: UUID, *, where: Q | None = None) -> ModelT | None:
        queryset = self.queryset().filter(pk=entity_id)
        if where is not None:
            queryset = queryset.filter(where)
        entity = await queryset.first()
        if entity is not None:
            await self.load_related([entity])
        return entity

    async def list(
        self, query: PageQuery, *, where: Q, filters_applied: Mapping[str, Any]
    ) -> Page[ModelT]:
        page = await paginate(
            self.queryset().filter(where),
            query=query,
            sorts=self.sorts,
            default_sort=self.default_sort,
            filters_applied=filters_applied,
        )
        await self.load_related(page.items)
        return page

    async def create(self, **values: Any) -> ModelT:
        return await self.model.create(using_db=self.connection, **values)  # type: ignore[return-value]

    async def update(self, entity: ModelT, **values: Any) -> ModelT:
        entity.update_from_dict(values)
        await entity.save(using_db=self.connection)
        return entity

    async def delete(self, entity: ModelT) -> None:
        await entity.delete(using_db=self.connection)

    async def exists(self, where: Q) -> bool:
        return await self.queryset().filter(where).exists()
