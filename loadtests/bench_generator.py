"""Times the pure generator: a 12-week, 6-day program over a 150-movement library.

Run from the repository root: `python -m loadtests.bench_generator [--rounds 20]`.
Prints the median wall-clock milliseconds of the rounds.
"""

import argparse
import statistics
import time
from dataclasses import replace

from alloy_api.programs.generator import generate_program
from alloy_api.reference.enums import Discipline, Goal
from tests.programs.synthetic_library import (
    CIRCUITS,
    DEFAULT_CONFIG,
    larger_library,
    program_spec,
)

LIBRARY_SIZE = 150


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--minutes", type=int, default=75, help="max_session_minutes")
    arguments = parser.parse_args()
    library = larger_library(LIBRARY_SIZE)
    spec = program_spec(
        duration_weeks=12,
        days_per_week=6,
        max_session_minutes=arguments.minutes,
        goals=((Goal.STRENGTH, 5), (Goal.HYPERTROPHY, 3), (Goal.FAT_LOSS, 2)),
        disciplines=(
            (Discipline.POWERLIFTING, 4),
            (Discipline.CROSSFIT, 3),
            (Discipline.BODYBUILDING, 3),
        ),
    )
    timings = []
    for round_number in range(arguments.rounds):
        started = time.perf_counter()
        program = generate_program(
            replace(spec, seed=round_number), library, CIRCUITS, DEFAULT_CONFIG
        )
        timings.append((time.perf_counter() - started) * 1000)
    exercises = sum(len(session.exercises) for session in program.sessions)
    print(
        f"generate_program: 12 weeks x 6 days, {len(library)} movements, "
        f"{program.session_count} sessions, {exercises} exercises: "
        f"median {statistics.median(timings):.1f} ms over {arguments.rounds} rounds "
        f"(min {min(timings):.1f}, max {max(timings):.1f})"
    )


if __name__ == "__main__":
    main()
