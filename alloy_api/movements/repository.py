from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from alloy_api.db.repository import TortoiseRepository
from alloy_api.kit.filtering import FieldKind, FilterClause, FilterField, FilterSpec, TagLink
from alloy_api.kit.filtering import compile_filters as compile_clauses
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.movements.models import (
    NAME_MAX_LENGTH,
    Movement,
    MovementDiscipline,
    MovementEquipment,
)
from alloy_api.reference.enums import (
    BodyRegion,
    CnsLoad,
    Discipline,
    Equipment,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SkillLevel,
)

MOVEMENT_FILTERS = FilterSpec(
    fields={
        "id": FilterField(FieldKind.ID, "id"),
        "name": FilterField(FieldKind.TEXT, "name", max_length=NAME_MAX_LENGTH),
        "pattern": FilterField(FieldKind.ENUM, "pattern", MovementPattern),
        "primary_muscle": FilterField(FieldKind.ENUM, "primary_muscle", PrimaryMuscle),
        "region": FilterField(FieldKind.ENUM, "region", BodyRegion),
        "skill_level": FilterField(FieldKind.ENUM, "skill_level", SkillLevel),
        "cns_load": FilterField(FieldKind.ENUM, "cns_load", CnsLoad),
        "metric_type": FilterField(FieldKind.ENUM, "metric_type", MetricType),
        "compound": FilterField(FieldKind.BOOLEAN, "compound"),
        "unilateral": FilterField(FieldKind.BOOLEAN, "unilateral"),
        "min_recovery_hours": FilterField(FieldKind.INTEGER, "min_recovery_hours"),
        "created_at": FilterField(FieldKind.DATETIME, "created_at"),
        "equipment": FilterField(
            FieldKind.TAGS,
            "id",
            Equipment,
            TagLink(MovementEquipment, "equipment", "movement_id"),
        ),
        "discipline": FilterField(
            FieldKind.TAGS,
            "id",
            Discipline,
            TagLink(MovementDiscipline, "discipline", "movement_id"),
        ),
    },
    sorts={"name": "name", "created_at": "created_at", "pattern": "pattern"},
    default_sort="name",
)


class DuplicateNameError(Exception):
    """The database refused a second movement with the same name for the same owner."""


def visible_to(viewer_id: UUID | None) -> Q:
    """System movements, and the viewer's own custom ones."""
    system = Q(owner_id__isnull=True)
    return system if viewer_id is None else system | Q(owner_id=viewer_id)


class MovementRepository(TortoiseRepository[Movement]):
    model = Movement
    sorts: ClassVar[Mapping[str, str]] = MOVEMENT_FILTERS.sorts
    default_sort = MOVEMENT_FILTERS.default_sort
    related: ClassVar[Sequence[str]] = ("equipment_links", "discipline_links")

    async def list_visible(
        self,
        viewer_id: UUID | None,
        clauses: Sequence[FilterClause],
        query: PageQuery,
        filters_applied: Mapping[str, Any] | None = None,
    ) -> Page[Movement]:
        compiled = compile_clauses(MOVEMENT_FILTERS, clauses)
        applied = filters_applied if filters_applied is not None else {"filters": compiled.applied}
        return await self.list(
            query, where=visible_to(viewer_id) & compiled.condition, filters_applied=applied
        )

    async def get_visible(self, viewer_id: UUID | None, movement_id: UUID) -> Movement | None:
        return await self.get(movement_id, where=visible_to(viewer_id))

    async def all_owned_by(self, owner_id: UUID | None) -> list[Movement]:
        """Every movement of one owner (None: the system library), with its links."""
        owned = Q(owner_id=owner_id) if owner_id is not None else Q(owner_id__isnull=True)
        movements = await self.queryset().filter(owned).order_by("name", "id")
        await self.load_related(movements)
        return movements

    async def visible_ids(self, viewer_id: UUID | None, movement_ids: Iterable[UUID]) -> set[UUID]:
        rows = await (
            self.queryset()
            .filter(visible_to(viewer_id), id__in=list(set(movement_ids)))
            .values_list("id", flat=True)
        )
        return {UUID(str(movement_id)) for movement_id in rows}

    async def name_taken(
        self, name: str, owner_id: UUID | None, excluding: UUID | None = None
    ) -> bool:
        same_owner = Q(owner_id__isnull=True) if owner_id is None else Q(owner_id=owner_id)
        where = same_owner & Q(name__iexact=name)
        if excluding is not None:
            where &= ~Q(id=excluding)
        return await self.exists(where)

    async def create_with_links(
        self,
        values: Mapping[str, Any],
        equipment: Iterable[Equipment],
        disciplines: Iterable[Discipline],
    ) -> Movement:
        try:
            movement = await self.create(**values)
        except IntegrityError as error:
            raise DuplicateNameError(values.get("name")) from error
        await self.replace_links(movement, equipment, disciplines)
        await self.load_related([movement])
        return movement

    async def update_with_links(
        self,
        movement: Movement,
        values: Mapping[str, Any],
        equipment: Iterable[Equipment] | None,
        disciplines: Iterable[Discipline] | None,
    ) -> Movement:
        try:
            await self.update(movement, **values)
        except IntegrityError as error:
            raise DuplicateNameError(values.get("name")) from error
        await self.replace_links(movement, equipment, disciplines)
        await self.load_related([movement])
        return movement

    async def replace_links(
        self,
        movement: Movement,
        equipment: Iterable[Equipment] | None,
        disciplines: Iterable[Discipline] | None,
    ) -> None:
        connection = self.connection
        if equipment is not None:
            await MovementEquipment.filter(movement=movement).using_db(connection).delete()
            await MovementEquipment.bulk_create(
                [MovementEquipment(movement=movement, equipment=item) for item in set(equipment)],
                using_db=connection,
            )
        if disciplines is not None:
            await MovementDiscipline.filter(movement=movement).using_db(connection).delete()
            await MovementDiscipline.bulk_create(
                [
                    MovementDiscipline(movement=movement, discipline=item)
                    for item in set(disciplines)
                ],
                using_db=connection,
            )

    async def delete_unless_used(self, movement: Movement) -> bool:
        """Delete the movement; False when a circuit still uses it (the database refuses)."""
        try:
            await self.delete(movement)
        except IntegrityError:
            return False
        return True

    async def system_names(self) -> set[str]:
        names = await self.queryset().filter(owner_id__isnull=True).values_list("name", flat=True)
        return {str(name).lower() for name in names}

    async def system_movement_names(self, movement_ids: Iterable[UUID]) -> dict[UUID, str]:
        rows = await (
            self.queryset()
            .filter(owner_id__isnull=True, id__in=list(set(movement_ids)))
            .values_list("id", "name")
        )
        return {UUID(str(movement_id)): str(name) for movement_id, name in rows}

    async def system_ids_by_name(self) -> dict[str, UUID]:
        rows = await self.queryset().filter(owner_id__isnull=True).values_list("id", "name")
        return {str(name).lower(): UUID(str(movement_id)) for movement_id, name in rows}
