"""`alloy idempotency prune`: outcomes past their retention go, fresh ones stay; audited."""

from datetime import timedelta

from alloy_api.audit.models import AuditEvent
from alloy_api.idempotency.models import IdempotencyKey
from alloy_api.kit.ids import new_id
from alloy_api.kit.time import utc_now
from tests.cli.test_users_and_2fa_commands import invoke, query


async def keep_outcome(key: str, age: timedelta) -> None:
    kept = await IdempotencyKey.create(
        user_id=new_id(),
        method="POST",
        route="/v1/programs",
        key=key,
        fingerprint="0" * 64,
        status=201,
        headers={},
        body=b"{}",
    )
    await IdempotencyKey.filter(id=kept.id).update(created_at=utc_now() - age)


def test_prune_deletes_only_outcomes_past_their_retention(settings) -> None:
    async def arrange() -> None:
        await keep_outcome("old", timedelta(days=2))
        await keep_outcome("fresh", timedelta(minutes=5))

    query(settings, arrange)
    pruned = invoke(settings, "idempotency", "prune")
    again = invoke(settings, "idempotency", "prune")
    assert pruned.exit_code == 0, pruned.output
    assert "pruned 1 idempotency key(s) older than 86400 s" in pruned.output
    assert again.exit_code == 0
    assert "nothing to prune" in again.output

    async def remaining() -> tuple[list[str], list[dict]]:
        keys = await IdempotencyKey.all().values_list("key", flat=True)
        events = await AuditEvent.filter(action="idempotency_keys_pruned").order_by("created_at")
        return list(keys), [event.details for event in events]

    keys, details = query(settings, remaining)
    assert keys == ["fresh"]
    assert details == [
        {"older_than_seconds": 86400, "pruned": 1},
        {"older_than_seconds": 86400, "pruned": 0},
    ]


def test_prune_takes_its_own_age(settings) -> None:
    query(settings, lambda: keep_outcome("recent", timedelta(minutes=5)))
    result = invoke(settings, "idempotency", "prune", "--older-than", "60")
    assert result.exit_code == 0
    assert "pruned 1 idempotency key(s) older than 60 s" in result.output
