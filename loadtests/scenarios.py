"""Which Locust user classes make up each scenario, and what each journey sends per rate-limit
class. Imported by the CLI without importing Locust."""

from collections.abc import Mapping
from dataclasses import dataclass, field

SCENARIOS: dict[str, tuple[str, ...]] = {
    "smoke": ("SmokeVisitor",),
    "browse": ("LibraryBrowser",),
    "day": ("DailyTrainee",),
    "onboarding": ("NewUser",),
    "admin": ("Administrator",),
    "mixed": ("LibraryBrowser", "DailyTrainee", "NewUser", "Administrator"),
}
ADMIN_JOURNEY = "Administrator"

TASKS_PER_MINUTE = 60 / 1.25
"""One task per mean wait of `AlloyUser.wait_time` (between 0.5 and 2 s) in locustfile.py."""


@dataclass(frozen=True, slots=True)
class JourneyLoad:
    """What one simulated user of a journey sends, per rate-limit class (auth, write, generate,
    read), estimated from its tasks in locustfile.py at the mean wait.

    Anonymous requests (registering, logging in) count against the address of the machine
    running Locust, shared by every simulated user; the others against each user.
    """

    weight: int = 1
    fixed_count: int = 0
    anonymous_at_start: Mapping[str, int] = field(default_factory=dict)
    anonymous_per_minute: Mapping[str, float] = field(default_factory=dict)
    per_user_at_start: Mapping[str, int] = field(default_factory=dict)
    per_user_per_minute: Mapping[str, float] = field(default_factory=dict)


JOURNEYS: dict[str, JourneyLoad] = {
    "SmokeVisitor": JourneyLoad(),
    "LibraryBrowser": JourneyLoad(
        weight=5,
        anonymous_at_start={"auth": 2},
        per_user_at_start={"read": 2},
        per_user_per_minute={"read": TASKS_PER_MINUTE * 9 / 11, "write": TASKS_PER_MINUTE * 2 / 11},
    ),
    "DailyTrainee": JourneyLoad(
        weight=8,
        anonymous_at_start={"auth": 2},
        per_user_at_start={"generate": 1, "read": 1},
        per_user_per_minute={"read": TASKS_PER_MINUTE * 16 / 9, "write": TASKS_PER_MINUTE / 9},
    ),
    "NewUser": JourneyLoad(
        weight=1,
        anonymous_per_minute={"auth": TASKS_PER_MINUTE * 2},
        per_user_at_start={"generate": 1},
    ),
    "Administrator": JourneyLoad(
        fixed_count=1,
        anonymous_at_start={"auth": 1},
        per_user_per_minute={"read": TASKS_PER_MINUTE},
    ),
}


def users_per_journey(scenario: str, users: int) -> dict[str, int]:
    """How Locust shares `users` among the scenario's journeys: fixed counts first, then by
    weight."""
    journeys = {name: JOURNEYS[name] for name in SCENARIOS[scenario]}
    shares = {name: load.fixed_count for name, load in journeys.items() if load.fixed_count}
    remaining = max(0, users - sum(shares.values()))
    weighted = {name: load.weight for name, load in journeys.items() if not load.fixed_count}
    total_weight = sum(weighted.values())
    for name, weight in weighted.items():
        shares[name] = round(remaining * weight / total_weight) if total_weight else 0
    return shares
