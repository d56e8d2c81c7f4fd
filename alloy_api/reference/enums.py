"""Every reference enum of the API, in one place. Values are snake_case and part of the contract."""

from enum import StrEnum


class MovementPattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    HORIZONTAL_PUSH = "horizontal_push"
    VERTICAL_PUSH = "vertical_push"
    HORIZONTAL_PULL = "horizontal_pull"
    VERTICAL_PULL = "vertical_pull"
    CARRY = "carry"
    CORE = "core"
    LUNGE = "lunge"
    ROTATION = "rotation"
    PLYOMETRIC = "plyometric"
    OLYMPIC = "olympic"
    ISOLATION = "isolation"
    MOBILITY = "mobility"
    CONDITIONING = "conditioning"
    CARDIO = "cardio"


class Discipline(StrEnum):
    POWERLIFTING = "powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic_weightlifting"
    BODYBUILDING = "bodybuilding"
    CROSSFIT = "crossfit"
    STRONGMAN = "strongman"
    CALISTHENICS = "calisthenics"
    YOGA = "yoga"
    RUNNING = "running"
    OTHER = "other"


class Goal(StrEnum):
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"
    FAT_LOSS = "fat_loss"
    MOBILITY = "mobility"
    EXPLOSIVENESS = "explosiveness"
    SPEED = "speed"


class CircuitType(StrEnum):
    ROUNDS_FOR_TIME = "rounds_for_time"
    AMRAP = "amrap"
    EMOM = "emom"
    LADDER = "ladder"
    TABATA = "tabata"
    CHIPPER = "chipper"
    STATION = "station"


class SessionType(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    PUSH = "push"
    PULL = "pull"
    LEGS = "legs"
    FULL_BODY = "full_body"
    CONDITIONING = "conditioning"
    RECOVERY = "recovery"


class ExerciseRole(StrEnum):
    WARMUP = "warmup"
    MAIN = "main"
    ACCESSORY = "accessory"
    FINISHER = "finisher"
    COOLDOWN = "cooldown"


class PrimaryMuscle(StrEnum):
    CHEST = "chest"
    UPPER_BACK = "upper_back"
    LATS = "lats"
    FRONT_DELTS = "front_delts"
    SIDE_DELTS = "side_delts"
    REAR_DELTS = "rear_delts"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    CORE = "core"
    OBLIQUES = "obliques"
    LOWER_BACK = "lower_back"
    GLUTES = "glutes"
    QUADRICEPS = "quadriceps"
    HAMSTRINGS = "hamstrings"
    ADDUCTORS = "adductors"
    CALVES = "calves"
    HIP_FLEXORS = "hip_flexors"
    NECK = "neck"
    FULL_BODY = "full_body"


class Equipment(StrEnum):
    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    CABLE = "cable"
    MACHINE = "machine"
    BODYWEIGHT = "bodyweight"
    BAND = "band"
    PULL_UP_BAR = "pull_up_bar"
    BENCH = "bench"
    RINGS = "rings"
    SLED = "sled"
    MEDICINE_BALL = "medicine_ball"
    ROWER = "rower"
    BIKE = "bike"
    SKI_ERG = "ski_erg"
    BOX = "box"
    SANDBAG = "sandbag"
    TRAP_BAR = "trap_bar"
    LANDMINE = "landmine"
    JUMP_ROPE = "jump_rope"


class BodyRegion(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    CORE = "core"
    FULL_BODY = "full_body"


class SkillLevel(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class CnsLoad(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class MetricType(StrEnum):
    REPS = "reps"
    DURATION = "duration"
    DISTANCE = "distance"


class SplitTemplate(StrEnum):
    FULL_BODY = "full_body"
    UPPER_LOWER = "upper_lower"
    PUSH_PULL_LEGS = "push_pull_legs"
    HYBRID = "hybrid"


class ProgressionStyle(StrEnum):
    LINEAR = "linear"
    DOUBLE_PROGRESSION = "double_progression"
    UNDULATING = "undulating"


class MicrocycleStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETE = "complete"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    COMPLETED = "completed"
