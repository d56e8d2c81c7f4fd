"""Circuit rules: admins curate them from system movements; every user reads them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from alloy_api.audit.service import AuditAction, record_admin_write, record_library_seeded
from alloy_api.auth.principal import Principal
from alloy_api.circuits.library_data import LIBRARY_CIRCUITS, LibraryCircuit
from alloy_api.circuits.models import Circuit
from alloy_api.circuits.repository import CircuitRepository, DuplicateCircuitNameError
from alloy_api.circuits.schemas import (
    CircuitItemRequest,
    CircuitListQuery,
    CircuitPatchRequest,
    CircuitRequest,
    CircuitResponse,
)
from alloy_api.db.seeding import SeedReport, add_missing
from alloy_api.db.transactions import transactional
from alloy_api.kit.cache import CacheKey, Lifetime, cached, fingerprint, invalidate
from alloy_api.kit.errors import (
    ConflictError,
    ErrorCode,
    ErrorDetail,
    FieldValidationError,
    NotFoundError,
    field_code,
)
from alloy_api.kit.filtering import FilterClause, FilterOperator, StructuredQueryRequest
from alloy_api.kit.pagination import Page
from alloy_api.movements import service as movements_service

circuits = CircuitRepository()
CACHE_NAMESPACE = "circuits"
CACHE_GENERATIONS = (CACHE_NAMESPACE, movements_service.CACHE_NAMESPACE)
"""Circuits show their movements' names: a movement write retires cached circuits too."""


def _item_key(circuit_id: UUID) -> CacheKey:
    return CacheKey(CACHE_NAMESPACE, f"item:{circuit_id}", generations=CACHE_GENERATIONS)


def _page_key(query: CircuitListQuery) -> CacheKey:
    return CacheKey(
        CACHE_NAMESPACE, f"list:{fingerprint(query)}", Lifetime.LIST, generations=CACHE_GENERATIONS
    )


async def _forget() -> None:
    await invalidate(namespaces=(CACHE_NAMESPACE,))


def _duplicate(name: str) -> ConflictError:
    return ConflictError(
        f"A circuit named {name!r} already exists",
        code=ErrorCode.CF_DUPLICATE_CIRCUIT_NAME,
        details={"name": name},
    )


async def _get_or_404(circuit_id: UUID) -> Circuit:
    circuit = await circuits.get(circuit_id)
    if circuit is None:
        raise NotFoundError(
            f"Circuit {circuit_id} not found",
            code=ErrorCode.NF_CIRCUIT,
            details={"circuit_id": str(circuit_id)},
        )
    return circuit


async def _item_values(items: Sequence[CircuitItemRequest]) -> list[dict[str, Any]]:
    """The items as rows; every movement must be a system movement."""
    names = await movements_service.system_movement_names(item.movement_id for item in items)
    unknown = [
        ErrorDetail(
            field_code("items.movement_id"),
            f"items.{index}.movement_id: {item.movement_id} is not a system movement",
            {"field": f"items.{index}.movement_id", "actual": str(item.movement_id)},
        )
        for index, item in enumerate(items)
        if item.movement_id not in names
    ]
    if unknown:
        raise FieldValidationError(unknown)
    return [item.model_dump() for item in items]


async def _audit(principal: Principal, action: AuditAction, circuit: Circuit) -> None:
    await record_admin_write(principal, action, "circuit", circuit.id, {"name": circuit.name})


async def _ensure_name_free(name: str, excluding: UUID | None = None) -> None:
    if await circuits.name_taken(name, excluding):
        raise _duplicate(name)


async def _save(
    circuit: Circuit | None, values: Mapping[str, Any], items: list[dict[str, Any]] | None
) -> Circuit:
    try:
        return await circuits.save_circuit(circuit, values, items)
    except DuplicateCircuitNameError as error:
        raise _duplicate(str(values.get("name"))) from error


async def list_circuits(query: CircuitListQuery) -> Page[Circuit]:
    clauses = []
    if query.circuit_type is not None:
        clauses.append(
            FilterClause(field="circuit_type", op=FilterOperator.EQ, value=query.circuit_type)
        )
    applied = {"circuit_type": query.circuit_type} if query.circuit_type else {}
    return await circuits.list_matching(clauses, query, applied)


async def circuit_page_data(query: CircuitListQuery) -> dict[str, Any]:
    """A list page as the API renders it, from the cache when it is there."""

    async def load() -> dict[str, Any]:
        page = await list_circuits(query)
        return page.map(CircuitResponse.from_model).model_dump(mode="json")

    return await cached(_page_key(query), load)


async def query_circuits(request: StructuredQueryRequest) -> Page[Circuit]:
    return await circuits.list_matching(request.filters, request.page_query())


async def all_circuits() -> list[Circuit]:
    """The whole circuit library with each circuit's items."""
    return await circuits.all_with_items()


async def circuit_data(circuit_id: UUID) -> dict[str, Any]:
    """The circuit as the API renders it, from the cache when it is there."""

    async def load() -> dict[str, Any]:
        return CircuitResponse.from_model(await _get_or_404(circuit_id)).model_dump(mode="json")

    return await cached(_item_key(circuit_id), load)


@transactional()
async def create_circuit(principal: Principal, request: CircuitRequest) -> Circuit:
    await _ensure_name_free(request.name)
    items = await _item_values(request.items)
    circuit = await _save(None, request.model_dump(exclude={"items"}), items)
    await _audit(principal, AuditAction.CIRCUIT_CREATED, circuit)
    await _forget()
    return circuit


@transactional()
async def replace_circuit(
    principal: Principal, circuit_id: UUID, request: CircuitRequest
) -> Circuit:
    circuit = await _get_or_404(circuit_id)
    await _ensure_name_free(request.name, circuit.id)
    items = await _item_values(request.items)
    replaced = await _save(circuit, request.model_dump(exclude={"items"}), items)
    await _audit(principal, AuditAction.CIRCUIT_UPDATED, replaced)
    await _forget()
    return replaced


@transactional()
async def update_circuit(
    principal: Principal, circuit_id: UUID, request: CircuitPatchRequest
) -> Circuit:
    circuit = await _get_or_404(circuit_id)
    changes = request.model_dump(exclude_unset=True, exclude={"items"})
    nullable = {"default_rounds", "default_duration_seconds"}
    changes = {
        name: value for name, value in changes.items() if value is not None or name in nullable
    }
    if "name" in changes:
        await _ensure_name_free(changes["name"], circuit.id)
    items = await _item_values(request.items) if request.items is not None else None
    updated = await _save(circuit, changes, items)
    await _audit(principal, AuditAction.CIRCUIT_UPDATED, updated)
    await _forget()
    return updated


@transactional()
async def delete_circuit(principal: Principal, circuit_id: UUID) -> None:
    circuit = await _get_or_404(circuit_id)
    await circuits.delete(circuit)
    await _audit(principal, AuditAction.CIRCUIT_DELETED, circuit)
    await _forget()


@transactional()
async def seed_library(
    entries: Iterable[LibraryCircuit] = LIBRARY_CIRCUITS, principal: Principal | None = None
) -> SeedReport:
    """Add the library's circuits that are missing, built from system movements by name."""
    movement_ids = await movements_service.system_movement_ids_by_name()

    async def store(entry: LibraryCircuit) -> None:
        items = [
            {**item.targets, "movement_id": movement_ids[item.movement_name.lower()]}
            for item in entry.items
        ]
        values = {
            "name": entry.name,
            "circuit_type": entry.circuit_type,
            "description": entry.description,
            "default_rounds": entry.default_rounds,
            "default_duration_seconds": entry.default_duration_seconds,
            "difficulty_tier": entry.difficulty_tier,
        }
        await circuits.save_circuit(None, values, items)

    report = await add_missing(entries, await circuits.existing_names(), store)
    if report.added:
        await _forget()
    if principal is not None and report.added:
        await record_library_seeded(
            principal.actor, principal.user_id, "circuit", report.added, len(report.skipped)
        )
    return report
