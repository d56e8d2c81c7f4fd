"""The circuits shipped with Alloy and loaded by `alloy seed`; items name library movements.

Each item: movement name, reps, distance in metres, duration in seconds, rest in seconds, notes
(0 or "" where not used).
"""

from dataclasses import dataclass
from typing import Any

from alloy_api.reference.enums import CircuitType


@dataclass(frozen=True, slots=True)
class LibraryCircuitItem:
    movement_name: str
    targets: dict[str, Any]


@dataclass(frozen=True, slots=True)
class LibraryCircuit:
    name: str
    circuit_type: CircuitType
    difficulty_tier: int
    default_rounds: int | None
    default_duration_seconds: int | None
    description: str
    items: tuple[LibraryCircuitItem, ...]


_Item = tuple[str, int, int, int, int, str]
# fmt: off
_CIRCUITS: tuple[tuple[Any, ...], ...] = (
    # rounds for time
    ("Three-Round Engine", "rounds_for_time", 2, 3, 0, "Three rounds of a row, swings and push-ups as fast as possible with good form.", (
        ("Rowing", 0, 500, 0, 0, ""), ("Kettlebell Swing", 21, 0, 0, 0, ""), ("Push-Up", 12, 0, 0, 0, ""))),
    ("Barbell Sprint", "rounds_for_time", 4, 5, 0, "Five fast rounds pairing a barbell complex with pull-ups.", (
        ("Thruster", 9, 0, 0, 0, "moderate load"), ("Pull-Up", 9, 0, 0, 0, ""), ("Box Jump", 9, 0, 0, 0, ""))),
    ("Runner's Ladder of Legs", "rounds_for_time", 2, 4, 0, "Running intervals broken up by single-leg strength work.", (
        ("Easy Run", 0, 400, 0, 0, ""), ("Walking Lunge", 20, 0, 0, 0, "10 each leg"), ("Plank", 0, 0, 45, 30, ""))),
    # amrap
    ("Bodyweight Twelve", "amrap", 1, None, 720, "As many rounds as possible in twelve minutes with no equipment.", (
        ("Air Squat", 15, 0, 0, 0, ""), ("Push-Up", 10, 0, 0, 0, ""), ("Burpee", 5, 0, 0, 0, ""))),
    ("Kettlebell Twenty", "amrap", 3, None, 1200, "Twenty minutes of kettlebell work and rope skipping.", (
        ("Kettlebell Swing", 15, 0, 0, 0, ""), ("Goblet Squat", 10, 0, 0, 0, ""), ("Double-Under", 30, 0, 0, 0, "or 60 single-unders"))),
    ("Gymnast's Fifteen", "amrap", 4, None, 900, "Fifteen minutes of skill-heavy gymnastics.", (
        ("Muscle-Up", 3, 0, 0, 0, ""), ("Toes-to-Bar", 9, 0, 0, 0, ""), ("Pistol Squat", 12, 0, 0, 0, "alternate legs"))),
    # emom
    ("Power Clean Minute", "emom", 4, 10, 600, "One set of power cleans at the top of every minute for ten minutes.", (
        ("Power Clean", 3, 0, 0, 0, "70 percent of best"),)),
    ("Alternating Conditioning", "emom", 2, 16, 960, "Sixteen minutes alternating between four stations, one per minute.", (
        ("Assault Bike", 0, 0, 40, 20, ""), ("Wall Ball", 15, 0, 0, 0, ""), ("Toes-to-Bar", 10, 0, 0, 0, ""), ("Plank", 0, 0, 45, 15, ""))),
    ("Strength Builder EMOM", "emom", 3, 12, 720, "Low-rep pulls and presses on the minute to practise strength without fatigue.", (
        ("Pull-Up", 5, 0, 0, 0, ""), ("Overhead Press", 5, 0, 0, 0, ""))),
    # ladder
    ("Ascending Swing Ladder", "ladder", 2, None, 900, "Add two reps of each movement every round until the time runs out.", (
        ("Kettlebell Swing", 2, 0, 0, 0, "add 2 each round"), ("Burpee", 2, 0, 0, 0, "add 2 each round"))),
    ("Descending Deadlift Ladder", "ladder", 4, 10, None, "Ten, nine, eight and so on down to one, pairing deadlifts with box jumps.", (
        ("Conventional Deadlift", 10, 0, 0, 0, "one fewer each round"), ("Box Jump", 10, 0, 0, 0, "one fewer each round"))),
    ("Pull and Push Ladder", "ladder", 3, 10, None, "One to ten reps of chin-ups and dips, adding one rep each round.", (
        ("Chin-Up", 1, 0, 0, 0, "add 1 each round"), ("Parallel Bar Dip", 1, 0, 0, 0, "add 1 each round"))),
    # tabata
    ("Classic Tabata Squat", "tabata", 2, 8, 240, "Eight rounds of twenty seconds of work and ten of rest.", (
        ("Air Squat", 0, 0, 20, 10, "count the lowest round"),)),
    ("Core Tabata", "tabata", 1, 8, 480, "Two four-minute tabatas for the trunk.", (
        ("Hollow Body Hold", 0, 0, 20, 10, ""), ("Russian Twist", 0, 0, 20, 10, ""))),
    ("Bike and Burpee Tabata", "tabata", 3, 8, 480, "Alternate bike sprints and burpees in twenty-on, ten-off rounds.", (
        ("Assault Bike", 0, 0, 20, 10, ""), ("Burpee", 0, 0, 20, 10, ""))),
    # chipper
    ("The Long Chipper", "chipper", 4, 1, None, "Work through every movement once, in order, chipping away at each.", (
        ("Rowing", 0, 1000, 0, 0, ""), ("Wall Ball", 50, 0, 0, 0, ""), ("Kettlebell Swing", 40, 0, 0, 0, ""),
        ("Walking Lunge", 30, 0, 0, 0, ""), ("Toes-to-Bar", 20, 0, 0, 0, ""), ("Burpee", 10, 0, 0, 0, ""))),
    ("Strongman Chipper", "chipper", 5, 1, None, "Heavy implements one after another for a single hard effort.", (
        ("Farmer's Carry", 0, 100, 0, 0, ""), ("Sandbag Carry", 0, 60, 0, 0, ""), ("Tire Flip", 10, 0, 0, 0, ""), ("Sled Push", 0, 50, 0, 0, ""))),
    ("Beginner Chipper", "chipper", 1, 1, None, "An approachable chipper of simple movements.", (
        ("Stationary Bike", 0, 0, 300, 0, ""), ("Goblet Squat", 30, 0, 0, 0, ""), ("Inverted Row", 20, 0, 0, 0, ""), ("Dead Bug", 20, 0, 0, 0, ""))),
    # station
    ("Strongman Medley Stations", "station", 5, 3, None, "Rotate through strongman stations with a set rest between them.", (
        ("Yoke Walk", 0, 20, 0, 90, ""), ("Atlas Stone Load", 3, 0, 0, 90, ""), ("Log Press", 5, 0, 0, 90, ""), ("Sled Drag", 0, 40, 0, 90, ""))),
    ("Athletic Circuit Stations", "station", 3, 3, None, "Timed stations of power, strength and conditioning.", (
        ("Medicine Ball Slam", 0, 0, 40, 20, ""), ("Goblet Squat", 0, 0, 40, 20, ""), ("Ski Erg", 0, 0, 40, 20, ""), ("Push-Up", 0, 0, 40, 20, ""), ("Skater Jump", 0, 0, 40, 20, ""))),
    ("Mobility Flow Stations", "station", 1, 2, None, "A recovery circuit of stretches, each held for its time.", (
        ("World's Greatest Stretch", 0, 0, 60, 0, ""), ("Pigeon Pose", 0, 0, 60, 0, "each side"), ("Cat-Cow", 0, 0, 45, 0, ""), ("Downward Dog", 0, 0, 45, 0, ""))),
    ("Runner's Strength Stations", "station", 2, 3, None, "Strength stations that support running: hips, hamstrings and calves.", (
        ("Bulgarian Split Squat", 8, 0, 0, 45, "each leg"), ("Nordic Hamstring Curl", 5, 0, 0, 45, ""), ("Standing Calf Raise", 15, 0, 0, 45, ""), ("Pallof Press", 10, 0, 0, 45, "each side"))),
)
# fmt: on


def _item(row: _Item) -> LibraryCircuitItem:
    movement_name, reps, distance, duration, rest, notes = row
    targets = {
        "reps": reps or None,
        "distance_meters": distance or None,
        "duration_seconds": duration or None,
        "rest_seconds": rest or None,
        "notes": notes or None,
    }
    return LibraryCircuitItem(movement_name, targets)


LIBRARY_CIRCUITS: tuple[LibraryCircuit, ...] = tuple(
    LibraryCircuit(
        name=name,
        circuit_type=CircuitType(circuit_type),
        difficulty_tier=tier,
        default_rounds=rounds or None,
        default_duration_seconds=duration or None,
        description=description,
        items=tuple(_item(row) for row in items),
    )
    for name, circuit_type, tier, rounds, duration, description, items in _CIRCUITS
)
