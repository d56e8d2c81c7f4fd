"""The program generator: a pure, deterministic function of its inputs and `spec.seed`.

A program is a run of 7-day microcycles. Loading microcycles between two deloads form a block;
each block plans one week of sessions (main patterns, exercises, circuits) and repeats it with
progression applied, and every Nth microcycle is a deload copy of the week before it with half the
sets and easier efforts.
"""

from collections.abc import Iterable
from datetime import timedelta

from alloy_api.programs.generator.doses import Dose, SessionTemplate
from alloy_api.programs.generator.materialize import (
    SessionLayout,
    materialize_session,
    session_layout,
)
from alloy_api.programs.generator.planner import ProgramGenerator
from alloy_api.programs.generator.progression import deload_dose, loading_dose
from alloy_api.programs.generator.schedule import is_deload, session_types, training_day_offsets
from alloy_api.programs.generator.tables import MICROCYCLE_DAYS
from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    PlannedMicrocycle,
    PlannedProgram,
    ProgramSpec,
    ScoringConfig,
)


def generate_program(
    spec: ProgramSpec,
    movements: Iterable[MovementOption],
    circuits: Iterable[CircuitOption],
    config: ScoringConfig,
) -> PlannedProgram:
    """The whole program for `spec`; the same arguments always give the same program."""
    generator = ProgramGenerator(spec, movements, circuits, config)
    microcycles: list[PlannedMicrocycle] = []
    templates: list[SessionTemplate] = []
    layouts: list[SessionLayout] = []
    loading_week = 0
    last_doses: list[list[Dose]] = []
    for sequence in range(1, spec.duration_weeks + 1):
        start = spec.start_date + timedelta(days=MICROCYCLE_DAYS * (sequence - 1))
        deload = is_deload(sequence, spec.deload_every_n_microcycles)
        if deload:
            week_doses = [[deload_dose(dose) for dose in doses] for doses in last_doses]
            loading_week = 0
        else:
            if loading_week == 0:
                templates = generator.plan_block(templates)
                layouts = [session_layout(template) for template in templates]
            week_doses = [
                [
                    loading_dose(ex, spec.progression_style, loading_week, index)
                    for ex in template.exercises
                ]
                for index, template in enumerate(templates)
            ]
            loading_week += 1
        last_doses = week_doses
        sessions = tuple(
            materialize_session(
                template, layout, start + timedelta(days=template.offset), doses, deload
            )
            for template, layout, doses in zip(templates, layouts, week_doses, strict=True)
        )
        microcycles.append(
            PlannedMicrocycle(
                sequence=sequence,
                start_date=start,
                length_days=MICROCYCLE_DAYS,
                is_deload=deload,
                sessions=sessions,
            )
        )
    return PlannedProgram(
        seed=spec.seed, scoring_config_version=config.version, microcycles=tuple(microcycles)
    )


__all__ = ["generate_program", "session_types", "training_day_offsets"]
