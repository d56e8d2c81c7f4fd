"""The scoring config Alloy ships with: version 1, written by `alloy seed`."""

from alloy_api.scoring.schemas import DimensionWeights, SetRepRange, SetRepRanges

DEFAULT_WEIGHTS = DimensionWeights(
    pattern_alignment=3.0,
    muscle_coverage=2.0,
    discipline_preference=2.0,
    compound_bonus=1.0,
    specialization=1.0,
    goal_alignment=2.5,
    time_utilization=1.0,
)
DEFAULT_SET_REP_RANGES = SetRepRanges(
    warmup=SetRepRange(sets_min=1, sets_max=2, reps_min=8, reps_max=15),
    main=SetRepRange(sets_min=3, sets_max=5, reps_min=3, reps_max=8),
    accessory=SetRepRange(sets_min=2, sets_max=4, reps_min=8, reps_max=15),
    finisher=SetRepRange(sets_min=1, sets_max=3, reps_min=10, reps_max=30),
    cooldown=SetRepRange(sets_min=1, sets_max=2, reps_min=5, reps_max=10),
)
SYSTEM_AUTHOR = "system"
