"""Properties every generated program has, whatever the request and seed."""

import itertools
import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alloy_api.programs.generator import generate_program
from alloy_api.programs.plan import MovementOption, PlannedProgram, PlannedSession, ProgramSpec
from alloy_api.reference.enums import (
    Discipline,
    ExerciseRole,
    Goal,
    MovementPattern,
    ProgressionStyle,
    SplitTemplate,
)
from tests.programs.synthetic_library import (
    CIRCUITS,
    DEFAULT_CONFIG,
    MOVEMENTS,
    MOVEMENTS_BY_ID,
    movement_id,
    program_spec,
)

PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
WEIGHT_TOTAL = 10
TWINNED_DISCIPLINES = tuple(
    discipline for discipline in Discipline if discipline != Discipline.YOGA
)
"""Yoga tags also raise a movement's mobility goal alignment, so yoga twins are not equal."""
BROAD_DISCIPLINES = (
    Discipline.POWERLIFTING,
    Discipline.BODYBUILDING,
    Discipline.CALISTHENICS,
    Discipline.STRONGMAN,
    Discipline.CROSSFIT,
)
LOADED_ROLES = (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)


@st.composite
def weighted(draw: st.DrawFn, choices: tuple, max_items: int) -> tuple:
    """Distinct choices with integer weights that sum to 10."""
    items = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=max_items, unique=True))
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, WEIGHT_TOTAL - 1),
                min_size=len(items) - 1,
                max_size=len(items) - 1,
                unique=True,
            )
        )
    )
    bounds = [0, *cuts, WEIGHT_TOTAL]
    return tuple(
        (item, upper - lower) for item, lower, upper in zip(items, bounds, bounds[1:], strict=False)
    )


program_specs = st.builds(
    ProgramSpec,
    duration_weeks=st.sampled_from((8, 10, 12)),
    days_per_week=st.integers(2, 7),
    max_session_minutes=st.integers(15, 180),
    goals=weighted(tuple(Goal), 3),
    disciplines=weighted(tuple(Discipline), 4),
    start_date=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    seed=st.integers(0, 2**31 - 1),
    split_template=st.none() | st.sampled_from(tuple(SplitTemplate)),
    progression_style=st.sampled_from(tuple(ProgressionStyle)),
    deload_every_n_microcycles=st.integers(2, 8),
)


def generate(spec: ProgramSpec) -> PlannedProgram:
    return generate_program(spec, MOVEMENTS, CIRCUITS, DEFAULT_CONFIG)


def main_patterns(session: PlannedSession) -> set[MovementPattern]:
    return {
        MOVEMENTS_BY_ID[exercise.movement_id].pattern
        for exercise in session.exercises
        if exercise.role == ExerciseRole.MAIN
    }


def loaded_sets(sessions: tuple[PlannedSession, ...]) -> int:
    return sum(
        exercise.target_sets
        for session in sessions
        for exercise in session.exercises
        if exercise.role in LOADED_ROLES
    )


@PROPERTY_SETTINGS
@given(spec=program_specs, shuffle_seed=st.integers(0, 1000))
def test_the_same_inputs_give_the_same_program_in_any_input_order(
    spec: ProgramSpec, shuffle_seed: int
) -> None:
    shuffled_movements = list(MOVEMENTS)
    shuffled_circuits = list(CIRCUITS)
    random.Random(shuffle_seed).shuffle(shuffled_movements)
    random.Random(shuffle_seed).shuffle(shuffled_circuits)
    first = generate(spec)
    assert generate_program(spec, shuffled_movements, shuffled_circuits, DEFAULT_CONFIG) == first


@PROPERTY_SETTINGS
@given(spec=program_specs)
def test_every_session_fits_its_time_budget(spec: ProgramSpec) -> None:
    program = generate(spec)
    assert program.session_count == spec.duration_weeks * spec.days_per_week
    for session in program.sessions:
        assert 0 < session.estimated_minutes <= spec.max_session_minutes
        assert any(exercise.role == ExerciseRole.MAIN for exercise in session.exercises)


@PROPERTY_SETTINGS
@given(spec=program_specs)
def test_no_main_pattern_falls_on_two_consecutive_training_days(spec: ProgramSpec) -> None:
    sessions = generate(spec).sessions
    for earlier, later in itertools.pairwise(sessions):
        assert earlier.date < later.date
        assert not main_patterns(earlier) & main_patterns(later), (earlier.date, later.date)


@PROPERTY_SETTINGS
@given(spec=program_specs)
def test_deload_weeks_are_lighter_than_the_week_before(spec: ProgramSpec) -> None:
    microcycles = generate(spec).microcycles
    deloads = [index for index, cycle in enumerate(microcycles) if cycle.is_deload]
    assert len(deloads) == spec.duration_weeks // spec.deload_every_n_microcycles
    for index in deloads:
        week_before, deload = microcycles[index - 1], microcycles[index]
        assert not week_before.is_deload
        assert loaded_sets(deload.sessions) < loaded_sets(week_before.sessions)
        for lighter, heavier in zip(deload.sessions, week_before.sessions, strict=True):
            assert lighter.estimated_minutes <= heavier.estimated_minutes
            for light, heavy in zip(lighter.exercises, heavier.exercises, strict=True):
                assert light.movement_id == heavy.movement_id
                assert light.target_sets <= heavy.target_sets
                if heavy.target_rpe is not None:
                    assert light.target_rpe < heavy.target_rpe


def discipline_picks(
    program: PlannedProgram, library: dict[str, MovementOption], discipline: Discipline
) -> int:
    return sum(
        discipline in library[exercise.movement_id].disciplines
        for session in program.sessions
        for exercise in session.exercises
        if exercise.role in LOADED_ROLES
    )


def twin_library(first: Discipline, second: Discipline) -> dict[str, MovementOption]:
    """Every movement twice, once tagged with each discipline and otherwise identical."""
    twins = [
        replace(
            movement, id=movement_id(f"{movement.name} {discipline}"), disciplines=(discipline,)
        )
        for movement in MOVEMENTS
        for discipline in (first, second)
    ]
    return {movement.id: movement for movement in twins}


@PROPERTY_SETTINGS
@given(
    pair=st.lists(st.sampled_from(TWINNED_DISCIPLINES), min_size=2, max_size=2, unique=True),
    heavy_weight=st.integers(6, 9),
    spec=program_specs,
)
def test_between_equal_movements_the_heavier_discipline_is_picked_more(
    pair: list[Discipline], heavy_weight: int, spec: ProgramSpec
) -> None:
    heavy, light = pair
    library = twin_library(heavy, light)
    weights = ((heavy, heavy_weight), (light, WEIGHT_TOTAL - heavy_weight))
    program = generate_program(
        replace(spec, disciplines=weights), library.values(), CIRCUITS, DEFAULT_CONFIG
    )
    assert discipline_picks(program, library, heavy) > discipline_picks(program, library, light)


@pytest.mark.parametrize(("heavy", "light"), list(itertools.permutations(BROAD_DISCIPLINES, 2)))
def test_a_heavily_weighted_discipline_makes_up_a_larger_share_of_the_picks(
    heavy: Discipline, light: Discipline
) -> None:
    program = generate(program_spec(disciplines=((heavy, 8), (light, 2))))
    assert discipline_picks(program, MOVEMENTS_BY_ID, heavy) > discipline_picks(
        program, MOVEMENTS_BY_ID, light
    )
