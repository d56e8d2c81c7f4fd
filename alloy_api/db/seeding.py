from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar


class NamedEntry(Protocol):
    @property
    def name(self) -> str: ...


EntryT = TypeVar("EntryT", bound=NamedEntry)


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What one seeding step added and what it found already there (by name)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


async def add_missing(
    entries: Iterable[EntryT],
    existing_names: set[str],
    store: Callable[[EntryT], Awaitable[object]],
) -> SeedReport:
    """Store each entry whose name (case-insensitively) is not there yet; report both lists."""
    report = SeedReport()
    for entry in entries:
        if entry.name.lower() in existing_names:
            report.skipped.append(entry.name)
            continue
        await store(entry)
        existing_names.add(entry.name.lower())
        report.added.append(entry.name)
    return report
