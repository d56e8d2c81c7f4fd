"""Times the pure generator: a 12-week, 6-day program over a 150-movement library.

Run from the repository root: `python -m loadtests.bench_generator [--rounds 20]`.
Prints the median wall-clock and CPU (process time) milliseconds of the rounds; CPU time is the
steadier of the two on a shared machine.
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
    cpu_timings = []
    for round_number in range(arguments.rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        program = generate_program(
            replace(spec, seed=round_number), library, CIRCUITS, DEFAULT_CONFIG
        )
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
        timings.append((time.perf_counter() - started) * 1000)
    exercises = sum(len(session.exercises) for session in program.sessions)
    print(
        f"generate_program: 12 weeks x 6 days, {len(library)} movements, "
        f"{program.session_count} sessions, {exercises} exercises: "
        f"median {statistics.median(timings):.1f} ms over {arguments.rounds} rounds "
        f"(min {min(timings):.1f}, max {max(timings):.1f}); "
        f"CPU median {statistics.median(cpu_timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
