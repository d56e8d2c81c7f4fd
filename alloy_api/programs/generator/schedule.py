"""Which days train, which session types a week holds, which microcycles deload, and the search
that assigns main patterns."""

import itertools

from alloy_api.programs.generator.tables import MICROCYCLE_DAYS, SPLITS, SPLITS_BY_DAYS
from alloy_api.programs.plan import (
    ProgramSpec,
)
from alloy_api.reference.enums import (
    MovementPattern,
    SessionType,
)

MAX_SEARCH_STEPS = 20_000


def search_assignment(
    options: list[list[tuple[MovementPattern, ...]]], previous_last: frozenset[MovementPattern]
) -> list[tuple[MovementPattern, ...]] | None:
    """A choice per session with no pattern shared by neighbours, the week wrapping around."""
    count = len(options)
    chosen: list[tuple[MovementPattern, ...]] = []
    steps = 0

    def fits(index: int, option: tuple[MovementPattern, ...]) -> bool:
        previous = set(chosen[index - 1]) if index else previous_last
        if previous.intersection(option):
            return False
        return not (index == count - 1 and index > 0 and set(chosen[0]).intersection(option))

    def search(index: int) -> bool:
        nonlocal steps
        if index == count:
            return True
        for option in options[index]:
            steps += 1
            if steps > MAX_SEARCH_STEPS:
                return False
            if fits(index, option):
                chosen.append(option)
                if search(index + 1):
                    return True
                chosen.pop()
        return False

    return chosen if search(0) else None


def training_day_offsets(days_per_week: int) -> tuple[int, ...]:
    """Days of the microcycle (0-based) that hold a session, spread as evenly as 7 days allow."""
    return tuple(index * MICROCYCLE_DAYS // days_per_week for index in range(days_per_week))


def session_types(spec: ProgramSpec) -> tuple[SessionType, ...]:
    if spec.split_template in SPLITS:
        cycle = SPLITS[spec.split_template]
    elif spec.days_per_week <= 3:
        cycle = (SessionType.FULL_BODY,)
    else:
        cycle = SPLITS_BY_DAYS[min(spec.days_per_week, 6)]
    return tuple(itertools.islice(itertools.cycle(cycle), spec.days_per_week))


def is_deload(sequence: int, deload_every: int) -> bool:
    return sequence % deload_every == 0
