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
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

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
    ScoringWeights,
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


class _Dose(NamedTuple):
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


@dataclass(frozen=True, slots=True)
class _DoseOption:
    """One way to dose a movement in a role: its sets and the seconds the exercise takes."""

    seconds: int
    dose: _Dose
    sets_floor: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A movement with every part of its score that stays the same for the whole program.

    The fixed terms are kept apart, not summed, so that a score adds its terms in the same order
    (and so rounds the same way) as the weighted sum it stands for.
    """

    movement: MovementOption
    id: str
    pattern: MovementPattern
    muscles: frozenset[PrimaryMuscle]
    discipline_term: float
    compound_term: float
    specialization_term: float
    goal_term: float
    doses: dict[ExerciseRole, tuple[_DoseOption, ...]]
    """Per role, the doses from the most sets of the role down to the fewest."""


def _candidate(
    movement: MovementOption,
    spec: ProgramSpec,
    weights: ScoringWeights,
    doses: dict[ExerciseRole, tuple[_DoseOption, ...]],
) -> _Candidate:
    preferences = [spec.discipline_weight(d) / WEIGHT_SCALE for d in movement.disciplines]
    specialization = sum(preferences) / len(preferences) if preferences else 0.0
    goal_alignment = sum(
        weight / WEIGHT_SCALE * _goal_affinity(movement, goal) for goal, weight in spec.goals
    )
    return _Candidate(
        movement=movement,
        id=movement.id,
        pattern=movement.pattern,
        muscles=movement.muscles,
        discipline_term=weights.discipline_preference * min(1.0, sum(preferences)),
        compound_term=weights.compound_bonus * (1.0 if movement.compound else 0.0),
        specialization_term=weights.specialization * specialization,
        goal_term=weights.goal_alignment * goal_alignment,
        doses=doses,
    )


def _fits_role(movement: MovementOption, role: ExerciseRole, session_type: SessionType) -> bool:
    """Whether the movement may fill a slot of this role in a session of this type, if rested."""
    if role in RECOVERY_EXEMPT_ROLES:
        return movement.cns_load == CnsLoad.LOW
    if role != ExerciseRole.ACCESSORY:
        return True
    if movement.cns_load == CnsLoad.HIGH:
        return False
    isolation_muscles = ISOLATION_MUSCLES.get(session_type)
    return (
        movement.pattern != P.ISOLATION
        or isolation_muscles is None
        or movement.primary_muscle in isolation_muscles
    )


def _first_fitting(options: tuple[_DoseOption, ...], seconds: int) -> _DoseOption | None:
    for option in options:
        if option.seconds <= seconds:
            return option
    return None


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
        self.circuits = sorted(circuits, key=lambda circuit: circuit.id)
        self.offsets = training_day_offsets(spec.days_per_week)
        self.types = session_types(spec)
        self.budget_seconds = spec.max_session_minutes * 60
        self.rep_windows = {
            role: _rep_window(prescription, spec)
            if role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            else (prescription.reps_min, prescription.reps_max)
            for role, prescription in config.roles.items()
        }
        self.weights_total = config.weights.total
        self.novelty_penalty = NOVELTY_PENALTY_SHARE * self.weights_total
        self.by_pattern: dict[MovementPattern, list[_Candidate]] = {}
        dose_tables: dict[tuple[MetricType, bool], dict[ExerciseRole, tuple[_DoseOption, ...]]] = {}
        for movement in sorted(movements, key=lambda movement: movement.id):
            shape = (movement.metric_type, movement.unilateral)
            if shape not in dose_tables:
                dose_tables[shape] = self.dose_table(movement)
            candidate = _candidate(movement, spec, config.weights, dose_tables[shape])
            self.by_pattern.setdefault(movement.pattern, []).append(candidate)
        self.pattern_candidates: dict[frozenset[MovementPattern], list[_Candidate]] = {}
        self.role_fits: dict[
            tuple[ExerciseRole, frozenset[MovementPattern], SessionType],
            list[tuple[_Candidate, tuple[_DoseOption, ...]]],
        ] = {}
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

    def dose_table(self, movement: MovementOption) -> dict[ExerciseRole, tuple[_DoseOption, ...]]:
        """Per role, the doses of a movement (and of all of the same metric and sidedness)."""
        table = {}
        for role, prescription in self.config.roles.items():
            if movement.metric_type == MetricType.DURATION:
                reps = DURATION_RANGE
            elif movement.metric_type == MetricType.DISTANCE:
                reps = DISTANCE_RANGE
            else:
                reps = self.rep_windows[role]
            work = _work_seconds(movement, reps[1])
            table[role] = tuple(
                _DoseOption(
                    seconds=sets * (work + prescription.rest_seconds) + TRANSITION_SECONDS,
                    dose=_Dose(
                        sets, reps[0], reps[1], prescription.target_rpe, prescription.rest_seconds
                    ),
                    sets_floor=min(prescription.sets_min, sets),
                )
                for sets in range(prescription.sets_max, prescription.sets_min - 1, -1)
            )
        return table

    def candidates(self, patterns: frozenset[MovementPattern]) -> list[_Candidate]:
        """The movements of these patterns, pattern by pattern in name order, each by id."""
        found = self.pattern_candidates.get(patterns)
        if found is None:
            found = [c for pattern in sorted(patterns) for c in self.by_pattern.get(pattern, ())]
            self.pattern_candidates[patterns] = found
        return found

    def role_candidates(
        self, role: ExerciseRole, patterns: frozenset[MovementPattern], session_type: SessionType
    ) -> list[tuple[_Candidate, tuple[_DoseOption, ...]]]:
        """The candidates fit for the role in a session of this type, rest aside, with doses."""
        key = (role, patterns, session_type)
        found = self.role_fits.get(key)
        if found is None:
            found = [
                (candidate, candidate.doses[role])
                for candidate in self.candidates(patterns)
                if candidate.doses[role] and _fits_role(candidate.movement, role, session_type)
            ]
            self.role_fits[key] = found
        return found

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
        self.repeated_ids = previous_ids | self.block_ids
        self.suitable: dict[
            tuple[ExerciseRole, frozenset[MovementPattern]],
            list[tuple[_Candidate, tuple[_DoseOption, ...]]],
        ] = {}

    def spend(self, seconds: int) -> None:
        """Takes time off the remaining budget; accessories are paired only once it is spent."""
        self.remaining -= seconds

    def spend_on_circuit(self, circuit: CircuitOption | None) -> None:
        self.spend(circuit.estimated_minutes * 60 if circuit else 0)

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
            self.spend_on_circuit(self.template.main_circuit)
        if spec.max_session_minutes >= WARMUP_MIN_MINUTES:
            self.add_best(ExerciseRole.WARMUP, WARMUP_PATTERNS, None)
        if self.generator.wants_finisher and self.template.main_circuit is None:
            self.template.finisher_circuit = self.generator.pick_circuit(
                min(MAX_FINISHER_MINUTES, self.remaining // 60),
                1,
                self.last_circuit_id("finisher_circuit"),
            )
            self.spend_on_circuit(self.template.finisher_circuit)
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

    def score(self, candidate: _Candidate, seconds: int, target: MovementPattern | None) -> float:
        """The weighted sum of the candidate's fit, less a penalty for repeats, plus jitter."""
        generator = self.generator
        weights = generator.config.weights
        if target is not None:
            pattern_alignment = 1.0 if candidate.pattern == target else 0.0
        else:
            pattern_alignment = 0.5 if candidate.pattern in self.patterns else 1.0
        muscles = candidate.muscles
        coverage = len(muscles - self.covered) / len(muscles)
        time_fit = 1.0 - seconds / max(1, self.remaining)
        score = (
            weights.pattern_alignment * pattern_alignment
            + weights.muscle_coverage * coverage
            + candidate.discipline_term
            + candidate.compound_term
            + candidate.specialization_term
            + candidate.goal_term
            + weights.time_utilization * time_fit
        )
        if candidate.id in self.repeated_ids:
            score -= generator.novelty_penalty
        return score + generator.rng.random() * JITTER_SHARE * generator.weights_total

    def suitable_candidates(
        self, role: ExerciseRole, patterns: frozenset[MovementPattern]
    ) -> list[tuple[_Candidate, tuple[_DoseOption, ...]]]:
        """The candidates that may fill a slot of this role in this session, with their doses.

        Whether one may depends on the session only, so this is worked out once per session.
        """
        key = (role, patterns)
        found = self.suitable.get(key)
        if found is None:
            found = self.generator.role_candidates(role, patterns, self.template.session_type)
            if role not in RECOVERY_EXEMPT_ROLES:
                found = [entry for entry in found if self.recovered(entry[0].movement)]
            self.suitable[key] = found
        return found

    def add_best(
        self,
        role: ExerciseRole,
        patterns: frozenset[MovementPattern],
        target: MovementPattern | None,
    ) -> bool:
        """Adds the best-scoring candidate at the most sets of its role that fit the time left."""
        best: tuple[float, _Candidate, _DoseOption] | None = None
        available = self.remaining - self.reserved
        for candidate, options in self.suitable_candidates(role, patterns):
            if candidate.id in self.chosen_ids:
                continue
            option = _first_fitting(options, available)
            if option is None:
                continue
            score = self.score(candidate, option.seconds, target)
            if best is None or score > best[0]:
                best = (score, candidate, option)
        if best is None:
            return False
        _, candidate, option = best
        self.template.exercises.append(
            _TemplateExercise(candidate.movement, role, option.dose, option.sets_floor)
        )
        self.spend(option.seconds)
        self.chosen_ids.add(candidate.id)
        if role not in RECOVERY_EXEMPT_ROLES:
            self.covered.update(candidate.muscles)
            self.patterns.add(candidate.pattern)
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
        return peak._replace(sets=min(peak.sets, exercise.sets_floor + week))
    if style == ProgressionStyle.UNDULATING:
        middle = (peak.reps_min + peak.reps_max) // 2
        variant = session_index % 3
        if variant == 0:
            return peak._replace(reps_max=max(peak.reps_min, middle), rpe=_rpe(peak.rpe + 0.5))
        if variant == 2:
            return peak._replace(reps_min=min(peak.reps_max, middle), rpe=_rpe(peak.rpe - 1.0))
        return peak
    return peak._replace(rpe=_rpe(min(peak.rpe + 1.0, peak.rpe - 1.0 + 0.5 * week)))


def _deload_dose(dose: _Dose) -> _Dose:
    rpe = None if dose.rpe is None else _rpe(dose.rpe - DELOAD_RPE_DROP)
    return dose._replace(sets=math.ceil(dose.sets / 2), rpe=rpe)


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


@dataclass(frozen=True, slots=True)
class _ExerciseLayout:
    movement_id: str
    role: ExerciseRole
    superset_group: int | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class _SessionLayout:
    """What every week's copy of a block's session shares, whatever its doses."""

    exercises: tuple[_ExerciseLayout, ...]
    intent_patterns: tuple[MovementPattern, ...]


def _layout(template: _SessionTemplate) -> _SessionLayout:
    groups = {}
    for number, (first, second) in enumerate(template.superset_pairs, start=1):
        groups[first] = groups[second] = number
    exercises = tuple(
        _ExerciseLayout(ex.movement.id, ex.role, groups.get(index), _exercise_note(ex.movement))
        for index, ex in enumerate(template.exercises)
    )
    return _SessionLayout(exercises, _intent_patterns(template))


def _materialize(
    template: _SessionTemplate,
    layout: _SessionLayout,
    session_date: date,
    doses: Sequence[_Dose],
    deload: bool,
) -> PlannedSession:
    exercises = tuple(
        PlannedExercise(
            movement_id=ex.movement_id,
            role=ex.role,
            order=index + 1,
            superset_group=ex.superset_group,
            target_sets=dose.sets,
            rep_range_min=dose.reps_min,
            rep_range_max=dose.reps_max,
            target_rpe=dose.rpe,
            target_rir=_rir(dose.rpe),
            rest_seconds=dose.rest_seconds,
            notes=ex.notes,
        )
        for index, (ex, dose) in enumerate(zip(layout.exercises, doses, strict=True))
    )
    seconds = _session_seconds(template, doses, with_circuits=not deload)
    return PlannedSession(
        date=session_date,
        day_number=template.offset + 1,
        session_type=template.session_type,
        intent_patterns=layout.intent_patterns,
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
    layouts: list[_SessionLayout] = []
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
                layouts = [_layout(template) for template in templates]
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
            _materialize(template, layout, start + timedelta(days=template.offset), doses, deload)
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
