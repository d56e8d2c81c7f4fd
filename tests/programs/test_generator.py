"""Worked examples of the generator's rules."""

import itertools
from collections import Counter
from dataclasses import replace
from datetime import timedelta

import pytest

from alloy_api.programs.generator import generate_program, session_types, training_day_offsets
from alloy_api.programs.plan import PlannedProgram, ProgramSpec
from alloy_api.reference.enums import (
    Discipline,
    ExerciseRole,
    Goal,
    ProgressionStyle,
    SessionType,
    SplitTemplate,
)
from tests.programs.synthetic_library import (
    CIRCUITS,
    DEFAULT_CONFIG,
    MOVEMENTS,
    MOVEMENTS_BY_ID,
    program_spec,
)

S = SessionType
ROLE_RANK = {
    ExerciseRole.WARMUP: 0,
    ExerciseRole.MAIN: 1,
    ExerciseRole.ACCESSORY: 2,
    ExerciseRole.FINISHER: 3,
    ExerciseRole.COOLDOWN: 4,
}


def generate(spec: ProgramSpec) -> PlannedProgram:
    return generate_program(spec, MOVEMENTS, CIRCUITS, DEFAULT_CONFIG)


@pytest.mark.parametrize(
    ("days", "offsets"),
    [
        (2, (0, 3)),
        (3, (0, 2, 4)),
        (4, (0, 1, 3, 5)),
        (5, (0, 1, 2, 4, 5)),
        (6, (0, 1, 2, 3, 4, 5)),
        (7, (0, 1, 2, 3, 4, 5, 6)),
    ],
)
def test_training_days_are_spread_evenly_over_the_week(days: int, offsets: tuple) -> None:
    assert training_day_offsets(days) == offsets
    gaps = [later - earlier for earlier, later in itertools.pairwise((*offsets, offsets[0] + 7))]
    assert max(gaps) - min(gaps) <= 1


@pytest.mark.parametrize(
    ("days", "types"),
    [
        (2, (S.FULL_BODY, S.FULL_BODY)),
        (3, (S.FULL_BODY,) * 3),
        (4, (S.UPPER, S.LOWER, S.UPPER, S.LOWER)),
        (5, (S.UPPER, S.LOWER, S.FULL_BODY, S.UPPER, S.LOWER)),
        (6, (S.PUSH, S.PULL, S.LEGS, S.UPPER, S.LOWER, S.FULL_BODY)),
        (7, (S.PUSH, S.PULL, S.LEGS, S.UPPER, S.LOWER, S.FULL_BODY, S.PUSH)),
    ],
)
def test_session_types_follow_the_days_per_week(days: int, types: tuple) -> None:
    spec = program_spec(days_per_week=days)
    assert session_types(spec) == types
    week = generate(spec).microcycles[0]
    assert tuple(session.session_type for session in week.sessions) == types


def test_a_chosen_split_template_replaces_the_default_split() -> None:
    spec = program_spec(days_per_week=3, split_template=SplitTemplate.PUSH_PULL_LEGS)
    assert session_types(spec) == (S.PUSH, S.PULL, S.LEGS)
    spec = program_spec(days_per_week=3, split_template=SplitTemplate.UPPER_LOWER)
    assert session_types(spec) == (S.UPPER, S.LOWER, S.UPPER)


def test_microcycles_are_seven_days_with_every_nth_a_deload() -> None:
    spec = program_spec(duration_weeks=10, days_per_week=3, deload_every_n_microcycles=3)
    program = generate(spec)
    assert [cycle.sequence for cycle in program.microcycles] == list(range(1, 11))
    assert [cycle.is_deload for cycle in program.microcycles] == [
        sequence % 3 == 0 for sequence in range(1, 11)
    ]
    for cycle in program.microcycles:
        assert cycle.length_days == 7
        assert cycle.start_date == spec.start_date + timedelta(weeks=cycle.sequence - 1)
        assert [session.date - cycle.start_date for session in cycle.sessions] == [
            timedelta(days=offset) for offset in (0, 2, 4)
        ]
        assert [session.day_number for session in cycle.sessions] == [1, 3, 5]
        assert all((session.notes is not None) == cycle.is_deload for session in cycle.sessions)
    assert program.session_count == 30
    assert program.seed == spec.seed
    assert program.scoring_config_version == DEFAULT_CONFIG.version


def test_exercises_are_ordered_by_role_with_consistent_prescriptions() -> None:
    program = generate(program_spec(days_per_week=5, max_session_minutes=90))
    for session in program.sessions:
        assert [exercise.order for exercise in session.exercises] == list(
            range(1, len(session.exercises) + 1)
        )
        ranks = [ROLE_RANK[exercise.role] for exercise in session.exercises]
        assert ranks == sorted(ranks)
        groups = Counter(e.superset_group for e in session.exercises if e.superset_group)
        assert all(count == 2 for count in groups.values())
        for exercise in session.exercises:
            assert exercise.target_sets >= 1
            assert exercise.rep_range_min <= exercise.rep_range_max
            if exercise.superset_group is not None:
                assert exercise.role == ExerciseRole.ACCESSORY
            if exercise.target_rpe is None:
                assert exercise.target_rir is None
                assert exercise.role in (ExerciseRole.WARMUP, ExerciseRole.COOLDOWN)
            else:
                assert exercise.target_rir == int(10 - exercise.target_rpe)
        patterns = {
            MOVEMENTS_BY_ID[exercise.movement_id].pattern
            for exercise in session.exercises
            if exercise.role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
        }
        assert set(session.intent_patterns) == patterns


def test_a_movement_is_not_repeated_before_it_has_recovered() -> None:
    program = generate(program_spec(days_per_week=7, max_session_minutes=120))
    last_used: dict[str, object] = {}
    for session in program.sessions:
        for exercise in session.exercises:
            if exercise.role not in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY):
                continue
            movement = MOVEMENTS_BY_ID[exercise.movement_id]
            if movement.id in last_used:
                hours = (session.date - last_used[movement.id]).days * 24
                assert hours >= movement.min_recovery_hours, movement.name
            last_used[movement.id] = session.date


def test_crossfit_programs_get_finishers_outside_deload_weeks() -> None:
    spec = program_spec(
        disciplines=((Discipline.CROSSFIT, 4), (Discipline.POWERLIFTING, 6)),
        max_session_minutes=75,
    )
    program = generate(spec)
    circuit_ids = {circuit.id for circuit in CIRCUITS}
    for cycle in program.microcycles:
        finishers = [session.finisher_circuit_id for session in cycle.sessions]
        if cycle.is_deload:
            assert finishers == [None] * len(finishers)
        else:
            assert all(finisher in circuit_ids for finisher in finishers)
        for first, second in itertools.pairwise(finishers):
            assert first is None or first != second


def test_conditioning_goals_get_finishers_too() -> None:
    spec = program_spec(goals=((Goal.FAT_LOSS, 5), (Goal.STRENGTH, 5)))
    assert any(session.finisher_circuit_id for session in generate(spec).sessions)


def test_pure_strength_programs_get_no_circuits() -> None:
    for session in generate(program_spec()).sessions:
        assert session.finisher_circuit_id is None
        assert session.main_circuit_id is None


def test_crossfit_led_programs_centre_full_body_days_on_a_circuit() -> None:
    spec = program_spec(
        days_per_week=3,
        max_session_minutes=60,
        disciplines=((Discipline.CROSSFIT, 7), (Discipline.OLYMPIC_WEIGHTLIFTING, 3)),
    )
    loading = [s for c in generate(spec).microcycles if not c.is_deload for s in c.sessions]
    assert all(session.main_circuit_id for session in loading)
    assert all(session.finisher_circuit_id is None for session in loading)


def test_strength_goals_ask_for_fewer_reps_than_endurance_goals() -> None:
    def main_reps(goal: Goal) -> set[tuple[int, int]]:
        program = generate(program_spec(goals=((goal, 10),)))
        return {
            (exercise.rep_range_min, exercise.rep_range_max)
            for session in program.sessions
            for exercise in session.exercises
            if exercise.role == ExerciseRole.MAIN
            and MOVEMENTS_BY_ID[exercise.movement_id].metric_type == "reps"
        }

    assert main_reps(Goal.STRENGTH) == {(3, 6)}
    assert main_reps(Goal.ENDURANCE) == {(5, 8)}


def main_exercise_weeks(spec: ProgramSpec) -> list[list[tuple[int, float]]]:
    """Sets and RPE of the first session's main exercises, microcycle by microcycle."""
    return [
        [
            (exercise.target_sets, exercise.target_rpe)
            for exercise in cycle.sessions[0].exercises
            if exercise.role == ExerciseRole.MAIN
        ]
        for cycle in generate(spec).microcycles
    ]


def test_linear_progression_raises_effort_week_by_week_within_a_block() -> None:
    weeks = main_exercise_weeks(program_spec(deload_every_n_microcycles=4))
    first, second, third = (weeks[index][0][1] for index in range(3))
    assert first < second < third


def test_double_progression_adds_sets_week_by_week_within_a_block() -> None:
    spec = program_spec(
        progression_style=ProgressionStyle.DOUBLE_PROGRESSION, deload_every_n_microcycles=4
    )
    weeks = main_exercise_weeks(spec)
    first, second, third = (weeks[index][0][0] for index in range(3))
    assert first < second < third


def test_undulating_progression_varies_effort_across_the_week() -> None:
    spec = program_spec(progression_style=ProgressionStyle.UNDULATING, days_per_week=3)
    week = generate(spec).microcycles[0]
    efforts = [
        next(e.target_rpe for e in session.exercises if e.role == ExerciseRole.MAIN)
        for session in week.sessions
    ]
    assert efforts[0] > efforts[1] > efforts[2]


def test_blocks_after_a_deload_bring_new_exercises() -> None:
    program = generate(program_spec(deload_every_n_microcycles=3))
    first_block = {e.movement_id for e in program.microcycles[0].sessions[0].exercises}
    second_block = {e.movement_id for e in program.microcycles[3].sessions[0].exercises}
    assert first_block != second_block


def test_the_seed_changes_the_program() -> None:
    programs = {generate(program_spec(seed=seed)) for seed in range(5)}
    assert len(programs) > 1


def test_the_scoring_weights_steer_the_choice() -> None:
    only_compound = replace(
        DEFAULT_CONFIG,
        weights=replace(
            DEFAULT_CONFIG.weights,
            compound_bonus=50.0,
            discipline_preference=0.0,
            specialization=0.0,
        ),
    )
    program = generate_program(program_spec(), MOVEMENTS, CIRCUITS, only_compound)
    accessories = [
        MOVEMENTS_BY_ID[exercise.movement_id]
        for session in program.sessions
        for exercise in session.exercises
        if exercise.role == ExerciseRole.ACCESSORY
    ]
    assert accessories
    assert all(movement.compound for movement in accessories)
