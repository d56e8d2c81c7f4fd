"""The generator's fixed tables: session lengths, main and accessory patterns per session
type, splits and goal biases."""

from alloy_api.reference.enums import (
    ExerciseRole,
    Goal,
    MovementPattern,
    PrimaryMuscle,
    SessionType,
    SplitTemplate,
)

P = MovementPattern
MICROCYCLE_DAYS = 7
HOURS_PER_DAY = 24
SECONDS_PER_REP = 4
METERS_PER_SECOND = 3
TRANSITION_SECONDS = 60
DURATION_RANGE = (30, 60)
DISTANCE_RANGE = (200, 400)
MAX_ACCESSORIES = 6
WARMUP_MIN_MINUTES = 30
COOLDOWN_MIN_MINUTES = 45
MAX_FINISHER_MINUTES = 15
MAIN_CIRCUIT_MINUTES = (8, 30)
CROSSFIT_FINISHER_WEIGHT = 3
CONDITIONING_GOAL_FINISHER_WEIGHT = 4
CROSSFIT_MAIN_CIRCUIT_WEIGHT = 5
OLYMPIC_MAIN_WEIGHT = 3
JITTER_SHARE = 0.03
NOVELTY_PENALTY_SHARE = 0.08
DELOAD_RPE_DROP = 1.5
LOWEST_RPE = 1.0
HIGHEST_RPE = 10.0
WEIGHT_SCALE = 10

LOWER_MAINS = frozenset({P.SQUAT, P.HINGE, P.LUNGE})
PUSH_MAINS = frozenset({P.HORIZONTAL_PUSH, P.VERTICAL_PUSH})
PULL_MAINS = frozenset({P.HORIZONTAL_PULL, P.VERTICAL_PULL})
KNEE_MAINS = frozenset({P.SQUAT, P.LUNGE})
HIP_MAINS = frozenset({P.HINGE})

MAIN_SLOTS: dict[SessionType, tuple[frozenset[MovementPattern], ...]] = {
    SessionType.FULL_BODY: (LOWER_MAINS, PUSH_MAINS | PULL_MAINS),
    SessionType.UPPER: (PUSH_MAINS, PULL_MAINS),
    SessionType.LOWER: (KNEE_MAINS, HIP_MAINS),
    SessionType.LEGS: (KNEE_MAINS, HIP_MAINS),
    SessionType.PUSH: (PUSH_MAINS,),
    SessionType.PULL: (PULL_MAINS,),
    SessionType.CONDITIONING: (frozenset({P.CONDITIONING, P.CARDIO}),),
    SessionType.RECOVERY: (frozenset({P.MOBILITY}),),
}
ACCESSORY_PATTERNS: dict[SessionType, frozenset[MovementPattern]] = {
    SessionType.FULL_BODY: frozenset(
        {*LOWER_MAINS, *PUSH_MAINS, *PULL_MAINS, P.CORE, P.CARRY, P.ROTATION, P.ISOLATION}
    ),
    SessionType.UPPER: frozenset({*PUSH_MAINS, *PULL_MAINS, P.ISOLATION, P.CORE, P.ROTATION}),
    SessionType.LOWER: frozenset({*LOWER_MAINS, P.ISOLATION, P.CORE, P.PLYOMETRIC, P.CARRY}),
    SessionType.LEGS: frozenset({*LOWER_MAINS, P.ISOLATION, P.CORE, P.PLYOMETRIC}),
    SessionType.PUSH: frozenset({*PUSH_MAINS, P.ISOLATION, P.CORE}),
    SessionType.PULL: frozenset({*PULL_MAINS, P.ISOLATION, P.CORE, P.CARRY}),
    SessionType.CONDITIONING: frozenset({P.CONDITIONING, P.CARDIO, P.PLYOMETRIC, P.CARRY}),
    SessionType.RECOVERY: frozenset({P.MOBILITY, P.CORE}),
}
M = PrimaryMuscle
PUSH_MUSCLES = frozenset({M.CHEST, M.TRICEPS, M.FRONT_DELTS, M.SIDE_DELTS})
PULL_MUSCLES = frozenset({M.LATS, M.UPPER_BACK, M.BICEPS, M.REAR_DELTS, M.FOREARMS, M.NECK})
LEG_MUSCLES = frozenset(
    {M.QUADRICEPS, M.HAMSTRINGS, M.GLUTES, M.CALVES, M.ADDUCTORS, M.HIP_FLEXORS, M.LOWER_BACK}
)
ISOLATION_MUSCLES: dict[SessionType, frozenset[PrimaryMuscle]] = {
    SessionType.PUSH: PUSH_MUSCLES,
    SessionType.PULL: PULL_MUSCLES,
    SessionType.UPPER: PUSH_MUSCLES | PULL_MUSCLES,
    SessionType.LEGS: LEG_MUSCLES,
    SessionType.LOWER: LEG_MUSCLES,
}
WARMUP_PATTERNS = frozenset({P.MOBILITY, P.CARDIO, P.PLYOMETRIC})
COOLDOWN_PATTERNS = frozenset({P.MOBILITY})
RECOVERY_EXEMPT_ROLES = frozenset({ExerciseRole.WARMUP, ExerciseRole.COOLDOWN})

SPLITS: dict[SplitTemplate, tuple[SessionType, ...]] = {
    SplitTemplate.FULL_BODY: (SessionType.FULL_BODY,),
    SplitTemplate.UPPER_LOWER: (SessionType.UPPER, SessionType.LOWER),
    SplitTemplate.PUSH_PULL_LEGS: (SessionType.PUSH, SessionType.PULL, SessionType.LEGS),
}
SPLITS_BY_DAYS: dict[int, tuple[SessionType, ...]] = {
    4: (SessionType.UPPER, SessionType.LOWER),
    5: (SessionType.UPPER, SessionType.LOWER, SessionType.FULL_BODY),
    6: (
        SessionType.PUSH,
        SessionType.PULL,
        SessionType.LEGS,
        SessionType.UPPER,
        SessionType.LOWER,
        SessionType.FULL_BODY,
    ),
}
GOAL_REP_BIAS: dict[Goal, float] = {
    Goal.STRENGTH: -1.0,
    Goal.EXPLOSIVENESS: -0.5,
    Goal.SPEED: -0.5,
    Goal.HYPERTROPHY: 0.0,
    Goal.MOBILITY: 0.0,
    Goal.FAT_LOSS: 0.5,
    Goal.ENDURANCE: 1.0,
}
CONDITIONING_PATTERNS = frozenset({P.CONDITIONING, P.CARDIO})
