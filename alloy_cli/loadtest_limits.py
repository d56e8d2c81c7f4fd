"""Before a load test: the target's rate limits, and whether they will shape the run.

One anonymous request per rate-limit class the scenario uses reads that class's
`RateLimit-Policy` (quota and window) and `RateLimit` (what is left for this address); each
spends one request of the class for this machine's address.
"""

import math
import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass

from alloy_api.settings import RATE_PERIOD_SECONDS
from loadtests.scenarios import JOURNEYS, SCENARIOS, users_per_journey

PROBE_TIMEOUT_SECONDS = 5.0
PROBES: dict[str, tuple[str, str]] = {
    "auth": ("POST", "/v1/auth/login"),
    "write": ("POST", "/v1/movements"),
    "generate": ("POST", "/v1/programs"),
    "read": ("GET", "/v1/movements"),
}
"""A request per class that changes nothing: an empty login is a 400, the others 401s."""
POLICY = re.compile(r'"(?P<name>[a-z_]+)";q=(?P<quota>\d+);w=(?P<window>\d+)')
PERIOD_NAMES = {seconds: name for name, seconds in RATE_PERIOD_SECONDS.items()}
REMAINING = re.compile(r'"(?P<name>[a-z_]+)";r=(?P<remaining>\d+);t=(?P<reset>\d+)')


class TargetUnavailableError(RuntimeError):
    """The target does not answer HTTP."""


@dataclass(frozen=True, slots=True)
class Policy:
    rate_class: str
    quota: int
    window_seconds: int
    remaining: int

    @property
    def setting(self) -> str:
        return f"ALLOY_RATE_LIMIT_{self.rate_class.upper()}"

    def __str__(self) -> str:
        return f"{self.rate_class} {self.quota}/{self.window_seconds} s"


def _answer_headers(host: str, method: str, path: str) -> dict[str, str]:
    body = b"{}" if method == "POST" else None
    probe = urllib.request.Request(  # noqa: S310 - the URL was checked to be http(s)
        f"{host.rstrip('/')}{path}",
        data=body,
        method=method,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(probe, timeout=PROBE_TIMEOUT_SECONDS) as answer:  # noqa: S310
            return dict(answer.headers.items())
    except urllib.error.HTTPError as refused:
        return dict(refused.headers.items())
    except (urllib.error.URLError, OSError) as error:
        raise TargetUnavailableError(f"{host} does not answer: {error}") from error


def classes_used(scenario: str) -> list[str]:
    used: set[str] = set()
    for journey in SCENARIOS[scenario]:
        load = JOURNEYS[journey]
        for counts in (
            load.anonymous_at_start,
            load.anonymous_per_minute,
            load.per_user_at_start,
            load.per_user_per_minute,
        ):
            used.update(counts)
    return [name for name in PROBES if name in used]


def read_policies(host: str, rate_classes: Iterable[str]) -> dict[str, Policy | None]:
    """Each class's policy on the target, or None where it sends none (limits off)."""
    policies: dict[str, Policy | None] = {}
    for rate_class in rate_classes:
        headers = {
            name.lower(): value
            for name, value in _answer_headers(host, *PROBES[rate_class]).items()
        }
        policy = POLICY.search(headers.get("ratelimit-policy", ""))
        remaining = REMAINING.search(headers.get("ratelimit", ""))
        if policy is None:
            policies[rate_class] = None
            continue
        quota = int(policy["quota"])
        policies[rate_class] = Policy(
            rate_class,
            quota,
            int(policy["window"]),
            int(remaining["remaining"]) if remaining else quota,
        )
    return policies


def _allowed(policy: Policy, seconds: float, remaining: int) -> float:
    """Requests the limit lets through in `seconds`: what is left now, then its refill rate."""
    return remaining + policy.quota * seconds / policy.window_seconds


def _rate(policy: Policy, quota: int) -> str:
    """A quota over the policy's window as an `ALLOY_RATE_LIMIT_*` value (`40/minute`)."""
    period = PERIOD_NAMES.get(policy.window_seconds)
    return f"{quota}/{period}" if period else f"{quota} per {policy.window_seconds} s"


def anonymous_warning(
    policy: Policy, scenario: str, users: int, spawn_rate: float, duration_seconds: int
) -> str | None:
    """Registering and logging in come from this machine's one address, for every user."""
    shares = users_per_journey(scenario, users)
    ramp_seconds = users / spawn_rate
    at_start = sum(
        count * JOURNEYS[journey].anonymous_at_start.get(policy.rate_class, 0)
        for journey, count in shares.items()
    )
    per_minute = sum(
        count * JOURNEYS[journey].anonymous_per_minute.get(policy.rate_class, 0)
        for journey, count in shares.items()
    )
    needed = at_start + per_minute * duration_seconds / 60
    if needed <= _allowed(policy, duration_seconds, policy.remaining) and at_start <= _allowed(
        policy, ramp_seconds, policy.remaining
    ):
        return None
    windows_in_run = max(duration_seconds, policy.window_seconds) / policy.window_seconds
    already_spent = policy.quota - policy.remaining
    wanted = max(at_start, math.ceil(needed / windows_in_run)) + already_spent
    return (
        f"{policy.rate_class}: this run sends about {needed:.0f} {policy.rate_class} requests"
        f" (registering and logging in its users) from this machine's one address, but the target"
        f" allows {policy.remaining} now and {policy.quota} per {policy.window_seconds} s for an"
        f" address: raise {policy.setting} on the target to at least {_rate(policy, wanted)},"
        f" or run fewer users"
    )


def per_user_warnings(policy: Policy, scenario: str) -> list[str]:
    warnings = []
    for journey in SCENARIOS[scenario]:
        load = JOURNEYS[journey]
        per_window = load.per_user_at_start.get(
            policy.rate_class, 0
        ) + load.per_user_per_minute.get(policy.rate_class, 0) * (policy.window_seconds / 60)
        if per_window > policy.quota:
            warnings.append(
                f"{policy.rate_class}: each {journey} user sends about {per_window:.0f}"
                f" {policy.rate_class} requests per {policy.window_seconds} s, the target allows"
                f" {policy.quota}: raise {policy.setting} on the target"
            )
    return warnings


def shaping_warnings(
    policies: dict[str, Policy | None],
    scenario: str,
    users: int,
    spawn_rate: float,
    duration_seconds: int,
) -> list[str]:
    """Where the target's limits will refuse requests of this run (429s), naming the setting."""
    warnings: list[str] = []
    for policy in policies.values():
        if policy is None:
            continue
        anonymous = anonymous_warning(policy, scenario, users, spawn_rate, duration_seconds)
        warnings += [anonymous] if anonymous else []
        warnings += per_user_warnings(policy, scenario)
    return warnings
