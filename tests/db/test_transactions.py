"""`transactional`: all or nothing, the transaction's own connection, and retried write skew."""

import asyncio
from uuid import UUID

import asyncpg
import pytest
from tortoise import connections

from alloy_api.db.transactions import (
    Isolation,
    current_connection,
    is_retryable,
    retry_delay,
    run_in_transaction,
    transactional,
)
from alloy_api.kit.ids import new_id
from alloy_api.movements.repository import MovementRepository
from alloy_api.movements.service import seed_library
from alloy_api.reference.enums import MovementPattern
from tests.conftest import TEST_DATABASE_URL
from tests.movements.factories import library_entry

movements = MovementRepository()
on_postgres = pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs PostgreSQL")


class InjectedFailureError(RuntimeError):
    pass


async def count_named(prefix: str) -> int:
    return await movements.queryset().filter(name__startswith=prefix).count()


async def test_a_failure_half_way_leaves_no_row_behind(running_app) -> None:
    @transactional()
    async def create_two_then_fail() -> None:
        await seed_library([library_entry("Half Way One")])
        assert await count_named("Half Way") == 1
        await seed_library([library_entry("Half Way Two")])
        raise InjectedFailureError("injected after two writes")

    with pytest.raises(InjectedFailureError):
        await create_two_then_fail()
    assert await count_named("Half Way") == 0


async def test_reads_inside_a_transaction_use_its_connection(running_app) -> None:
    seen_inside: list[int] = []

    @transactional()
    async def write_then_read() -> None:
        await seed_library([library_entry("Own Write")])
        seen_inside.append(await count_named("Own Write"))
        assert current_connection() is not None

    await write_then_read()
    assert seen_inside == [1]
    assert current_connection() is None


async def test_nested_methods_join_the_outer_transaction(running_app) -> None:
    @transactional()
    async def outer() -> None:
        await seed_library([library_entry("Nested One")])
        raise InjectedFailureError("the outer method fails after the inner one wrote")

    with pytest.raises(InjectedFailureError):
        await outer()
    assert await count_named("Nested") == 0


async def test_retries_stop_after_the_bounded_number_of_attempts(running_app) -> None:
    attempts: list[int] = []

    async def always_conflicting() -> None:
        attempts.append(1)
        raise asyncpg.exceptions.SerializationError("could not serialize access")

    with pytest.raises(asyncpg.exceptions.SerializationError):
        await run_in_transaction(always_conflicting, max_attempts=3)
    assert len(attempts) == 3


async def test_other_errors_are_not_retried(running_app) -> None:
    attempts: list[int] = []

    async def failing() -> None:
        attempts.append(1)
        raise InjectedFailureError("not a conflict")

    with pytest.raises(InjectedFailureError):
        await run_in_transaction(failing, max_attempts=5)
    assert attempts == [1]


def test_wrapped_conflicts_are_recognised_and_delays_are_jittered_and_capped() -> None:
    wrapper = RuntimeError("wrapped")
    wrapper.__cause__ = asyncpg.exceptions.DeadlockDetectedError("deadlock detected")
    assert is_retryable(wrapper)
    assert not is_retryable(RuntimeError("plain"))
    delays = {retry_delay(attempt) for attempt in range(1, 30)}
    assert len(delays) > 1
    assert all(0 <= delay <= 0.5 for delay in delays)


QUOTA = 3


async def add_under_quota(owner_id: UUID, name: str, both_read: asyncio.Barrier, tries: list[str]):
    """Write skew: each transaction checks the owner's count, then adds one if under the quota."""
    tries.append(name)
    count = await movements.queryset().filter(owner_id=owner_id).count()
    if tries.count(name) == 1:
        await both_read.wait()
    if count < QUOTA:
        values = {**library_entry_values(name), "owner_id": owner_id}
        await movements.create_with_links(values, [], [])


def library_entry_values(name: str) -> dict:
    return {
        "name": name,
        "pattern": MovementPattern.CORE,
        "primary_muscle": "core",
        "secondary_muscles": [],
        "region": "core",
        "skill_level": "beginner",
        "cns_load": "low",
        "compound": False,
        "unilateral": False,
        "metric_type": "reps",
        "min_recovery_hours": 24,
        "substitution_group": None,
        "description": "",
    }


async def race_to_the_quota(isolation: Isolation) -> tuple[int, list[str]]:
    owner_id = new_id()
    for index in range(QUOTA - 1):
        await movements.create_with_links(
            {**library_entry_values(f"Existing {index}"), "owner_id": owner_id}, [], []
        )
    both_read = asyncio.Barrier(2)
    tries: list[str] = []
    await asyncio.gather(
        *(
            run_in_transaction(
                lambda name=name: add_under_quota(owner_id, name, both_read, tries),
                isolation=isolation,
            )
            for name in ("Racer A", "Racer B")
        ),
        return_exceptions=True,
    )
    return await movements.queryset().filter(owner_id=owner_id).count(), tries


@on_postgres
async def test_write_skew_happens_under_read_committed(running_app) -> None:
    final_count, tries = await race_to_the_quota(Isolation.READ_COMMITTED)
    assert final_count == QUOTA + 1, "both transactions saw room for one more and both added it"
    assert len(tries) == 2


@on_postgres
async def test_serializable_retries_the_loser_and_keeps_the_quota(running_app) -> None:
    final_count, tries = await race_to_the_quota(Isolation.SERIALIZABLE)
    assert final_count == QUOTA
    assert sorted(tries[:2]) == ["Racer A", "Racer B"]
    assert len(tries) >= 3, "one transaction failed to serialize and ran again"
    assert len(set(tries[2:])) == 1, "only the loser ran again (a busy server may abort it twice)"


@on_postgres
async def test_the_isolation_level_is_set_inside_the_transaction(running_app) -> None:
    async def read_level() -> str:
        connection = current_connection()
        assert connection is not None
        _, rows = await connection.execute_query("SHOW transaction_isolation")
        return rows[0]["transaction_isolation"]

    assert await run_in_transaction(read_level, isolation=Isolation.SERIALIZABLE) == "serializable"
    default_level = await connections.get("default").execute_query("SHOW transaction_isolation")
    assert default_level[1][0]["transaction_isolation"] == "read committed"
