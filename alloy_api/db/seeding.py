from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What one seeding step added and what it found already there (by name)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
