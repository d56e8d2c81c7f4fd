"""The shipped library covers every pattern, discipline and circuit type it promises."""

from alloy_api.circuits.library_data import LIBRARY_CIRCUITS
from alloy_api.movements.library_data import LIBRARY_MOVEMENTS
from alloy_api.reference.enums import CircuitType, Discipline, Equipment, MovementPattern


def test_at_least_120_uniquely_named_movements_cover_every_pattern_and_discipline() -> None:
    names = [movement.name.lower() for movement in LIBRARY_MOVEMENTS]
    assert len(names) >= 120 and len(set(names)) == len(names)
    assert {movement.pattern for movement in LIBRARY_MOVEMENTS} == set(MovementPattern)
    assert {d for movement in LIBRARY_MOVEMENTS for d in movement.disciplines} == set(Discipline)
    assert {e for movement in LIBRARY_MOVEMENTS for e in movement.equipment} == set(Equipment)
    assert all(movement.description for movement in LIBRARY_MOVEMENTS)


def test_at_least_20_circuits_of_every_type_built_from_library_movements() -> None:
    names = {movement.name for movement in LIBRARY_MOVEMENTS}
    assert len(LIBRARY_CIRCUITS) >= 20
    assert {circuit.circuit_type for circuit in LIBRARY_CIRCUITS} == set(CircuitType)
    for circuit in LIBRARY_CIRCUITS:
        assert circuit.items, circuit.name
        assert {item.movement_name for item in circuit.items} <= names, circuit.name
