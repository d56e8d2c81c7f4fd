"""The generator's state across a program: the library indexed for the spec, block planning and
circuit choice."""

import itertools
import random
from collections import Counter
from collections.abc import Iterable

from alloy_api.programs.generator.doses import (
    Candidate,
    Dose,
    DoseOption,
    SessionTemplate,
    fits_role,
    rep_window,
    scored_candidate,
    work_seconds,
)
from alloy_api.programs.generator.schedule import (
    search_assignment,
    session_types,
    training_day_offsets,
)
from alloy_api.programs.generator.session import SessionBuilder
from alloy_api.programs.generator.tables import (
    CONDITIONING_GOAL_FINISHER_WEIGHT,
    CROSSFIT_FINISHER_WEIGHT,
    CROSSFIT_MAIN_CIRCUIT_WEIGHT,
    DISTANCE_RANGE,
    DURATION_RANGE,
    HIP_MAINS,
    LOWER_MAINS,
    MAIN_SLOTS,
    NOVELTY_PENALTY_SHARE,
    OLYMPIC_MAIN_WEIGHT,
    SECONDS_PER_REP,
    TRANSITION_SECONDS,
    P,
)
from alloy_api.programs.plan import (
    CircuitOption,
    MovementOption,
    ProgramSpec,
    RolePrescription,
    ScoringConfig,
)
from alloy_api.reference.enums import (
    Discipline,
    ExerciseRole,
    Goal,
    MetricType,
    MovementPattern,
    SessionType,
)


class ProgramGenerator:
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
            role: rep_window(prescription, spec)
            if role in (ExerciseRole.MAIN, ExerciseRole.ACCESSORY)
            else (prescription.reps_min, prescription.reps_max)
            for role, prescription in config.roles.items()
        }
        self.weights_total = config.weights.total
        self.novelty_penalty = NOVELTY_PENALTY_SHARE * self.weights_total
        self.by_pattern: dict[MovementPattern, list[Candidate]] = {}
        dose_tables: dict[tuple[MetricType, bool], dict[ExerciseRole, tuple[DoseOption, ...]]] = {}
        for movement in sorted(movements, key=lambda movement: movement.id):
            shape = (movement.metric_type, movement.unilateral)
            if shape not in dose_tables:
                dose_tables[shape] = self.dose_table(movement)
            candidate = scored_candidate(movement, spec, config.weights, dose_tables[shape])
            self.by_pattern.setdefault(movement.pattern, []).append(candidate)
        self.pattern_candidates: dict[frozenset[MovementPattern], list[Candidate]] = {}
        self.role_fits: dict[
            tuple[ExerciseRole, frozenset[MovementPattern], SessionType],
            list[tuple[Candidate, tuple[DoseOption, ...]]],
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

    def dose_table(self, movement: MovementOption) -> dict[ExerciseRole, tuple[DoseOption, ...]]:
        """Per role, the doses of a movement (and of all of the same metric and sidedness)."""
        table = {}
        for role, prescription in self.config.roles.items():
            if movement.metric_type == MetricType.DURATION:
                reps = DURATION_RANGE
            elif movement.metric_type == MetricType.DISTANCE:
                reps = DISTANCE_RANGE
            else:
                reps = self.rep_windows[role]
            work = work_seconds(movement, reps[1])
            table[role] = tuple(
                DoseOption(
                    seconds=sets * (work + prescription.rest_seconds) + TRANSITION_SECONDS,
                    dose=Dose(
                        sets, reps[0], reps[1], prescription.target_rpe, prescription.rest_seconds
                    ),
                    sets_floor=min(prescription.sets_min, sets),
                )
                for sets in range(prescription.sets_max, prescription.sets_min - 1, -1)
            )
        return table

    def candidates(self, patterns: frozenset[MovementPattern]) -> list[Candidate]:
        """The movements of these patterns, pattern by pattern in name order, each by id."""
        found = self.pattern_candidates.get(patterns)
        if found is None:
            found = [c for pattern in sorted(patterns) for c in self.by_pattern.get(pattern, ())]
            self.pattern_candidates[patterns] = found
        return found

    def role_candidates(
        self, role: ExerciseRole, patterns: frozenset[MovementPattern], session_type: SessionType
    ) -> list[tuple[Candidate, tuple[DoseOption, ...]]]:
        """The candidates fit for the role in a session of this type, rest aside, with doses."""
        key = (role, patterns, session_type)
        found = self.role_fits.get(key)
        if found is None:
            found = [
                (candidate, candidate.doses[role])
                for candidate in self.candidates(patterns)
                if candidate.doses[role] and fits_role(candidate.movement, role, session_type)
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
            assignment = search_assignment(options, previous_last)
            if assignment is not None:
                return assignment
        return [() for _ in tiers]

    def plan_block(self, previous: list[SessionTemplate]) -> list[SessionTemplate]:
        previous_last = previous[-1].main_patterns if previous else frozenset()
        assignment = self.assign_main_patterns(previous_last)
        previous_ids = frozenset().union(*(t.movement_ids for t in previous))
        templates: list[SessionTemplate] = []
        for offset, session_type, mains in zip(self.offsets, self.types, assignment, strict=True):
            template = SessionTemplate(offset=offset, session_type=session_type)
            SessionBuilder(self, template, templates, previous, previous_ids).build(mains)
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
