"""Fills one session of a block template within its time budget."""

from typing import TYPE_CHECKING

from alloy_api.programs.generator.doses import (
    Candidate,
    DoseOption,
    SessionTemplate,
    TemplateExercise,
    first_fitting,
    superset_seconds,
)
from alloy_api.programs.generator.tables import (
    ACCESSORY_PATTERNS,
    COOLDOWN_MIN_MINUTES,
    COOLDOWN_PATTERNS,
    HOURS_PER_DAY,
    JITTER_SHARE,
    MAIN_CIRCUIT_MINUTES,
    MAX_ACCESSORIES,
    MAX_FINISHER_MINUTES,
    MICROCYCLE_DAYS,
    RECOVERY_EXEMPT_ROLES,
    WARMUP_MIN_MINUTES,
    WARMUP_PATTERNS,
)
from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
)
from alloy_api.reference.enums import (
    ExerciseRole,
    MovementPattern,
    PrimaryMuscle,
    SessionType,
)

if TYPE_CHECKING:
    from alloy_api.programs.generator.planner import ProgramGenerator


class SessionBuilder:
    """Fills one session of a block template within its time budget."""

    def __init__(
        self,
        generator: "ProgramGenerator",
        template: SessionTemplate,
        earlier: list[SessionTemplate],
        previous_block: list[SessionTemplate],
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
            list[tuple[Candidate, tuple[DoseOption, ...]]],
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

    def score(self, candidate: Candidate, seconds: int, target: MovementPattern | None) -> float:
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
    ) -> list[tuple[Candidate, tuple[DoseOption, ...]]]:
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
        best: tuple[float, Candidate, DoseOption] | None = None
        available = self.remaining - self.reserved
        for candidate, options in self.suitable_candidates(role, patterns):
            if candidate.id in self.chosen_ids:
                continue
            option = first_fitting(options, available)
            if option is None:
                continue
            score = self.score(candidate, option.seconds, target)
            if best is None or score > best[0]:
                best = (score, candidate, option)
        if best is None:
            return False
        _, candidate, option = best
        self.template.exercises.append(
            TemplateExercise(candidate.movement, role, option.dose, option.sets_floor)
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
            if superset_seconds(pair) < apart:
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
