"""The program generator: a pure, deterministic function of its inputs and `spec.seed`.

A program is a run of 7-day microcycles. Loading microcycles between two deloads form a block;
each block plans one week of sessions (main patterns, exercises, circuits) and repeats it with
progression applied, and every Nth microcycle is a deload copy of the week before it with half the
sets and easier efforts.
"""

import itertools
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    PlannedExercise,
    PlannedMicrocycle,
    PlannedProgram,
    PlannedSession,
    ProgramSpec,
    RolePrescription,
    ScoringConfig,
)
from alloy_api.reference.enums import (
    CnsLoad,
    Discipline,
    ExerciseRole,
    Goal,
    MetricType,
    MovementPattern,
    PrimaryMuscle,
    ProgressionStyle,
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


MAX_SEARCH_STEPS = 20_000


def _search_assignment(
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


def _goal_affinity(movement: MovementOption, goal: Goal) -> float:
    pattern = movement.pattern
    if goal == Goal.STRENGTH:
        if pattern in CONDITIONING_PATTERNS or pattern == P.MOBILITY:
            return 0.0
        if movement.compound:
            return 1.0 if movement.cns_load != CnsLoad.LOW else 0.7
        return 0.2
    if goal == Goal.HYPERTROPHY:
        if movement.metric_type != MetricType.REPS:
            return 0.1
        return 1.0 if pattern == P.ISOLATION else 0.8 if movement.compound else 0.6
    if goal == Goal.ENDURANCE:
        if pattern in CONDITIONING_PATTERNS:
            return 1.0
        return 0.8 if movement.metric_type != MetricType.REPS else 0.2
    if goal == Goal.FAT_LOSS:
        if pattern in CONDITIONING_PATTERNS:
            return 1.0
        return 0.8 if pattern == P.PLYOMETRIC else 0.6 if movement.compound else 0.2
    if goal == Goal.MOBILITY:
        if pattern == P.MOBILITY:
            return 1.0
        return 0.8 if Discipline.YOGA in movement.disciplines else 0.1
    if goal == Goal.EXPLOSIVENESS:
        if pattern in {P.PLYOMETRIC, P.OLYMPIC}:
            return 1.0
        return 0.6 if movement.cns_load == CnsLoad.HIGH else 0.1
    if pattern == P.PLYOMETRIC:
        return 1.0
    return 0.8 if pattern == P.CARDIO else 0.6 if pattern == P.OLYMPIC else 0.1


@dataclass(frozen=True, slots=True)
class _MovementTraits:
    """Scores of a movement that depend only on the program, computed once."""

    discipline_preference: float
    specialization: float
    goal_alignment: float


def _traits(movement: MovementOption, spec: ProgramSpec) -> _MovementTraits:
    weights = [spec.discipline_weight(d) / WEIGHT_SCALE for d in movement.disciplines]
    return _MovementTraits(
        discipline_preference=min(1.0, sum(weights)),
        specialization=sum(weights) / len(weights) if weights else 0.0,
        goal_alignment=sum(
            weight / WEIGHT_SCALE * _goal_affinity(movement, goal) for goal, weight in spec.goals
        ),
    )


def _rep_window(prescription: RolePrescription, spec: ProgramSpec) -> tuple[int, int]:
    """The part of a role's rep range that the program's goals lean towards."""
    span = prescription.reps_max - prescription.reps_min
    width = max(2, math.ceil(span / 2))
    if width >= span:
        return prescription.reps_min, prescription.reps_max
    bias = sum(GOAL_REP_BIAS[goal] * weight for goal, weight in spec.goals) / WEIGHT_SCALE
    start = prescription.reps_min + round((bias + 1) / 2 * (span - width))
    return start, start + width


def _work_seconds(movement: MovementOption, reps_max: int) -> int:
    if movement.metric_type == MetricType.REPS:
        seconds = reps_max * SECONDS_PER_REP
    elif movement.metric_type == MetricType.DURATION:
        seconds = reps_max
    else:
        seconds = math.ceil(reps_max / METERS_PER_SECOND)
    return seconds * 2 if movement.unilateral else seconds


@dataclass(frozen=True, slots=True)
class _Dose:
    sets: int
    reps_min: int
    reps_max: int
    rpe: float | None
    rest_seconds: int


@dataclass(frozen=True, slots=True)
class _TemplateExercise:
    movement: MovementOption
    role: ExerciseRole
    peak: _Dose
    sets_floor: int

    def seconds(self, dose: _Dose) -> int:
        work = _work_seconds(self.movement, dose.reps_max)
        return dose.sets * (work + dose.rest_seconds) + TRANSITION_SECONDS


def _superset_seconds(pair: Sequence[tuple[_TemplateExercise, _Dose]]) -> int:
    work = sum(item.sets * _work_seconds(ex.movement, item.reps_max) for ex, item in pair)
    rounds = max(item.sets for _, item in pair)
    rest = max(item.rest_seconds for _, item in pair)
    return work + rounds * rest + TRANSITION_SECONDS * len(pair)


@dataclass(slots=True)
class _SessionTemplate:
    offset: int
    session_type: SessionType
    exercises: list[_TemplateExercise] = field(default_factory=list)
    superset_pairs: list[tuple[int, int]] = field(default_factory=list)
    main_circuit: CircuitOption | None = None
    finisher_circuit: CircuitOption | None = None

    @property
    def movement_ids(self) -> frozenset[str]:
        return frozenset(
            ex.movement.id for ex in self.exercises if ex.role not in RECOVERY_EXEMPT_ROLES
        )

    @property
    def main_patterns(self) -> frozenset[MovementPattern]:
        return frozenset(
            ex.movement.pattern for ex in self.exercises if ex.role == ExerciseRole.MAIN
        )


def _session_seconds(
    template: _SessionTemplate, doses: Sequence[_Dose], with_circuits: bool = True
) -> int:
    grouped = {index for pair in template.superset_pairs for index in pair}
    seconds = sum(
        ex.seconds(dose)
        for index, (ex, dose) in enumerate(zip(template.exercises, doses, strict=True))
        if index not in grouped
    )
    for first, second in template.superset_pairs:
        seconds += _superset_seconds(
            [(template.exercises[first], doses[first]), (template.exercises[second], doses[second])]
        )
    if with_circuits:
        for circuit in (template.main_circuit, template.finisher_circuit):
            seconds += circuit.estimated_minutes * 60 if circuit else 0
    return seconds


class _Generator:
    def __init__(
        self,
        spec: ProgramSpec,
        movements: Iterable[MovementOption],
        circuits: Iterable[CircuitOption],
        config: ScoringConfig,
    ) -> None:
        self.spec = spec
        self.config = config
        self.rng = random.Random(spec.seed)  # noqa: S311 - reproducible plans, not secrets
        self.movements = sorted(movements, key=lambda movement: movement.id)
        self.circuits = sorted(circuits, key=lambda circuit: circuit.id)
        self.by_pattern: dict[MovementPattern, list[MovementOption]] = {}
        for movement in self.movements:
            self.by_pattern.setdefault(movement.pattern, []).append(movement)
        self.traits = {movement.id: _traits(movement, spec) for movement in self.movements}
        self.offsets = training_day_offsets(spec.days_per_week)
        self.types = session_types(spec)
        self.budget_seconds = spec.max_session_minutes * 60
        self.rep_windows = {
            role: _rep_window(prescription, spec)
            if role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            else (prescription.reps_min, prescription.reps_max)
            for role, prescription in config.roles.items()
        }
        self.pattern_uses: Counter[MovementPattern] = Counter()
        self.circuit_uses: Counter[str] = Counter()
        self.wants_finisher = (
            spec.discipline_weight(Discipline.CROSSFIT) >= CROSSFIT_FINISHER_WEIGHT
            or spec.goal_weight(Goal.ENDURANCE) + spec.goal_weight(Goal.FAT_LOSS)
            >= CONDITIONING_GOAL_FINISHER_WEIGHT
        )
        self.wants_main_circuit = (
            spec.discipline_weight(Discipline.CROSSFIT) >= CROSSFIT_MAIN_CIRCUIT_WEIGHT
        )
        self.allows_olympic_mains = (
            spec.discipline_weight(Discipline.OLYMPIC_WEIGHTLIFTING)
            + spec.discipline_weight(Discipline.CROSSFIT)
            >= OLYMPIC_MAIN_WEIGHT
        )

    @property
    def main_floor_seconds(self) -> int:
        """The time a main exercise needs at its fewest sets, done one side at a time."""
        main = self.prescription(ExerciseRole.MAIN)
        work = 2 * self.rep_windows[ExerciseRole.MAIN][1] * SECONDS_PER_REP
        return main.sets_min * (work + main.rest_seconds) + TRANSITION_SECONDS

    @property
    def main_capacity(self) -> int:
        """How many main exercises fit in one session at their fewest sets, at least one."""
        return max(1, self.budget_seconds // self.main_floor_seconds)

    def prescription(self, role: ExerciseRole) -> RolePrescription:
        return self.config.roles[role]

    def slot_groups(self, session_type: SessionType) -> list[list[MovementPattern]]:
        groups = []
        for group in MAIN_SLOTS[session_type]:
            patterns = set(group)
            if self.allows_olympic_mains and group in (LOWER_MAINS, HIP_MAINS):
                patterns.add(P.OLYMPIC)
            available = sorted(p for p in patterns if self.by_pattern.get(p))
            keys = {pattern: self.rng.random() for pattern in available}
            groups.append(sorted(available, key=lambda p: (self.pattern_uses[p], keys[p], p)))
        return [group for group in groups if group][: self.main_capacity]

    def main_pattern_tiers(
        self, session_type: SessionType
    ) -> list[list[tuple[MovementPattern, ...]]]:
        """Choices of main patterns for a session: every slot filled, then one, then none."""
        groups = self.slot_groups(session_type)
        full = [option for option in itertools.product(*groups) if len(set(option)) == len(option)]
        partial = [(pattern,) for group in groups for pattern in group]
        return [full, partial, [()]]

    def assign_main_patterns(
        self, previous_last: frozenset[MovementPattern]
    ) -> list[tuple[MovementPattern, ...]]:
        """Main patterns per session of a week, none shared by two neighbouring training days.

        Sessions lose main slots only when no assignment with every slot filled exists (or none
        is found within a bounded search); the empty choice always completes the assignment.
        """
        tiers = [self.main_pattern_tiers(session_type) for session_type in self.types]
        for depth in range(1, len(tiers[0]) + 1):
            options = [[o for tier in session[:depth] for o in tier] for session in tiers]
            assignment = _search_assignment(options, previous_last)
            if assignment is not None:
                return assignment
        return [() for _ in tiers]

    def plan_block(self, previous: list[_SessionTemplate]) -> list[_SessionTemplate]:
        previous_last = previous[-1].main_patterns if previous else frozenset()
        assignment = self.assign_main_patterns(previous_last)
        previous_ids = frozenset().union(*(t.movement_ids for t in previous))
        templates: list[_SessionTemplate] = []
        for offset, session_type, mains in zip(self.offsets, self.types, assignment, strict=True):
            template = _SessionTemplate(offset=offset, session_type=session_type)
            _SessionBuilder(self, template, templates, previous, previous_ids).build(mains)
            templates.append(template)
            self.pattern_uses.update(template.main_patterns)
        return templates

    def pick_circuit(
        self, max_minutes: int, min_minutes: int, avoid: str | None
    ) -> CircuitOption | None:
        fitting = [
            circuit
            for circuit in self.circuits
            if min_minutes <= circuit.estimated_minutes <= max_minutes
        ]
        keys = {circuit.id: self.rng.random() for circuit in fitting}
        fresh = [circuit for circuit in fitting if circuit.id != avoid] or fitting
        if not fresh:
            return None
        choice = min(fresh, key=lambda c: (self.circuit_uses[c.id], keys[c.id], c.id))
        self.circuit_uses[choice.id] += 1
        return choice


class _SessionBuilder:
    """Fills one session of a block template within its time budget."""

    def __init__(
        self,
        generator: _Generator,
        template: _SessionTemplate,
        earlier: list[_SessionTemplate],
        previous_block: list[_SessionTemplate],
        previous_ids: frozenset[str],
    ) -> None:
        self.generator = generator
        self.template = template
        self.earlier = earlier
        self.previous_block = previous_block
        self.previous_ids = previous_ids
        self.covered: set[PrimaryMuscle] = set()
        self.patterns: set[MovementPattern] = set()
        self.chosen_ids: set[str] = set()
        self.rest_hours = self.hours_since_other_uses()
        self.remaining = generator.budget_seconds
        self.reserved = 0
        self.block_ids = frozenset(ex.movement.id for other in earlier for ex in other.exercises)

    def refresh_remaining(self) -> None:
        doses = [ex.peak for ex in self.template.exercises]
        self.remaining = self.generator.budget_seconds - _session_seconds(self.template, doses)

    def build(self, main_patterns: tuple[MovementPattern, ...]) -> None:
        spec = self.generator.spec
        for index, pattern in enumerate(main_patterns):
            mains_after = len(main_patterns) - index - 1
            self.reserved = mains_after * self.generator.main_floor_seconds
            self.add_best(ExerciseRole.MAIN, frozenset({pattern}), pattern)
        self.reserved = 0
        if (
            self.generator.wants_main_circuit
            and self.template.session_type == SessionType.FULL_BODY
        ):
            self.template.main_circuit = self.generator.pick_circuit(
                min(MAIN_CIRCUIT_MINUTES[1], self.remaining // 60),
                MAIN_CIRCUIT_MINUTES[0],
                self.last_circuit_id("main_circuit"),
            )
            self.refresh_remaining()
        if spec.max_session_minutes >= WARMUP_MIN_MINUTES:
            self.add_best(ExerciseRole.WARMUP, WARMUP_PATTERNS, None)
        if self.generator.wants_finisher and self.template.main_circuit is None:
            self.template.finisher_circuit = self.generator.pick_circuit(
                min(MAX_FINISHER_MINUTES, self.remaining // 60),
                1,
                self.last_circuit_id("finisher_circuit"),
            )
            self.refresh_remaining()
        pool = ACCESSORY_PATTERNS[self.template.session_type]
        accessory_slots = 0 if self.template.main_circuit else MAX_ACCESSORIES
        for _ in range(accessory_slots):
            if not self.add_best(ExerciseRole.ACCESSORY, pool, None):
                break
        if spec.max_session_minutes >= COOLDOWN_MIN_MINUTES:
            self.add_best(ExerciseRole.COOLDOWN, COOLDOWN_PATTERNS, None)
        self.pair_accessories()
        self.order_exercises()

    def last_circuit_id(self, attribute: str) -> str | None:
        source = self.earlier[-1:] or self.previous_block[-1:]
        circuit = getattr(source[0], attribute) if source else None
        return circuit.id if circuit else None

    def hours_since_other_uses(self) -> dict[str, int]:
        """For each movement used on other days, the fewest hours between that use and this day."""
        day = self.template.offset
        gaps: dict[str, int] = {}
        uses = [
            (min(abs(day - other.offset), MICROCYCLE_DAYS - abs(day - other.offset)), other)
            for other in self.earlier
        ]
        uses += [(day + MICROCYCLE_DAYS - other.offset, other) for other in self.previous_block]
        for gap_days, other in uses:
            for movement_id in other.movement_ids:
                hours = gap_days * HOURS_PER_DAY
                gaps[movement_id] = min(hours, gaps.get(movement_id, hours))
        return gaps

    def recovered(self, movement: MovementOption) -> bool:
        """Whether the movement rests long enough since, and before, its other uses."""
        return self.rest_hours.get(movement.id, movement.min_recovery_hours) >= (
            movement.min_recovery_hours
        )

    def dose_for(self, movement: MovementOption, role: ExerciseRole) -> _TemplateExercise | None:
        """The exercise at the most sets of its role that still fits the remaining time."""
        prescription = self.generator.prescription(role)
        if movement.metric_type == MetricType.DURATION:
            reps = DURATION_RANGE
        elif movement.metric_type == MetricType.DISTANCE:
            reps = DISTANCE_RANGE
        else:
            reps = self.generator.rep_windows[role]
        remaining = self.remaining - self.reserved
        for sets in range(prescription.sets_max, prescription.sets_min - 1, -1):
            dose = _Dose(sets, reps[0], reps[1], prescription.target_rpe, prescription.rest_seconds)
            exercise = _TemplateExercise(movement, role, dose, min(prescription.sets_min, sets))
            if exercise.seconds(dose) <= remaining:
                return exercise
        return None

    def score(self, exercise: _TemplateExercise, target: MovementPattern | None) -> float:
        weights = self.generator.config.weights
        movement = exercise.movement
        traits = self.generator.traits[movement.id]
        if target is not None:
            pattern_alignment = 1.0 if movement.pattern == target else 0.0
        else:
            pattern_alignment = 0.5 if movement.pattern in self.patterns else 1.0
        muscles = movement.muscles
        coverage = len(muscles - self.covered) / len(muscles)
        time_fit = 1.0 - exercise.seconds(exercise.peak) / max(1, self.remaining)
        score = (
            weights.pattern_alignment * pattern_alignment
            + weights.muscle_coverage * coverage
            + weights.discipline_preference * traits.discipline_preference
            + weights.compound_bonus * (1.0 if movement.compound else 0.0)
            + weights.specialization * traits.specialization
            + weights.goal_alignment * traits.goal_alignment
            + weights.time_utilization * time_fit
        )
        if movement.id in self.previous_ids or movement.id in self.block_ids:
            score -= NOVELTY_PENALTY_SHARE * weights.total
        return score + self.generator.rng.random() * JITTER_SHARE * weights.total

    def suits(self, movement: MovementOption, role: ExerciseRole) -> bool:
        """Whether the movement may fill a slot of this role in this session."""
        if role in RECOVERY_EXEMPT_ROLES:
            return movement.cns_load == CnsLoad.LOW
        if not self.recovered(movement):
            return False
        if role != ExerciseRole.ACCESSORY:
            return True
        if movement.cns_load == CnsLoad.HIGH:
            return False
        isolation_muscles = ISOLATION_MUSCLES.get(self.template.session_type)
        return (
            movement.pattern != P.ISOLATION
            or isolation_muscles is None
            or movement.primary_muscle in isolation_muscles
        )

    def add_best(
        self,
        role: ExerciseRole,
        patterns: frozenset[MovementPattern],
        target: MovementPattern | None,
    ) -> bool:
        best: tuple[float, _TemplateExercise] | None = None
        for pattern in sorted(patterns):
            for movement in self.generator.by_pattern.get(pattern, ()):
                if movement.id in self.chosen_ids:
                    continue
                if not self.suits(movement, role):
                    continue
                exercise = self.dose_for(movement, role)
                if exercise is None:
                    continue
                score = self.score(exercise, target)
                if best is None or score > best[0]:
                    best = (score, exercise)
        if best is None:
            return False
        exercise = best[1]
        self.template.exercises.append(exercise)
        self.refresh_remaining()
        self.chosen_ids.add(exercise.movement.id)
        if role not in RECOVERY_EXEMPT_ROLES:
            self.covered.update(exercise.movement.muscles)
            self.patterns.add(exercise.movement.pattern)
        return True

    def pair_accessories(self) -> None:
        """Supersets accessories two by two where that saves time."""
        accessories = [
            index
            for index, ex in enumerate(self.template.exercises)
            if ex.role == ExerciseRole.ACCESSORY
        ]
        for first, second in zip(accessories[::2], accessories[1::2], strict=False):
            pair = [
                (self.template.exercises[first], self.template.exercises[first].peak),
                (self.template.exercises[second], self.template.exercises[second].peak),
            ]
            apart = sum(ex.seconds(dose) for ex, dose in pair)
            if _superset_seconds(pair) < apart:
                self.template.superset_pairs.append((first, second))

    def order_exercises(self) -> None:
        rank = {
            ExerciseRole.WARMUP: 0,
            ExerciseRole.MAIN: 1,
            ExerciseRole.ACCESSORY: 2,
            ExerciseRole.FINISHER: 3,
            ExerciseRole.COOLDOWN: 4,
        }
        old_order = sorted(
            range(len(self.template.exercises)),
            key=lambda index: (rank[self.template.exercises[index].role], index),
        )
        new_index = {old: new for new, old in enumerate(old_order)}
        self.template.exercises = [self.template.exercises[old] for old in old_order]
        self.template.superset_pairs = [
            (new_index[first], new_index[second]) for first, second in self.template.superset_pairs
        ]


def _loading_dose(
    exercise: _TemplateExercise, style: ProgressionStyle, week: int, session_index: int
) -> _Dose:
    """The dose of a loading week: `week` counts loading weeks from the block's start."""
    peak = exercise.peak
    if peak.rpe is None:
        return peak
    if style == ProgressionStyle.DOUBLE_PROGRESSION:
        return replace(peak, sets=min(peak.sets, exercise.sets_floor + week))
    if style == ProgressionStyle.UNDULATING:
        middle = (peak.reps_min + peak.reps_max) // 2
        variant = session_index % 3
        if variant == 0:
            return replace(peak, reps_max=max(peak.reps_min, middle), rpe=_rpe(peak.rpe + 0.5))
        if variant == 2:
            return replace(peak, reps_min=min(peak.reps_max, middle), rpe=_rpe(peak.rpe - 1.0))
        return peak
    return replace(peak, rpe=_rpe(min(peak.rpe + 1.0, peak.rpe - 1.0 + 0.5 * week)))


def _deload_dose(dose: _Dose) -> _Dose:
    rpe = None if dose.rpe is None else _rpe(dose.rpe - DELOAD_RPE_DROP)
    return replace(dose, sets=math.ceil(dose.sets / 2), rpe=rpe)


def _rpe(value: float) -> float:
    return min(HIGHEST_RPE, max(LOWEST_RPE, value))


def _rir(rpe: float | None) -> int | None:
    return None if rpe is None else max(0, int(HIGHEST_RPE - rpe))


def _exercise_note(movement: MovementOption) -> str | None:
    notes = []
    if movement.metric_type == MetricType.DURATION:
        notes.append("Rep range in seconds per set")
    elif movement.metric_type == MetricType.DISTANCE:
        notes.append("Rep range in meters per set")
    if movement.unilateral:
        notes.append("each side")
    return ", ".join(notes).capitalize() if notes else None


def _intent_patterns(template: _SessionTemplate) -> tuple[MovementPattern, ...]:
    ordered = sorted(
        (ex for ex in template.exercises if ex.role not in RECOVERY_EXEMPT_ROLES),
        key=lambda ex: ex.role != ExerciseRole.MAIN,
    )
    return tuple(dict.fromkeys(ex.movement.pattern for ex in ordered))


def _materialize(
    template: _SessionTemplate, session_date: date, doses: Sequence[_Dose], deload: bool
) -> PlannedSession:
    groups = {}
    for number, (first, second) in enumerate(template.superset_pairs, start=1):
        groups[first] = groups[second] = number
    exercises = tuple(
        PlannedExercise(
            movement_id=ex.movement.id,
            role=ex.role,
            order=index + 1,
            superset_group=groups.get(index),
            target_sets=dose.sets,
            rep_range_min=dose.reps_min,
            rep_range_max=dose.reps_max,
            target_rpe=dose.rpe,
            target_rir=_rir(dose.rpe),
            rest_seconds=dose.rest_seconds,
            notes=_exercise_note(ex.movement),
        )
        for index, (ex, dose) in enumerate(zip(template.exercises, doses, strict=True))
    )
    seconds = _session_seconds(template, doses, with_circuits=not deload)
    return PlannedSession(
        date=session_date,
        day_number=template.offset + 1,
        session_type=template.session_type,
        intent_patterns=_intent_patterns(template),
        estimated_minutes=math.ceil(seconds / 60),
        main_circuit_id=None if deload or not template.main_circuit else template.main_circuit.id,
        finisher_circuit_id=(
            None if deload or not template.finisher_circuit else template.finisher_circuit.id
        ),
        exercises=exercises,
        notes="Deload: half the sets at easier efforts" if deload else None,
    )


def generate_program(
    spec: ProgramSpec,
    movements: Iterable[MovementOption],
    circuits: Iterable[CircuitOption],
    config: ScoringConfig,
) -> PlannedProgram:
    """The whole program for `spec`; the same arguments always give the same program."""
    generator = _Generator(spec, movements, circuits, config)
    microcycles: list[PlannedMicrocycle] = []
    templates: list[_SessionTemplate] = []
    loading_week = 0
    last_doses: list[list[_Dose]] = []
    for sequence in range(1, spec.duration_weeks + 1):
        start = spec.start_date + timedelta(days=MICROCYCLE_DAYS * (sequence - 1))
        deload = is_deload(sequence, spec.deload_every_n_microcycles)
        if deload:
            week_doses = [[_deload_dose(dose) for dose in doses] for doses in last_doses]
            loading_week = 0
        else:
            if loading_week == 0:
                templates = generator.plan_block(templates)
            week_doses = [
                [
                    _loading_dose(ex, spec.progression_style, loading_week, index)
                    for ex in template.exercises
                ]
                for index, template in enumerate(templates)
            ]
            loading_week += 1
        last_doses = week_doses
        sessions = tuple(
            _materialize(template, start + timedelta(days=template.offset), doses, deload)
            for template, doses in zip(templates, week_doses, strict=True)
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
