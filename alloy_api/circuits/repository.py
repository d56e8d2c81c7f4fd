from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from alloy_api.circuits.models import NAME_MAX_LENGTH, Circuit, CircuitItem
from alloy_api.db.repository import TortoiseRepository
from alloy_api.kit.filtering import FieldKind, FilterClause, FilterField, FilterSpec
from alloy_api.kit.filtering import compile_filters as compile_clauses
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.reference.enums import CircuitType

CIRCUIT_FILTERS = FilterSpec(
    fields={
        "id": FilterField(FieldKind.ID, "id"),
        "name": FilterField(FieldKind.TEXT, "name", max_length=NAME_MAX_LENGTH),
        "circuit_type": FilterField(FieldKind.ENUM, "circuit_type", CircuitType),
        "difficulty_tier": FilterField(FieldKind.INTEGER, "difficulty_tier"),
        "default_rounds": FilterField(FieldKind.INTEGER, "default_rounds"),
        "default_duration_seconds": FilterField(FieldKind.INTEGER, "default_duration_seconds"),
        "created_at": FilterField(FieldKind.DATETIME, "created_at"),
    },
    sorts={"name": "name", "created_at": "created_at"},
    default_sort="name",
)


class DuplicateCircuitNameError(Exception):
    pass


class CircuitRepository(TortoiseRepository[Circuit]):
    model = Circuit
    sorts: ClassVar[Mapping[str, str]] = CIRCUIT_FILTERS.sorts
    default_sort = CIRCUIT_FILTERS.default_sort
    related: ClassVar[Sequence[str]] = ("items__movement",)

    async def list_matching(
        self,
        clauses: Sequence[FilterClause],
        query: PageQuery,
        filters_applied: Mapping[str, Any] | None = None,
    ) -> Page[Circuit]:
        compiled = compile_clauses(CIRCUIT_FILTERS, clauses)
        applied = filters_applied if filters_applied is not None else {"filters": compiled.applied}
        return await self.list(query, where=compiled.condition, filters_applied=applied)

    async def all_with_items(self) -> list[Circuit]:
        """Every circuit with its items (movements not loaded), in a stable order."""
        circuits = await self.queryset().order_by("name", "id")
        if circuits:
            await Circuit.fetch_for_list(circuits, "items", using_db=self.connection)
        return circuits

    async def name_taken(self, name: str, excluding: UUID | None = None) -> bool:
        where = Q(name__iexact=name)
        if excluding is not None:
            where &= ~Q(id=excluding)
        return await self.exists(where)

    async def existing_names(self) -> set[str]:
        names = await self.queryset().values_list("name", flat=True)
        return {str(name).lower() for name in names}

    async def save_circuit(
        self,
        circuit: Circuit | None,
        values: Mapping[str, Any],
        items: Sequence[Mapping[str, Any]] | None,
    ) -> Circuit:
        """Create (`circuit` None) or update a circuit; `items`, when given, replace its items."""
        try:
            if circuit is None:
                circuit = await self.create(**values)
            elif values:
                await self.update(circuit, **values)
        except IntegrityError as error:
            raise DuplicateCircuitNameError(values.get("name")) from error
        if items is not None:
            await self.replace_items(circuit, items)
        await self.load_related([circuit])
        return circuit

    async def replace_items(self, circuit: Circuit, items: Sequence[Mapping[str, Any]]) -> None:
        connection = self.connection
        await CircuitItem.filter(circuit=circuit).using_db(connection).delete()
        await CircuitItem.bulk_create(
            [
                CircuitItem(circuit=circuit, position=position, **item)
                for position, item in enumerate(items)
            ],
            using_db=connection,
        )
