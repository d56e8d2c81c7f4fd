"""A realistic movement and circuit library in plain generator values, for tests and benchmarks.

Each movement line: name | pattern | primary muscle | secondary muscles | equipment | disciplines |
flags, where flags are `c` compound, `u` unilateral, `H`/`L` high/low CNS load, `d` timed, `m`
distance, `I`/`A` intermediate/advanced skill, and `rNN` the minimum recovery hours.
"""

import uuid
from dataclasses import replace
from datetime import date

from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    ProgramSpec,
    RolePrescription,
    ScoringConfig,
    ScoringWeights,
)
from alloy_api.reference.enums import (
    CircuitType,
    CnsLoad,
    Discipline,
    Equipment,
    ExerciseRole,
    Goal,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SkillLevel,
)

LIBRARY_NAMESPACE = uuid.UUID("6f1c0f52-3c1b-4f53-9a58-6c54b0d0a001")
DISCIPLINE_CODES = {
    "PL": Discipline.POWERLIFTING,
    "OW": Discipline.OLYMPIC_WEIGHTLIFTING,
    "BB": Discipline.BODYBUILDING,
    "CF": Discipline.CROSSFIT,
    "SM": Discipline.STRONGMAN,
    "CA": Discipline.CALISTHENICS,
    "YO": Discipline.YOGA,
    "RU": Discipline.RUNNING,
    "OT": Discipline.OTHER,
}

MOVEMENT_TABLE = """
Back Squat | squat | quadriceps | glutes,core | barbell | PL,BB,CF | c H r72
Front Squat | squat | quadriceps | glutes,core | barbell | OW,CF,BB | c H I r72
Low Bar Squat | squat | glutes | quadriceps,lower_back | barbell | PL | c H I r72
Goblet Squat | squat | quadriceps | glutes,core | kettlebell,dumbbell | BB,CF,OT | c
Hack Squat | squat | quadriceps | glutes | machine | BB | c
Leg Press | squat | quadriceps | glutes | machine | BB,OT | c
Overhead Squat | squat | quadriceps | front_delts,core | barbell | OW,CF | c H A r72
Pistol Squat | squat | quadriceps | glutes,core | bodyweight | CA,CF | c u A
Box Squat | squat | glutes | quadriceps,hamstrings | barbell,box | PL,SM | c H r72
Safety Bar Squat | squat | quadriceps | upper_back,glutes | barbell | PL,SM | c H r72
Zercher Squat | squat | quadriceps | upper_back,core | barbell | SM | c H I r72
Air Squat | squat | quadriceps | glutes | bodyweight | CA,CF,OT | c L
Conventional Deadlift | hinge | hamstrings | glutes,lower_back | barbell | PL,SM,CF | c H r72
Sumo Deadlift | hinge | glutes | adductors,hamstrings | barbell | PL | c H I r72
Romanian Deadlift | hinge | hamstrings | glutes,lower_back | barbell | BB,PL,OW | c
Trap Bar Deadlift | hinge | glutes | quadriceps,hamstrings | trap_bar | SM,OT | c H r72
Good Morning | hinge | hamstrings | lower_back | barbell | PL,OW | c I
Kettlebell Swing | hinge | glutes | hamstrings,core | kettlebell | CF,OT | c L
Hip Thrust | hinge | glutes | hamstrings | barbell,bench | BB | c
Single Leg Romanian Deadlift | hinge | hamstrings | glutes,core | dumbbell | BB,OT | u
Rack Pull | hinge | lower_back | upper_back,glutes | barbell | PL,SM | c H r72
Atlas Stone Load | hinge | glutes | lower_back,upper_back,biceps | sandbag | SM | c H A r72
Back Extension | hinge | lower_back | glutes,hamstrings | bench | BB,CA | L
Glute Bridge | hinge | glutes | hamstrings | bodyweight | CA,YO | L
Single Leg Hip Thrust | hinge | glutes | hamstrings | bodyweight,bench | CA,BB | u
Deficit Deadlift | hinge | hamstrings | glutes,quadriceps | barbell | PL | c H A r72
Bench Press | horizontal_push | chest | triceps,front_delts | barbell,bench | PL,BB | c H
Incline Dumbbell Press | horizontal_push | chest | front_delts,triceps | dumbbell,bench | BB | c
Close Grip Bench Press | horizontal_push | triceps | chest | barbell,bench | PL,BB | c
Push Up | horizontal_push | chest | triceps,core | bodyweight | CA,CF,OT | c L
Ring Dip | horizontal_push | chest | triceps,front_delts | rings | CA,CF | c I
Parallel Bar Dip | horizontal_push | triceps | chest | bodyweight | CA,BB | c
Floor Press | horizontal_push | triceps | chest | barbell | PL,SM | c
Machine Chest Press | horizontal_push | chest | triceps | machine | BB,OT | c L
Archer Push Up | horizontal_push | chest | triceps | bodyweight | CA | u I
Landmine Press | horizontal_push | front_delts | chest,triceps | landmine | SM,OT | c u
Overhead Press | vertical_push | front_delts | triceps,core | barbell | PL,OW,SM | c H
Push Press | vertical_push | front_delts | triceps,quadriceps | barbell | OW,CF,SM | c H I
Seated Dumbbell Press | vertical_push | front_delts | triceps | dumbbell,bench | BB | c
Handstand Push Up | vertical_push | front_delts | triceps | bodyweight | CA,CF | c A
Pike Push Up | vertical_push | front_delts | triceps | bodyweight | CA | c
Log Press | vertical_push | front_delts | triceps,upper_back | barbell | SM | c H I
Arnold Press | vertical_push | front_delts | side_delts,triceps | dumbbell | BB | c
Split Jerk | vertical_push | front_delts | quadriceps,triceps | barbell | OW,CF | c H A r72
Single Arm Kettlebell Press | vertical_push | front_delts | core | kettlebell | OT,CF | c u
Barbell Row | horizontal_pull | upper_back | lats,biceps | barbell | PL,BB | c
Pendlay Row | horizontal_pull | upper_back | lats,lower_back | barbell | PL,OW | c I
Dumbbell Row | horizontal_pull | lats | upper_back,biceps | dumbbell,bench | BB,OT | c u
Seated Cable Row | horizontal_pull | upper_back | lats,biceps | cable | BB | c L
Inverted Row | horizontal_pull | upper_back | biceps,core | bodyweight | CA,OT | c L
Ring Row | horizontal_pull | upper_back | biceps | rings | CA,CF | c L
Chest Supported Row | horizontal_pull | upper_back | rear_delts | machine | BB | c L
Seal Row | horizontal_pull | upper_back | lats | barbell,bench | PL,BB | c
Arm Over Arm Sled Pull | horizontal_pull | upper_back | biceps,forearms | sled | SM | c m
Face Pull | horizontal_pull | rear_delts | upper_back | cable | BB,PL | L
Pull Up | vertical_pull | lats | biceps,upper_back | pull_up_bar | CA,CF,OT | c
Chin Up | vertical_pull | lats | biceps | pull_up_bar | CA,BB | c
Lat Pulldown | vertical_pull | lats | biceps | cable | BB,OT | c L
Muscle Up | vertical_pull | lats | triceps,chest | rings | CA,CF | c H A
Weighted Pull Up | vertical_pull | lats | biceps | pull_up_bar | CA,PL | c I
Single Arm Lat Pulldown | vertical_pull | lats | biceps | cable | BB | u L
Kipping Pull Up | vertical_pull | lats | core | pull_up_bar | CF | c I
Straight Arm Pulldown | vertical_pull | lats | core | cable | BB | L
Rope Climb | vertical_pull | lats | biceps,forearms | bodyweight | CF | c I
Farmer Carry | carry | forearms | upper_back,core | dumbbell | SM,CF,OT | c m
Yoke Carry | carry | core | upper_back,quadriceps | barbell | SM | c H m A r72
Suitcase Carry | carry | obliques | forearms | kettlebell | OT,SM | u m
Sandbag Carry | carry | upper_back | core,biceps | sandbag | SM,CF | c m
Overhead Carry | carry | front_delts | core | kettlebell | CF,OT | u m
Plank | core | core | front_delts | bodyweight | CA,YO,OT | L d
Hanging Leg Raise | core | core | hip_flexors | pull_up_bar | CA,BB | L
Ab Wheel Rollout | core | core | lats | bodyweight | CA,BB | L
Dead Bug | core | core | hip_flexors | bodyweight | YO,OT | L
Hollow Body Hold | core | core | hip_flexors | bodyweight | CA,CF | L d
Cable Crunch | core | core | obliques | cable | BB | L
Toes To Bar | core | core | lats | pull_up_bar | CF,CA | I
L Sit | core | core | triceps | bodyweight | CA | d I
GHD Sit Up | core | core | hip_flexors | bench | CF | L
Walking Lunge | lunge | quadriceps | glutes | dumbbell | BB,CF,OT | c u
Bulgarian Split Squat | lunge | quadriceps | glutes | dumbbell,bench | BB,PL | c u
Reverse Lunge | lunge | glutes | quadriceps | barbell | PL,OT | c u
Step Up | lunge | quadriceps | glutes | box,dumbbell | OT,CF | c u
Lateral Lunge | lunge | adductors | glutes | kettlebell | OT,YO | u L
Sandbag Lunge | lunge | quadriceps | core | sandbag | SM,CF | c u
Jumping Lunge | lunge | quadriceps | glutes,calves | bodyweight | CA,CF | c u
Cossack Squat | lunge | adductors | quadriceps,glutes | bodyweight | CA,YO | u
Shrimp Squat | lunge | quadriceps | glutes | bodyweight | CA | u A
Pallof Press | rotation | obliques | core | cable,band | OT,BB | L
Russian Twist | rotation | obliques | core | medicine_ball | CF,OT | L
Landmine Rotation | rotation | obliques | core,front_delts | landmine | SM,OT | L
Medicine Ball Rotational Throw | rotation | obliques | core | medicine_ball | OT,RU | H
Woodchopper | rotation | obliques | core | cable | BB | L
Box Jump | plyometric | quadriceps | glutes,calves | box | CF,RU,OT | H
Broad Jump | plyometric | glutes | quadriceps | bodyweight | RU,OT | H
Depth Jump | plyometric | quadriceps | calves | box | RU | H I
Burpee | plyometric | full_body | chest,quadriceps | bodyweight | CF,OT | c
Clap Push Up | plyometric | chest | triceps | bodyweight | CA | H I
Jump Rope Double Under | plyometric | calves | core | jump_rope | CF,RU | L d
Bounding | plyometric | glutes | hamstrings,calves | bodyweight | RU | H u m
Power Clean | olympic | full_body | hamstrings,upper_back | barbell | OW,CF | c H I r72
Snatch | olympic | full_body | front_delts,quadriceps | barbell | OW,CF | c H A r72
Clean And Jerk | olympic | full_body | front_delts,quadriceps | barbell | OW,CF | c H A r72
Hang Power Snatch | olympic | full_body | upper_back,glutes | barbell | OW | c H I r72
Dumbbell Snatch | olympic | full_body | front_delts | dumbbell | CF,OT | c u
Kettlebell Clean | olympic | full_body | forearms | kettlebell | CF,OT,SM | c u
Barbell Curl | isolation | biceps | forearms | barbell | BB | L
Hammer Curl | isolation | biceps | forearms | dumbbell | BB,SM | L
Triceps Pushdown | isolation | triceps | | cable | BB | L
Skull Crusher | isolation | triceps | | barbell,bench | BB,PL | L
Lateral Raise | isolation | side_delts | | dumbbell | BB | L
Rear Delt Fly | isolation | rear_delts | upper_back | dumbbell | BB | L
Leg Extension | isolation | quadriceps | | machine | BB | L
Lying Leg Curl | isolation | hamstrings | | machine | BB,PL | L
Standing Calf Raise | isolation | calves | | machine | BB,RU | L
Nordic Hamstring Curl | isolation | hamstrings | | bodyweight | RU,CA | I
Wrist Roller | isolation | forearms | | bodyweight | SM | L
Neck Harness Extension | isolation | neck | | bodyweight | SM,OT | L
World's Greatest Stretch | mobility | hip_flexors | hamstrings | bodyweight | YO,OT,RU | L d
Downward Dog | mobility | hamstrings | calves,front_delts | bodyweight | YO | L d
Cat Cow | mobility | lower_back | core | bodyweight | YO | L d
Couch Stretch | mobility | hip_flexors | quadriceps | bodyweight | YO,CF | L d
Thoracic Rotation | mobility | upper_back | obliques | bodyweight | YO,OT | L d
Pigeon Pose | mobility | glutes | hip_flexors | bodyweight | YO | L d
Band Pull Apart | mobility | rear_delts | upper_back | band | PL,OT | L
Sun Salutation | mobility | full_body | hamstrings | bodyweight | YO | L d
Rowing Intervals | conditioning | full_body | lats,quadriceps | rower | CF,OT | c m
Assault Bike Sprint | conditioning | quadriceps | full_body | bike | CF | c d
Sled Push | conditioning | quadriceps | glutes,calves | sled | SM,CF | c H m
Ski Erg Intervals | conditioning | lats | triceps,core | ski_erg | CF,RU | c m
Thruster | conditioning | full_body | quadriceps,front_delts | barbell | CF | c H
Wall Ball | conditioning | quadriceps | front_delts | medicine_ball | CF | c
Tire Flip | conditioning | full_body | glutes,upper_back | sandbag | SM | c H A r72
Easy Run | cardio | full_body | calves,hamstrings | bodyweight | RU,OT | L m
Tempo Run | cardio | full_body | calves,hamstrings | bodyweight | RU | m I
Hill Sprint | cardio | glutes | calves,hamstrings | bodyweight | RU | H m
Stationary Bike | cardio | quadriceps | calves | bike | OT,CF | L d
Steady Row | cardio | full_body | lats | rower | OT,CF | L m
Shadow Boxing | cardio | front_delts | core | bodyweight | OT | L d
"""


def movement_id(name: str) -> str:
    return str(uuid.uuid5(LIBRARY_NAMESPACE, name))


def _movement(line: str) -> MovementOption:
    name, pattern, primary, secondaries, equipment, disciplines, flags = (
        part.strip() for part in line.split("|")
    )
    flag_set = set(flags.split())
    recovery = next((int(flag[1:]) for flag in flag_set if flag.startswith("r")), 48)
    skill = SkillLevel.BEGINNER
    if "I" in flag_set:
        skill = SkillLevel.INTERMEDIATE
    if "A" in flag_set:
        skill = SkillLevel.ADVANCED
    metric = MetricType.REPS
    if "d" in flag_set:
        metric = MetricType.DURATION
    if "m" in flag_set:
        metric = MetricType.DISTANCE
    cns = CnsLoad.MODERATE
    if "H" in flag_set:
        cns = CnsLoad.HIGH
    if "L" in flag_set:
        cns = CnsLoad.LOW
    return MovementOption(
        id=movement_id(name),
        name=name,
        pattern=MovementPattern(pattern),
        primary_muscle=PrimaryMuscle(primary),
        secondary_muscles=tuple(PrimaryMuscle(m) for m in secondaries.split(",") if m),
        equipment=tuple(Equipment(e) for e in equipment.split(",") if e),
        disciplines=tuple(DISCIPLINE_CODES[code] for code in disciplines.split(",") if code),
        skill_level=skill,
        cns_load=cns,
        compound="c" in flag_set,
        unilateral="u" in flag_set,
        metric_type=metric,
        min_recovery_hours=recovery,
    )


MOVEMENTS: tuple[MovementOption, ...] = tuple(
    _movement(line) for line in MOVEMENT_TABLE.strip().splitlines()
)
MOVEMENTS_BY_ID = {movement.id: movement for movement in MOVEMENTS}
VARIATIONS = ("Paused", "Tempo", "Banded", "Chain")


def larger_library(size: int) -> tuple[MovementOption, ...]:
    """The library plus named variations of its movements, up to `size` movements."""
    extra = []
    for variation in VARIATIONS:
        for movement in MOVEMENTS:
            if len(MOVEMENTS) + len(extra) >= size:
                return (*MOVEMENTS, *extra)
            name = f"{variation} {movement.name}"
            extra.append(_replace_identity(movement, name))
    return (*MOVEMENTS, *extra)


def _replace_identity(movement: MovementOption, name: str) -> MovementOption:
    return replace(movement, id=movement_id(name), name=name)


def _circuit(
    name: str,
    circuit_type: CircuitType,
    movement_names: tuple[str, ...],
    *,
    rounds: int | None = None,
    seconds: int | None = None,
    tier: int = 2,
) -> CircuitOption:
    return CircuitOption(
        id=str(uuid.uuid5(LIBRARY_NAMESPACE, f"circuit {name}")),
        name=name,
        circuit_type=circuit_type,
        movement_ids=tuple(movement_id(movement) for movement in movement_names),
        default_rounds=rounds,
        default_duration_seconds=seconds,
        difficulty_tier=tier,
    )


CIRCUITS: tuple[CircuitOption, ...] = (
    _circuit("Fran", CircuitType.ROUNDS_FOR_TIME, ("Thruster", "Pull Up"), rounds=3, tier=3),
    _circuit("Cindy", CircuitType.AMRAP, ("Pull Up", "Push Up", "Air Squat"), seconds=1200),
    _circuit("Burner", CircuitType.EMOM, ("Burpee", "Kettlebell Swing"), seconds=600, tier=1),
    _circuit("Ladder Up", CircuitType.LADDER, ("Wall Ball", "Box Jump"), rounds=5),
    _circuit("Tabata Bike", CircuitType.TABATA, ("Assault Bike Sprint",), seconds=240, tier=1),
    _circuit(
        "Long Chipper",
        CircuitType.CHIPPER,
        ("Rowing Intervals", "Wall Ball", "Toes To Bar", "Burpee"),
        seconds=1500,
        tier=3,
    ),
    _circuit("Strongman Medley", CircuitType.STATION, ("Sled Push", "Farmer Carry"), rounds=3),
    _circuit("Short Row", CircuitType.AMRAP, ("Rowing Intervals", "Push Up"), seconds=480, tier=1),
    _circuit("Core Tabata", CircuitType.TABATA, ("Hollow Body Hold",), seconds=240, tier=1),
    _circuit(
        "Twelve Minute EMOM", CircuitType.EMOM, ("Thruster", "Toes To Bar"), seconds=720, tier=2
    ),
)

ROLE_PRESCRIPTIONS = {
    ExerciseRole.WARMUP: RolePrescription(1, 2, 8, 12, None, 30),
    ExerciseRole.MAIN: RolePrescription(3, 5, 3, 8, 8.0, 180),
    ExerciseRole.ACCESSORY: RolePrescription(2, 4, 8, 15, 7.5, 90),
    ExerciseRole.FINISHER: RolePrescription(1, 1, 10, 20, 8.0, 60),
    ExerciseRole.COOLDOWN: RolePrescription(1, 2, 30, 60, None, 15),
}
DEFAULT_WEIGHTS = ScoringWeights(
    pattern_alignment=3.0,
    muscle_coverage=2.0,
    discipline_preference=3.0,
    compound_bonus=1.0,
    specialization=1.0,
    goal_alignment=2.0,
    time_utilization=1.0,
)
DEFAULT_CONFIG = ScoringConfig(version=1, weights=DEFAULT_WEIGHTS, roles=ROLE_PRESCRIPTIONS)


def program_spec(**overrides: object) -> ProgramSpec:
    """A 12-week, 4-day strength program; keyword arguments replace any field."""
    values: dict[str, object] = {
        "duration_weeks": 12,
        "days_per_week": 4,
        "max_session_minutes": 60,
        "goals": ((Goal.STRENGTH, 6), (Goal.HYPERTROPHY, 4)),
        "disciplines": ((Discipline.POWERLIFTING, 7), (Discipline.BODYBUILDING, 3)),
        "start_date": date(2026, 12, 7),
        "seed": 7,
    }
    values.update(overrides)
    return ProgramSpec(**values)  # type: ignore[arg-type]
