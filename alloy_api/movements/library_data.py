"""The movement library shipped with Alloy and loaded by `alloy seed`.

Each row: name, pattern, primary muscle, secondary muscles, region (U upper, L lower, C core,
F full body), equipment, disciplines, skill (B/I/A), CNS load (L/M/H), C compound or I isolation,
B bilateral or U unilateral, metric, minimum recovery hours, substitution group, description.
"""

from dataclasses import dataclass

from alloy_api.reference.enums import (
    BodyRegion,
    CnsLoad,
    Discipline,
    Equipment,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    SkillLevel,
)

REGIONS = {
    "U": BodyRegion.UPPER,
    "L": BodyRegion.LOWER,
    "C": BodyRegion.CORE,
    "F": BodyRegion.FULL_BODY,
}
SKILLS = {"B": SkillLevel.BEGINNER, "I": SkillLevel.INTERMEDIATE, "A": SkillLevel.ADVANCED}
CNS_LOADS = {"L": CnsLoad.LOW, "M": CnsLoad.MODERATE, "H": CnsLoad.HIGH}


@dataclass(frozen=True, slots=True)
class LibraryMovement:
    name: str
    pattern: MovementPattern
    primary_muscle: PrimaryMuscle
    secondary_muscles: tuple[PrimaryMuscle, ...]
    region: BodyRegion
    equipment: tuple[Equipment, ...]
    disciplines: tuple[Discipline, ...]
    skill_level: SkillLevel
    cns_load: CnsLoad
    compound: bool
    unilateral: bool
    metric_type: MetricType
    min_recovery_hours: int
    substitution_group: str
    description: str


# fmt: off
_ROWS: tuple[tuple[str, ...], ...] = (
    # squat
    ("Back Squat", "squat", "quadriceps", "glutes adductors lower_back", "L", "barbell", "powerlifting bodybuilding crossfit", "I", "H", "C", "B", "reps", "72", "squat_bilateral", "Bar on the upper back, sit the hips down between the heels and stand back up with a braced trunk."),
    ("Front Squat", "squat", "quadriceps", "glutes upper_back core", "L", "barbell", "olympic_weightlifting crossfit bodybuilding", "I", "H", "C", "B", "reps", "72", "squat_bilateral", "Bar racked on the front of the shoulders with high elbows; an upright torso loads the knees more than the hips."),
    ("Goblet Squat", "squat", "quadriceps", "glutes core", "L", "dumbbell kettlebell", "bodybuilding crossfit other", "B", "L", "C", "B", "reps", "48", "squat_bilateral", "A single weight held at the chest counterbalances the descent, which makes depth and posture easy to learn."),
    ("Box Squat", "squat", "glutes", "quadriceps hamstrings", "L", "barbell box", "powerlifting", "I", "M", "C", "B", "reps", "72", "squat_bilateral", "Sit back to a box, pause without relaxing, then drive up; teaches hip drive and controls depth."),
    ("Overhead Squat", "squat", "quadriceps", "upper_back side_delts core", "F", "barbell", "olympic_weightlifting crossfit", "A", "H", "C", "B", "reps", "72", "squat_overhead", "A full squat with the bar locked out overhead in a wide grip; demands ankle, hip and thoracic mobility."),
    ("Leg Press", "squat", "quadriceps", "glutes", "L", "machine", "bodybuilding", "B", "M", "C", "B", "reps", "48", "squat_machine", "Press a weighted sled away on a fixed track; heavy leg work with little demand on the back."),
    ("Hack Squat", "squat", "quadriceps", "glutes", "L", "machine", "bodybuilding", "B", "M", "C", "B", "reps", "48", "squat_machine", "A machine squat with the back supported on an angled pad, biased towards the quadriceps."),
    ("Safety Bar Squat", "squat", "quadriceps", "glutes upper_back", "L", "barbell", "powerlifting strongman", "I", "H", "C", "B", "reps", "72", "squat_bilateral", "A cambered, padded bar with handles in front lets stiff shoulders squat heavy and taxes the upper back."),
    ("Air Squat", "squat", "quadriceps", "glutes", "L", "bodyweight", "crossfit calisthenics running", "B", "L", "C", "B", "reps", "24", "squat_bodyweight", "The unloaded squat, done for volume or as a warm-up, hips below the knees at the bottom."),
    ("Pistol Squat", "squat", "quadriceps", "glutes core", "L", "bodyweight", "calisthenics crossfit", "A", "M", "C", "U", "reps", "48", "squat_single_leg", "A full squat on one leg with the other held straight in front; strength, balance and mobility at once."),
    ("Zercher Squat", "squat", "quadriceps", "upper_back core biceps", "L", "barbell", "strongman powerlifting", "A", "H", "C", "B", "reps", "72", "squat_bilateral", "The bar rides in the crook of the elbows; brutal on the upper back and trunk."),
    # hinge
    ("Conventional Deadlift", "hinge", "hamstrings", "glutes lower_back upper_back forearms", "F", "barbell", "powerlifting strongman crossfit", "I", "H", "C", "B", "reps", "96", "hinge_deadlift", "Pull the bar from the floor to a lockout with the feet under the hips and hands just outside the legs."),
    ("Sumo Deadlift", "hinge", "glutes", "adductors hamstrings quadriceps", "L", "barbell", "powerlifting", "I", "H", "C", "B", "reps", "96", "hinge_deadlift", "A wide stance with the hands inside the knees shortens the pull and shifts work to the hips and inner thighs."),
    ("Romanian Deadlift", "hinge", "hamstrings", "glutes lower_back", "L", "barbell dumbbell", "bodybuilding powerlifting olympic_weightlifting", "I", "M", "C", "B", "reps", "72", "hinge_romanian", "From standing, push the hips back with soft knees until the hamstrings stop you, then return."),
    ("Trap Bar Deadlift", "hinge", "quadriceps", "glutes hamstrings upper_back", "F", "trap_bar", "strongman other", "B", "H", "C", "B", "reps", "72", "hinge_deadlift", "Stand inside a hexagonal bar with neutral handles; a friendly, quad-heavier deadlift."),
    ("Kettlebell Swing", "hinge", "glutes", "hamstrings core forearms", "L", "kettlebell", "crossfit other", "B", "M", "C", "B", "reps", "48", "hinge_ballistic", "A hip snap projects the bell forward to chest height; the arms only guide it."),
    ("Good Morning", "hinge", "hamstrings", "lower_back glutes", "L", "barbell", "powerlifting", "I", "M", "C", "B", "reps", "72", "hinge_romanian", "With the bar on the back, fold forward at the hips with a flat back and return."),
    ("Hip Thrust", "hinge", "glutes", "hamstrings", "L", "barbell bench", "bodybuilding other", "B", "L", "C", "B", "reps", "48", "hinge_bridge", "Upper back on a bench, bar across the hips, drive the hips up to full extension and squeeze."),
    ("Glute Bridge", "hinge", "glutes", "hamstrings", "L", "bodyweight", "yoga running other", "B", "L", "I", "B", "reps", "24", "hinge_bridge", "Lying on the back with feet planted, lift the hips until knees, hips and shoulders line up."),
    ("Single-Leg Romanian Deadlift", "hinge", "hamstrings", "glutes core", "L", "dumbbell kettlebell", "running bodybuilding other", "I", "L", "C", "U", "reps", "48", "hinge_romanian", "A hinge on one leg while the other reaches back; trains balance and each side's hamstring alone."),
    ("Back Extension", "hinge", "lower_back", "glutes hamstrings", "C", "machine", "bodybuilding powerlifting", "B", "L", "I", "B", "reps", "48", "hinge_extension", "Hips on a pad, lower the torso and raise it back in line with the legs."),
    ("Rack Pull", "hinge", "upper_back", "glutes hamstrings forearms", "F", "barbell", "powerlifting strongman", "I", "H", "C", "B", "reps", "72", "hinge_deadlift", "A deadlift from pins set around the knees; heavy lockout work for the back and grip."),
    ("Nordic Hamstring Curl", "hinge", "hamstrings", "glutes", "L", "bodyweight", "running other", "A", "M", "I", "B", "reps", "72", "hinge_knee_flexion", "Anchored at the ankles, lower the body forward as slowly as possible using the hamstrings."),
    # horizontal push
    ("Bench Press", "horizontal_push", "chest", "triceps front_delts", "U", "barbell bench", "powerlifting bodybuilding", "I", "M", "C", "B", "reps", "72", "press_horizontal", "Lower the bar to the chest from a stable arched position on the bench and press it back over the shoulders."),
    ("Dumbbell Bench Press", "horizontal_push", "chest", "triceps front_delts", "U", "dumbbell bench", "bodybuilding other", "B", "L", "C", "B", "reps", "48", "press_horizontal", "A bench press with two dumbbells; a longer range and each arm working on its own."),
    ("Incline Bench Press", "horizontal_push", "chest", "front_delts triceps", "U", "barbell bench", "bodybuilding powerlifting", "I", "M", "C", "B", "reps", "72", "press_incline", "Pressing on a bench set to about 30 degrees puts more of the work on the upper chest and shoulders."),
    ("Close-Grip Bench Press", "horizontal_push", "triceps", "chest front_delts", "U", "barbell bench", "powerlifting bodybuilding", "I", "M", "C", "B", "reps", "72", "press_horizontal", "A shoulder-width grip and tucked elbows make the bench press a triceps builder."),
    ("Push-Up", "horizontal_push", "chest", "triceps front_delts core", "U", "bodyweight", "calisthenics crossfit other", "B", "L", "C", "B", "reps", "24", "press_bodyweight", "A moving plank: lower the chest to the floor and push back up with the body in one line."),
    ("Ring Dip", "horizontal_push", "triceps", "chest front_delts", "U", "rings", "calisthenics crossfit", "A", "M", "C", "B", "reps", "48", "dip", "A dip on free-hanging rings; keeping them still is half the work."),
    ("Parallel Bar Dip", "horizontal_push", "triceps", "chest front_delts", "U", "bodyweight", "calisthenics bodybuilding", "I", "M", "C", "B", "reps", "48", "dip", "Lower between two bars until the shoulders pass the elbows, then press to straight arms."),
    ("Machine Chest Press", "horizontal_push", "chest", "triceps", "U", "machine", "bodybuilding", "B", "L", "C", "B", "reps", "48", "press_machine", "A guided pressing path that lets the chest work to failure safely."),
    ("Floor Press", "horizontal_push", "triceps", "chest", "U", "barbell dumbbell", "powerlifting strongman", "I", "M", "C", "B", "reps", "48", "press_horizontal", "Pressing from the floor stops each rep at the upper arm and removes leg drive."),
    ("Landmine Press", "horizontal_push", "front_delts", "chest triceps core", "U", "landmine", "other strongman", "B", "L", "C", "U", "reps", "48", "press_angled", "Press the free end of a hinged bar up and forward; shoulder-friendly and trains one side at a time."),
    # vertical push
    ("Overhead Press", "vertical_push", "front_delts", "triceps side_delts core", "U", "barbell", "powerlifting strongman crossfit bodybuilding", "I", "M", "C", "B", "reps", "72", "press_vertical", "Standing strict press from the front rack to lockout overhead, the head moving through as the bar passes."),
    ("Seated Dumbbell Shoulder Press", "vertical_push", "front_delts", "triceps side_delts", "U", "dumbbell bench", "bodybuilding", "B", "L", "C", "B", "reps", "48", "press_vertical", "Seated with back support, press two dumbbells from shoulder level to overhead."),
    ("Push Press", "vertical_push", "front_delts", "triceps quadriceps", "F", "barbell", "olympic_weightlifting crossfit strongman", "I", "H", "C", "B", "reps", "72", "press_vertical", "A short dip and drive of the legs starts the bar, the arms finish the press."),
    ("Handstand Push-Up", "vertical_push", "front_delts", "triceps core", "U", "bodyweight", "calisthenics crossfit", "A", "M", "C", "B", "reps", "48", "press_bodyweight_vertical", "Upside down against a wall, lower the head to the floor and press back to straight arms."),
    ("Pike Push-Up", "vertical_push", "front_delts", "triceps", "U", "bodyweight", "calisthenics yoga", "B", "L", "C", "B", "reps", "24", "press_bodyweight_vertical", "Hips high in an inverted V, bend the elbows to bring the head toward the floor; a step to handstand push-ups."),
    ("Log Press", "vertical_push", "front_delts", "triceps upper_back core", "F", "barbell", "strongman", "A", "H", "C", "B", "reps", "96", "press_vertical", "Clean a thick log with neutral handles to the chest and drive it overhead."),
    ("Arnold Press", "vertical_push", "front_delts", "side_delts triceps", "U", "dumbbell", "bodybuilding", "B", "L", "C", "B", "reps", "48", "press_vertical", "A dumbbell press that rotates the palms from facing you to facing forward on the way up."),
    ("Single-Arm Kettlebell Press", "vertical_push", "front_delts", "triceps core obliques", "U", "kettlebell", "other crossfit", "I", "L", "C", "U", "reps", "48", "press_vertical", "Press one bell from the rack; the trunk resists leaning to the loaded side."),
    # horizontal pull
    ("Barbell Row", "horizontal_pull", "upper_back", "lats biceps rear_delts", "U", "barbell", "powerlifting bodybuilding", "I", "M", "C", "B", "reps", "48", "row", "Hinged over with a flat back, row the bar to the lower chest and lower it under control."),
    ("Pendlay Row", "horizontal_pull", "upper_back", "lats rear_delts lower_back", "U", "barbell", "powerlifting olympic_weightlifting", "I", "M", "C", "B", "reps", "48", "row", "Each rep starts dead on the floor with the torso parallel to it; an explosive, strict row."),
    ("One-Arm Dumbbell Row", "horizontal_pull", "lats", "upper_back biceps", "U", "dumbbell bench", "bodybuilding other", "B", "L", "C", "U", "reps", "48", "row", "A hand and knee on a bench, row one dumbbell toward the hip."),
    ("Seated Cable Row", "horizontal_pull", "upper_back", "lats biceps", "U", "cable", "bodybuilding", "B", "L", "C", "B", "reps", "48", "row", "Seated with braced feet, pull the handle to the stomach while keeping the torso still."),
    ("Inverted Row", "horizontal_pull", "upper_back", "biceps rear_delts core", "U", "bodyweight pull_up_bar", "calisthenics crossfit", "B", "L", "C", "B", "reps", "24", "row_bodyweight", "Hanging under a low bar with a straight body, pull the chest up to it."),
    ("Ring Row", "horizontal_pull", "upper_back", "biceps rear_delts", "U", "rings", "calisthenics crossfit", "B", "L", "C", "B", "reps", "24", "row_bodyweight", "An inverted row on rings; walking the feet forward makes it harder."),
    ("Chest-Supported Row", "horizontal_pull", "upper_back", "rear_delts lats", "U", "dumbbell bench", "bodybuilding", "B", "L", "C", "B", "reps", "48", "row", "Lying face down on an incline bench removes the lower back from the row."),
    ("Face Pull", "horizontal_pull", "rear_delts", "upper_back", "U", "cable band", "bodybuilding other", "B", "L", "I", "B", "reps", "24", "rear_delt", "Pull a rope toward the face with the elbows high, finishing with the hands beside the ears."),
    ("Meadows Row", "horizontal_pull", "lats", "upper_back rear_delts forearms", "U", "landmine", "bodybuilding", "I", "L", "C", "U", "reps", "48", "row", "Standing side-on to a landmine, row the bar's end with an overhand grip."),
    # vertical pull
    ("Pull-Up", "vertical_pull", "lats", "biceps upper_back", "U", "pull_up_bar", "calisthenics crossfit bodybuilding", "I", "M", "C", "B", "reps", "48", "vertical_pull", "From a dead hang with an overhand grip, pull until the chin clears the bar."),
    ("Chin-Up", "vertical_pull", "lats", "biceps", "U", "pull_up_bar", "calisthenics bodybuilding", "I", "M", "C", "B", "reps", "48", "vertical_pull", "A pull-up with palms facing you; the biceps share more of the work."),
    ("Lat Pulldown", "vertical_pull", "lats", "biceps upper_back", "U", "cable machine", "bodybuilding", "B", "L", "C", "B", "reps", "48", "vertical_pull", "Seated under a cable, pull the bar to the upper chest; a scalable pull-up."),
    ("Kipping Pull-Up", "vertical_pull", "lats", "core biceps", "U", "pull_up_bar", "crossfit", "I", "M", "C", "B", "reps", "48", "vertical_pull", "A hip swing drives the body up to the bar so more reps fit in a conditioning piece."),
    ("Muscle-Up", "vertical_pull", "lats", "triceps chest core", "U", "rings", "calisthenics crossfit", "A", "H", "C", "B", "reps", "72", "vertical_pull", "A pull from hanging to above the rings through a fast transition, ending in a dip."),
    ("Rope Climb", "vertical_pull", "lats", "biceps forearms core", "F", "bodyweight", "crossfit", "I", "M", "C", "B", "reps", "48", "vertical_pull", "Climb a hanging rope with a foot lock or arms alone; one ascent is one rep."),
    ("Single-Arm Cable Pulldown", "vertical_pull", "lats", "biceps", "U", "cable", "bodybuilding", "B", "L", "I", "U", "reps", "48", "vertical_pull", "Pull a single handle down along the side of the body to isolate each lat."),
    ("Straight-Arm Pulldown", "vertical_pull", "lats", "triceps", "U", "cable", "bodybuilding", "B", "L", "I", "B", "reps", "24", "lat_isolation", "Arms kept straight, sweep the bar from eye level to the thighs using only the lats."),
    # carry
    ("Farmer's Carry", "carry", "forearms", "upper_back core glutes", "F", "dumbbell kettlebell trap_bar", "strongman crossfit other", "B", "M", "C", "B", "distance", "48", "carry", "Walk tall with a heavy weight in each hand; grip, posture and trunk under load."),
    ("Suitcase Carry", "carry", "obliques", "forearms core", "C", "dumbbell kettlebell", "other strongman", "B", "L", "C", "U", "distance", "24", "carry_offset", "A weight in one hand only; the trunk must stop you leaning toward it."),
    ("Yoke Walk", "carry", "upper_back", "quadriceps core", "F", "barbell", "strongman", "A", "H", "C", "B", "distance", "96", "carry", "Carry a heavy frame across the upper back for distance, taking short, quick steps."),
    ("Sandbag Carry", "carry", "upper_back", "biceps core glutes", "F", "sandbag", "strongman crossfit", "I", "M", "C", "B", "distance", "48", "carry", "Hug a shifting sandbag against the chest and walk; awkward loads build real-world strength."),
    ("Overhead Carry", "carry", "side_delts", "core triceps", "U", "dumbbell kettlebell", "other crossfit", "I", "L", "C", "B", "distance", "48", "carry_overhead", "Walk with the weights locked out overhead and the ribs kept down."),
    ("Waiter's Walk", "carry", "side_delts", "core", "U", "kettlebell", "other", "B", "L", "C", "U", "distance", "24", "carry_overhead", "One bell held overhead, palm up as if carrying a tray, trains shoulder stability."),
    ("Zercher Carry", "carry", "upper_back", "biceps core", "F", "barbell", "strongman", "A", "M", "C", "B", "distance", "48", "carry", "The bar in the elbows' crook, walk for distance with an upright chest."),
    # core
    ("Plank", "core", "core", "front_delts glutes", "C", "bodyweight", "yoga calisthenics other", "B", "L", "I", "B", "duration", "24", "anti_extension", "Hold a straight line from head to heels on forearms and toes, squeezing the glutes."),
    ("Side Plank", "core", "obliques", "core glutes", "C", "bodyweight", "yoga other", "B", "L", "I", "U", "duration", "24", "anti_lateral_flexion", "On one forearm with the body sideways and straight; the hips must not sag."),
    ("Hanging Leg Raise", "core", "core", "hip_flexors forearms", "C", "pull_up_bar", "calisthenics bodybuilding crossfit", "I", "L", "I", "B", "reps", "24", "hanging_core", "From a dead hang, lift straight legs toward the bar without swinging."),
    ("Toes-to-Bar", "core", "core", "hip_flexors lats", "C", "pull_up_bar", "crossfit", "I", "M", "C", "B", "reps", "24", "hanging_core", "Hanging from the bar, bring both feet up to touch it, often with a kip."),
    ("Ab Wheel Rollout", "core", "core", "lats", "C", "bodyweight", "other bodybuilding", "I", "L", "I", "B", "reps", "24", "anti_extension", "Roll a wheel forward from the knees as far as the trunk can hold, then pull back."),
    ("Dead Bug", "core", "core", "hip_flexors", "C", "bodyweight", "running yoga other", "B", "L", "I", "B", "reps", "24", "anti_extension", "On the back with limbs raised, lower the opposite arm and leg while the lower back stays down."),
    ("Hollow Body Hold", "core", "core", "hip_flexors", "C", "bodyweight", "calisthenics crossfit", "B", "L", "I", "B", "duration", "24", "anti_extension", "Shoulders and legs just off the floor, lower back pressed down; the base of gymnastics."),
    ("GHD Sit-Up", "core", "core", "hip_flexors", "C", "machine", "crossfit", "I", "M", "I", "B", "reps", "48", "flexion", "A sit-up through a full range over the pad of a glute-ham machine."),
    ("L-Sit", "core", "core", "hip_flexors triceps", "C", "bodyweight", "calisthenics", "I", "L", "I", "B", "duration", "24", "hanging_core", "Support yourself on straight arms with the legs held out level in front."),
    ("Cable Crunch", "core", "core", "obliques", "C", "cable", "bodybuilding", "B", "L", "I", "B", "reps", "24", "flexion", "Kneeling under a cable, curl the ribs toward the hips against the load."),
    ("Bird Dog", "core", "lower_back", "glutes core", "C", "bodyweight", "yoga running other", "B", "L", "I", "B", "reps", "24", "anti_rotation", "On hands and knees, reach the opposite arm and leg long without rocking the hips."),
    # lunge
    ("Walking Lunge", "lunge", "quadriceps", "glutes adductors", "L", "dumbbell bodyweight", "bodybuilding crossfit running", "B", "M", "C", "U", "reps", "48", "lunge", "Step forward into a lunge and bring the back foot through into the next one."),
    ("Reverse Lunge", "lunge", "glutes", "quadriceps", "L", "dumbbell bodyweight", "other running", "B", "L", "C", "U", "reps", "48", "lunge", "Step backwards into the lunge; easier on the knees than stepping forward."),
    ("Bulgarian Split Squat", "lunge", "quadriceps", "glutes adductors", "L", "dumbbell bench", "bodybuilding running other", "I", "M", "C", "U", "reps", "48", "split_squat", "Rear foot on a bench, lower the back knee toward the floor on the front leg."),
    ("Step-Up", "lunge", "quadriceps", "glutes", "L", "box dumbbell", "running other", "B", "L", "C", "U", "reps", "48", "step_up", "Drive up onto a box through the front leg without pushing off the back one."),
    ("Lateral Lunge", "lunge", "adductors", "glutes quadriceps", "L", "bodyweight dumbbell", "running other yoga", "B", "L", "C", "U", "reps", "24", "lunge_lateral", "Step wide to one side, sitting into that hip while the other leg stays straight."),
    ("Barbell Split Squat", "lunge", "quadriceps", "glutes", "L", "barbell", "powerlifting olympic_weightlifting", "I", "M", "C", "U", "reps", "48", "split_squat", "A static lunge stance with the bar on the back, moving straight down and up."),
    ("Overhead Walking Lunge", "lunge", "quadriceps", "side_delts core glutes", "F", "barbell dumbbell", "crossfit", "I", "M", "C", "U", "reps", "48", "lunge", "Walking lunges with a weight locked out overhead."),
    ("Curtsy Lunge", "lunge", "glutes", "adductors quadriceps", "L", "bodyweight dumbbell", "other", "B", "L", "C", "U", "reps", "24", "lunge_lateral", "Step one leg diagonally behind the other, as in a curtsy, to load the outer hip."),
    # rotation
    ("Russian Twist", "rotation", "obliques", "core", "C", "medicine_ball bodyweight", "crossfit other", "B", "L", "I", "B", "reps", "24", "rotation", "Seated and leaning back, turn the shoulders side to side carrying a weight."),
    ("Cable Woodchop", "rotation", "obliques", "core front_delts", "C", "cable", "other bodybuilding", "B", "L", "C", "B", "reps", "24", "rotation", "Pull a cable diagonally across the body from high to low, turning through the hips."),
    ("Pallof Press", "rotation", "obliques", "core", "C", "cable band", "other running", "B", "L", "I", "B", "reps", "24", "anti_rotation", "Press a side-anchored cable straight out from the chest and hold it without twisting."),
    ("Medicine Ball Rotational Throw", "rotation", "obliques", "core glutes", "F", "medicine_ball", "other running", "I", "M", "C", "B", "reps", "48", "rotation_power", "Side-on to a wall, load the back hip and throw the ball by turning hard."),
    ("Landmine Rotation", "rotation", "obliques", "core front_delts", "C", "landmine", "other", "I", "L", "C", "B", "reps", "24", "rotation", "Arc the end of a landmine bar from hip to hip with straight arms."),
    ("Windshield Wiper", "rotation", "obliques", "core hip_flexors", "C", "pull_up_bar", "calisthenics", "A", "M", "I", "B", "reps", "48", "rotation", "Hanging with the legs raised to the bar, swing them side to side in an arc."),
    # plyometric
    ("Box Jump", "plyometric", "quadriceps", "glutes calves", "L", "box", "crossfit running other", "B", "M", "C", "B", "reps", "48", "jump", "Jump onto a box and land softly in a quarter squat; step down."),
    ("Broad Jump", "plyometric", "glutes", "quadriceps hamstrings", "L", "bodyweight", "running other", "B", "M", "C", "B", "reps", "48", "jump", "Jump forward as far as possible from both feet and stick the landing."),
    ("Depth Jump", "plyometric", "quadriceps", "calves glutes", "L", "box", "running olympic_weightlifting", "A", "H", "C", "B", "reps", "72", "jump_reactive", "Step off a box and rebound into a jump the instant the feet touch down."),
    ("Burpee", "plyometric", "full_body", "chest quadriceps", "F", "bodyweight", "crossfit calisthenics", "B", "M", "C", "B", "reps", "24", "burpee", "Drop to the floor, chest down, then jump back to the feet and clap overhead."),
    ("Jump Squat", "plyometric", "quadriceps", "glutes calves", "L", "bodyweight", "running other", "B", "M", "C", "B", "reps", "48", "jump", "Squat to a comfortable depth and jump as high as possible."),
    ("Plyometric Push-Up", "plyometric", "chest", "triceps front_delts", "U", "bodyweight", "calisthenics other", "I", "M", "C", "B", "reps", "48", "press_power", "Push off the floor hard enough for the hands to leave it."),
    ("Skater Jump", "plyometric", "glutes", "adductors calves", "L", "bodyweight", "running other", "B", "L", "C", "U", "reps", "24", "jump_lateral", "Bound sideways from one leg to the other, landing balanced each time."),
    ("Medicine Ball Slam", "plyometric", "lats", "core front_delts", "F", "medicine_ball", "crossfit other", "B", "M", "C", "B", "reps", "24", "slam", "Lift the ball overhead and throw it down into the floor with the whole body."),
    ("Bounding", "plyometric", "glutes", "hamstrings calves", "L", "bodyweight", "running", "I", "M", "C", "U", "distance", "48", "jump_lateral", "Exaggerated running strides that cover as much ground as possible per contact."),
    # olympic
    ("Clean", "olympic", "full_body", "quadriceps glutes upper_back", "F", "barbell", "olympic_weightlifting crossfit", "A", "H", "C", "B", "reps", "72", "olympic_clean", "Pull the bar from the floor and drop under it to receive it in a front squat."),
    ("Power Clean", "olympic", "full_body", "glutes hamstrings upper_back", "F", "barbell", "olympic_weightlifting crossfit strongman", "I", "H", "C", "B", "reps", "72", "olympic_clean", "A clean caught above parallel; a staple for developing power."),
    ("Hang Clean", "olympic", "full_body", "upper_back glutes", "F", "barbell", "olympic_weightlifting crossfit", "I", "H", "C", "B", "reps", "72", "olympic_clean", "A clean started from just above the knees, emphasising the second pull."),
    ("Snatch", "olympic", "full_body", "upper_back quadriceps side_delts", "F", "barbell", "olympic_weightlifting crossfit", "A", "H", "C", "B", "reps", "72", "olympic_snatch", "Take the bar from the floor to overhead in one motion, received in a deep squat."),
    ("Power Snatch", "olympic", "full_body", "upper_back glutes", "F", "barbell", "olympic_weightlifting crossfit", "A", "H", "C", "B", "reps", "72", "olympic_snatch", "A snatch caught above parallel with a wide grip."),
    ("Clean and Jerk", "olympic", "full_body", "front_delts quadriceps triceps", "F", "barbell", "olympic_weightlifting crossfit", "A", "H", "C", "B", "reps", "96", "olympic_clean", "Clean the bar to the shoulders, stand, then drive it overhead, usually with a split."),
    ("Split Jerk", "olympic", "front_delts", "triceps quadriceps", "F", "barbell", "olympic_weightlifting", "A", "H", "C", "B", "reps", "72", "olympic_jerk", "Dip and drive the bar off the shoulders and split the feet to catch it overhead."),
    ("Dumbbell Snatch", "olympic", "full_body", "glutes side_delts", "F", "dumbbell", "crossfit", "I", "M", "C", "U", "reps", "48", "olympic_snatch", "A single dumbbell taken from the floor to overhead in one explosive pull."),
    ("Clean Pull", "olympic", "hamstrings", "upper_back glutes", "F", "barbell", "olympic_weightlifting", "I", "H", "C", "B", "reps", "72", "olympic_pull", "The pull of the clean finished with a shrug, without dropping under the bar."),
    # isolation
    ("Barbell Curl", "isolation", "biceps", "forearms", "U", "barbell", "bodybuilding", "B", "L", "I", "B", "reps", "24", "arm_curl", "Curl the bar from the thighs to the shoulders without swinging."),
    ("Hammer Curl", "isolation", "biceps", "forearms", "U", "dumbbell", "bodybuilding", "B", "L", "I", "B", "reps", "24", "arm_curl", "A dumbbell curl with the palms facing each other, hitting the forearm flexors too."),
    ("Triceps Pushdown", "isolation", "triceps", "", "U", "cable", "bodybuilding", "B", "L", "I", "B", "reps", "24", "triceps_extension", "Elbows pinned at the sides, press a cable attachment down to straight arms."),
    ("Skull Crusher", "isolation", "triceps", "", "U", "barbell bench", "bodybuilding powerlifting", "B", "L", "I", "B", "reps", "24", "triceps_extension", "Lying on a bench, bend only at the elbows to lower the bar toward the forehead."),
    ("Lateral Raise", "isolation", "side_delts", "", "U", "dumbbell cable", "bodybuilding", "B", "L", "I", "B", "reps", "24", "lateral_raise", "Raise the dumbbells out to the sides to shoulder height with slightly bent arms."),
    ("Rear Delt Fly", "isolation", "rear_delts", "upper_back", "U", "dumbbell machine", "bodybuilding", "B", "L", "I", "B", "reps", "24", "rear_delt", "Bent over, open the arms out to the sides leading with the elbows."),
    ("Leg Extension", "isolation", "quadriceps", "", "L", "machine", "bodybuilding", "B", "L", "I", "B", "reps", "24", "knee_extension", "Seated, straighten the knees against a padded lever."),
    ("Lying Leg Curl", "isolation", "hamstrings", "calves", "L", "machine", "bodybuilding", "B", "L", "I", "B", "reps", "24", "hinge_knee_flexion", "Face down, curl the heels toward the glutes against the pad."),
    ("Standing Calf Raise", "isolation", "calves", "", "L", "machine bodyweight", "bodybuilding running", "B", "L", "I", "B", "reps", "24", "calf_raise", "Rise onto the toes from a stretched position on a step, pausing at the top."),
    ("Cable Fly", "isolation", "chest", "front_delts", "U", "cable", "bodybuilding", "B", "L", "I", "B", "reps", "24", "chest_fly", "Bring two cable handles together in a wide hugging arc in front of the chest."),
    ("Wrist Curl", "isolation", "forearms", "", "U", "barbell dumbbell", "bodybuilding strongman", "B", "L", "I", "B", "reps", "24", "grip", "Forearms on the thighs, curl the weight up with the wrists alone."),
    ("Neck Harness Extension", "isolation", "neck", "upper_back", "U", "machine", "other strongman", "I", "L", "I", "B", "reps", "48", "neck", "Lift a plate hung from a head harness by extending the neck, slowly."),
    ("Hip Adduction Machine", "isolation", "adductors", "", "L", "machine", "bodybuilding", "B", "L", "I", "B", "reps", "24", "adduction", "Seated, squeeze the pads together with the inner thighs."),
    ("Banded Hip Abduction", "isolation", "glutes", "", "L", "band", "running other", "B", "L", "I", "B", "reps", "24", "abduction", "A band around the knees, press them apart against it while seated or bridging."),
    # mobility
    ("World's Greatest Stretch", "mobility", "hip_flexors", "hamstrings upper_back", "F", "bodyweight", "running yoga other", "B", "L", "C", "U", "reps", "0", "mobility_hip", "From a deep lunge, drop the elbow toward the instep, rotate the arm to the sky, then straighten the front leg."),
    ("Cat-Cow", "mobility", "lower_back", "upper_back core", "C", "bodyweight", "yoga other", "B", "L", "I", "B", "reps", "0", "mobility_spine", "On hands and knees, alternately round and arch the spine with the breath."),
    ("Downward Dog", "mobility", "hamstrings", "calves front_delts", "F", "bodyweight", "yoga running", "B", "L", "C", "B", "duration", "0", "mobility_posterior", "Hands and feet on the floor with the hips high, lengthen the spine and press the heels down."),
    ("Pigeon Pose", "mobility", "glutes", "hip_flexors", "L", "bodyweight", "yoga running", "B", "L", "I", "U", "duration", "0", "mobility_hip", "Front shin across the mat, back leg long; sink into the outer hip of the front leg."),
    ("90/90 Hip Switch", "mobility", "glutes", "adductors hip_flexors", "L", "bodyweight", "yoga other", "B", "L", "I", "B", "reps", "0", "mobility_hip", "Seated with both knees bent at right angles, rotate the legs from side to side."),
    ("Couch Stretch", "mobility", "hip_flexors", "quadriceps", "L", "bodyweight", "crossfit running", "B", "L", "I", "U", "duration", "0", "mobility_hip", "Back knee against a wall with the shin up it, lift the chest to stretch the front of the hip."),
    ("Thoracic Spine Rotation", "mobility", "upper_back", "obliques", "U", "bodyweight", "yoga other", "B", "L", "I", "U", "reps", "0", "mobility_spine", "Lying on the side with the knees stacked, open the top arm across to the other side."),
    ("Band Shoulder Dislocate", "mobility", "front_delts", "rear_delts upper_back", "U", "band", "olympic_weightlifting crossfit", "B", "L", "I", "B", "reps", "0", "mobility_shoulder", "Holding a band wide, pass it from the front of the hips over the head to behind and back."),
    ("Sun Salutation", "mobility", "full_body", "hamstrings core", "F", "bodyweight", "yoga", "B", "L", "C", "B", "reps", "0", "mobility_flow", "A linked flow of forward fold, plank, cobra and downward dog with the breath."),
    ("Deep Squat Hold", "mobility", "hip_flexors", "adductors calves", "L", "bodyweight", "yoga olympic_weightlifting other", "B", "L", "I", "B", "duration", "0", "mobility_hip", "Rest at the bottom of a squat with the heels down and chest up."),
    # conditioning
    ("Thruster", "conditioning", "quadriceps", "front_delts triceps glutes", "F", "barbell dumbbell", "crossfit", "I", "H", "C", "B", "reps", "48", "squat_press", "A front squat flowing straight into a push press in one movement."),
    ("Wall Ball", "conditioning", "quadriceps", "front_delts glutes", "F", "medicine_ball", "crossfit", "B", "M", "C", "B", "reps", "24", "squat_press", "Squat with a medicine ball and throw it to a target high on a wall, catching into the next rep."),
    ("Sled Push", "conditioning", "quadriceps", "glutes calves", "L", "sled", "strongman crossfit other", "B", "M", "C", "B", "distance", "48", "sled", "Drive a loaded sled across the floor with low hips and short powerful steps."),
    ("Sled Drag", "conditioning", "hamstrings", "glutes upper_back", "F", "sled", "strongman running", "B", "L", "C", "B", "distance", "24", "sled", "Walk backwards or forwards pulling a sled by straps; little soreness afterwards."),
    ("Battle Rope Waves", "conditioning", "front_delts", "core forearms", "U", "bodyweight", "crossfit other", "B", "L", "C", "B", "duration", "24", "rope", "Whip two heavy ropes up and down in fast alternating waves."),
    ("Devil Press", "conditioning", "full_body", "chest glutes front_delts", "F", "dumbbell", "crossfit", "I", "H", "C", "B", "reps", "48", "burpee", "A burpee onto two dumbbells, then swing them from the floor to overhead in one go."),
    ("Atlas Stone Load", "conditioning", "glutes", "upper_back biceps hamstrings", "F", "sandbag", "strongman", "A", "H", "C", "B", "reps", "96", "stone", "Lap a heavy stone, re-grip and extend the hips to roll it onto a platform."),
    ("Tire Flip", "conditioning", "full_body", "glutes hamstrings chest", "F", "bodyweight", "strongman crossfit", "I", "H", "C", "B", "reps", "72", "tire", "Drive under a heavy tire, stand it up and push it over."),
    ("Man Maker", "conditioning", "full_body", "chest upper_back quadriceps", "F", "dumbbell", "crossfit other", "I", "H", "C", "B", "reps", "48", "burpee", "Push-up, a row on each side, jump in, clean and thrust the dumbbells overhead."),
    # cardio
    ("Rowing", "cardio", "full_body", "upper_back quadriceps", "F", "rower", "crossfit other running", "B", "L", "C", "B", "distance", "24", "cardio_machine", "Drive with the legs, swing the back, finish with the arms, then return in reverse."),
    ("Assault Bike", "cardio", "full_body", "quadriceps", "F", "bike", "crossfit other", "B", "M", "C", "B", "duration", "24", "cardio_machine", "An air bike with moving handles; the harder you push, the harder it resists."),
    ("Ski Erg", "cardio", "lats", "triceps core", "F", "ski_erg", "crossfit running other", "B", "L", "C", "B", "distance", "24", "cardio_machine", "Pull two handles down from overhead with a hip hinge, as in double-poling."),
    ("Easy Run", "cardio", "quadriceps", "calves hamstrings", "L", "bodyweight", "running crossfit other", "B", "L", "C", "B", "distance", "24", "run", "Running at a conversational pace to build the aerobic base."),
    ("Interval Sprint", "cardio", "hamstrings", "glutes calves", "L", "bodyweight", "running crossfit", "I", "H", "C", "B", "distance", "48", "run", "Short runs near top speed with full recovery between them."),
    ("Double-Under", "cardio", "calves", "forearms", "L", "jump_rope", "crossfit", "I", "L", "C", "B", "reps", "24", "jump_rope", "Each jump lasts long enough for the rope to pass under the feet twice."),
    ("Single-Under", "cardio", "calves", "", "L", "jump_rope", "crossfit running other", "B", "L", "C", "B", "reps", "24", "jump_rope", "Plain rope skipping, one turn of the rope per jump."),
    ("Hill Run", "cardio", "glutes", "quadriceps calves", "L", "bodyweight", "running", "I", "M", "C", "B", "distance", "48", "run", "Running uphill loads the hips and builds strength with less pounding."),
    ("Stationary Bike", "cardio", "quadriceps", "hamstrings calves", "L", "bike", "running bodybuilding other", "B", "L", "C", "B", "duration", "24", "cardio_machine", "Steady cycling for low-impact aerobic work or recovery."),
)
# fmt: on


def _split(words: str) -> list[str]:
    return words.split()


def _build(row: tuple[str, ...]) -> LibraryMovement:
    (name, pattern, primary, secondary, region, equipment, disciplines, skill, cns) = row[:9]
    (compound, unilateral, metric, recovery_hours, group, description) = row[9:]
    return LibraryMovement(
        name=name,
        pattern=MovementPattern(pattern),
        primary_muscle=PrimaryMuscle(primary),
        secondary_muscles=tuple(PrimaryMuscle(muscle) for muscle in _split(secondary)),
        region=REGIONS[region],
        equipment=tuple(Equipment(item) for item in _split(equipment)),
        disciplines=tuple(Discipline(item) for item in _split(disciplines)),
        skill_level=SKILLS[skill],
        cns_load=CNS_LOADS[cns],
        compound=compound == "C",
        unilateral=unilateral == "U",
        metric_type=MetricType(metric),
        min_recovery_hours=int(recovery_hours),
        substitution_group=group,
        description=description,
    )


LIBRARY_MOVEMENTS: tuple[LibraryMovement, ...] = tuple(_build(row) for row in _ROWS)
