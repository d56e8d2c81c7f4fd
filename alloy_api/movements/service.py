"""Movement rules: who sees and changes which movement, names, and the shipped library."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from uuid import UUID

from alloy_api.audit.service import AuditAction, record_admin_write, record_library_seeded
from alloy_api.auth.dependencies import Principal, authorise_admin_work
from alloy_api.db.seeding import SeedReport, add_missing
from alloy_api.db.transactions import transactional
from alloy_api.kit.cache import CacheKey, Lifetime, cached, fingerprint, invalidate
from alloy_api.kit.errors import (
    AuthorizationError,
    BusinessRuleError,
    ConflictError,
    ErrorCode,
    NotFoundError,
)
from alloy_api.kit.filtering import FilterClause, FilterOperator, StructuredQueryRequest
from alloy_api.kit.pagination import Page
from alloy_api.movements.library_data import LIBRARY_MOVEMENTS, LibraryMovement
from alloy_api.movements.models import Movement
from alloy_api.movements.repository import DuplicateNameError, MovementRepository
from alloy_api.movements.schemas import (
    MovementCreateRequest,
    MovementListQuery,
    MovementResponse,
    MovementUpdateRequest,
)
from alloy_api.reference.enums import BodyRegion, PrimaryMuscle

movements = MovementRepository()
CACHE_NAMESPACE = "movements"

REGION_OF_MUSCLE: Mapping[PrimaryMuscle, BodyRegion] = {
    **{
        muscle: BodyRegion.UPPER
        for muscle in (
            PrimaryMuscle.CHEST,
            PrimaryMuscle.UPPER_BACK,
            PrimaryMuscle.LATS,
            PrimaryMuscle.FRONT_DELTS,
            PrimaryMuscle.SIDE_DELTS,
            PrimaryMuscle.REAR_DELTS,
            PrimaryMuscle.BICEPS,
            PrimaryMuscle.TRICEPS,
            PrimaryMuscle.FOREARMS,
            PrimaryMuscle.NECK,
        )
    },
    **{
        muscle: BodyRegion.LOWER
        for muscle in (
            PrimaryMuscle.GLUTES,
            PrimaryMuscle.QUADRICEPS,
            PrimaryMuscle.HAMSTRINGS,
            PrimaryMuscle.ADDUCTORS,
            PrimaryMuscle.CALVES,
            PrimaryMuscle.HIP_FLEXORS,
        )
    },
    PrimaryMuscle.CORE: BodyRegion.CORE,
    PrimaryMuscle.OBLIQUES: BodyRegion.CORE,
    PrimaryMuscle.LOWER_BACK: BodyRegion.CORE,
    PrimaryMuscle.FULL_BODY: BodyRegion.FULL_BODY,
}
LINK_FIELDS = frozenset({"equipment", "disciplines"})
NULLABLE_FIELDS = frozenset({"substitution_group"})


def _item_key(movement_id: UUID) -> CacheKey:
    return CacheKey(CACHE_NAMESPACE, f"item:{movement_id}", near=True)


def _page_key(viewer_id: UUID | None, query: MovementListQuery) -> CacheKey:
    return CacheKey(
        CACHE_NAMESPACE,
        f"list:{viewer_id or 'system'}:{fingerprint(query)}",
        Lifetime.LIST,
        generations=(CACHE_NAMESPACE,),
    )


async def _forget(*movement_ids: UUID) -> None:
    """After every write: the movements' own entries, and through the namespace's generation
    every cached list page (and every cached circuit, which shows movement names)."""
    await invalidate(*map(_item_key, movement_ids), namespaces=(CACHE_NAMESPACE,))


def _not_found(movement_id: UUID) -> NotFoundError:
    return NotFoundError(
        f"Movement {movement_id} not found",
        code=ErrorCode.NF_MOVEMENT,
        details={"movement_id": str(movement_id)},
    )


def _duplicate(name: str) -> ConflictError:
    return ConflictError(
        f"A movement named {name!r} already exists",
        code=ErrorCode.CF_DUPLICATE_MOVEMENT_NAME,
        details={"name": name},
    )


async def _audit_system_write(
    principal: Principal, action: AuditAction, movement: Movement, **details: Any
) -> None:
    """Changes to system movements are admin writes and go to the audit log."""
    if movement.owner_id is None:
        details = {"name": movement.name, **details}
        await record_admin_write(principal, action, "movement", movement.id, details)


def _owner_of_new_movement(principal: Principal, is_custom: bool) -> UUID | None:
    if not is_custom:
        authorise_admin_work(principal)
        return None
    if principal.user_id is None:
        raise AuthorizationError(
            "Custom movements belong to a user account", code=ErrorCode.AUTH_FORBIDDEN
        )
    return principal.user_id


async def _get_or_404(viewer_id: UUID | None, movement_id: UUID) -> Movement:
    movement = await movements.get_visible(viewer_id, movement_id)
    if movement is None:
        raise _not_found(movement_id)
    return movement


async def _ensure_name_free(name: str, owner_id: UUID | None, excluding: UUID | None) -> None:
    if await movements.name_taken(name, owner_id, excluding):
        raise _duplicate(name)


async def list_movements(viewer_id: UUID | None, query: MovementListQuery) -> Page[Movement]:
    equalities = {
        "pattern": query.pattern,
        "discipline": query.discipline,
        "equipment": query.equipment,
    }
    clauses = [
        FilterClause(field=name, op=FilterOperator.EQ, value=value)
        for name, value in equalities.items()
        if value is not None
    ]
    if query.q:
        clauses.append(FilterClause(field="name", op=FilterOperator.LIKE, value=query.q))
    applied = {name: value for name, value in {**equalities, "q": query.q}.items() if value}
    return await movements.list_visible(viewer_id, clauses, query, applied)


async def movement_page_data(viewer_id: UUID | None, query: MovementListQuery) -> dict[str, Any]:
    """A list page as the API renders it, from the cache when it is there."""

    async def load() -> dict[str, Any]:
        page = await list_movements(viewer_id, query)
        return page.map(MovementResponse.from_model).model_dump(mode="json")

    return await cached(_page_key(viewer_id, query), load)


async def query_movements(
    viewer_id: UUID | None, request: StructuredQueryRequest
) -> Page[Movement]:
    return await movements.list_visible(viewer_id, request.filters, request.page_query())


async def movements_owned_by(owner_id: UUID | None) -> list[Movement]:
    """One owner's whole collection (None: the system library), with links."""
    return await movements.all_owned_by(owner_id)


async def visible_movement_ids(viewer_id: UUID | None, movement_ids: Iterable[UUID]) -> set[UUID]:
    """Those of the given ids that name a movement the viewer sees."""
    return await movements.visible_ids(viewer_id, movement_ids)


async def get_movement(viewer_id: UUID | None, movement_id: UUID) -> Movement:
    return await _get_or_404(viewer_id, movement_id)


async def _cached_entry(movement_id: UUID) -> dict[str, Any] | None:
    """The movement as the API renders it, with its owner, whoever asks."""

    async def load() -> dict[str, Any] | None:
        movement = await movements.get(movement_id)
        if movement is None:
            return None
        data = MovementResponse.from_model(movement).model_dump(mode="json")
        return {"owner_id": str(movement.owner_id) if movement.owner_id else None, "data": data}

    return await cached(_item_key(movement_id), load)


async def movement_data(viewer_id: UUID | None, movement_id: UUID) -> dict[str, Any]:
    """`get_movement` as the API renders it, from the cache when it is there."""
    entry = await _cached_entry(movement_id)
    if entry is None or entry["owner_id"] not in (None, str(viewer_id)):
        raise _not_found(movement_id)
    return entry["data"]


@transactional()
async def create_movement(principal: Principal, request: MovementCreateRequest) -> Movement:
    owner_id = _owner_of_new_movement(principal, request.is_custom)
    await _ensure_name_free(request.name, owner_id, None)
    values = request.model_dump(exclude=LINK_FIELDS | {"is_custom"})
    values["region"] = request.region or REGION_OF_MUSCLE[request.primary_muscle]
    values["owner_id"] = owner_id
    try:
        movement = await movements.create_with_links(values, request.equipment, request.disciplines)
    except DuplicateNameError as error:
        raise _duplicate(request.name) from error
    await _audit_system_write(principal, AuditAction.MOVEMENT_CREATED, movement)
    await _forget(movement.id)
    return movement


async def _writable(principal: Principal, movement_id: UUID) -> Movement:
    movement = await _get_or_404(principal.user_id, movement_id)
    if not movement.is_custom:
        authorise_admin_work(principal)
    return movement


@transactional()
async def update_movement(
    principal: Principal, movement_id: UUID, request: MovementUpdateRequest
) -> Movement:
    movement = await _writable(principal, movement_id)
    changes = {
        name: value
        for name, value in request.model_dump(exclude_unset=True, exclude=LINK_FIELDS).items()
        if value is not None or name in NULLABLE_FIELDS
    }
    if "name" in changes:
        await _ensure_name_free(changes["name"], movement.owner_id, movement.id)
    try:
        updated = await movements.update_with_links(
            movement, changes, request.equipment, request.disciplines
        )
    except DuplicateNameError as error:
        raise _duplicate(str(changes.get("name"))) from error
    changed_fields = sorted(request.model_dump(exclude_unset=True))
    await _audit_system_write(
        principal, AuditAction.MOVEMENT_UPDATED, updated, changed_fields=changed_fields
    )
    await _forget(updated.id)
    return updated


@transactional()
async def delete_movement(principal: Principal, movement_id: UUID) -> None:
    movement = await _writable(principal, movement_id)
    if not await movements.delete_unless_used(movement):
        raise BusinessRuleError(
            f"Movement {movement_id} is used by a circuit or a program; remove it there first",
            code=ErrorCode.BR_MOVEMENT_IN_USE,
            details={"movement_id": str(movement_id)},
        )
    await _audit_system_write(principal, AuditAction.MOVEMENT_DELETED, movement)
    await _forget(movement_id)


async def system_movement_names(movement_ids: Iterable[UUID]) -> dict[UUID, str]:
    """Names of the given ids that are system movements; ids that are not are left out."""
    return await movements.system_movement_names(movement_ids)


async def system_movement_ids_by_name() -> dict[str, UUID]:
    """Every system movement's id by its lower-cased name."""
    return await movements.system_ids_by_name()


def _library_values(entry: LibraryMovement) -> dict[str, Any]:
    return {
        "name": entry.name,
        "pattern": entry.pattern,
        "primary_muscle": entry.primary_muscle,
        "secondary_muscles": [muscle.value for muscle in entry.secondary_muscles],
        "region": entry.region,
        "skill_level": entry.skill_level,
        "cns_load": entry.cns_load,
        "compound": entry.compound,
        "unilateral": entry.unilateral,
        "metric_type": entry.metric_type,
        "min_recovery_hours": entry.min_recovery_hours,
        "substitution_group": entry.substitution_group,
        "description": entry.description,
        "owner_id": None,
    }


@transactional()
async def seed_library(
    entries: Iterable[LibraryMovement] = LIBRARY_MOVEMENTS, principal: Principal | None = None
) -> SeedReport:
    """Add the library's system movements that are missing; existing names are left alone.

    With a principal, what was added is written to the audit log.
    """

    async def store(entry: LibraryMovement) -> None:
        await movements.create_with_links(
            _library_values(entry), entry.equipment, entry.disciplines
        )

    report = await add_missing(entries, await movements.system_names(), store)
    if report.added:
        await _forget()
    if principal is not None and report.added:
        await record_library_seeded(
            principal.actor, principal.user_id, "movement", report.added, len(report.skipped)
        )
    return report
