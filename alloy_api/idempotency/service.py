"""Retention of idempotency keys: outcomes older than `idempotency_ttl_seconds` are pruned."""

import asyncio
import random
from datetime import timedelta

from loguru import logger

from alloy_api.idempotency import repository
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

PRUNE_JITTER = 0.1


async def prune(older_than_seconds: int) -> int:
    """Delete the outcomes older than `older_than_seconds`; how many went."""
    return await repository.delete_older_than(utc_now() - timedelta(seconds=older_than_seconds))


async def prune_forever(settings: Settings) -> None:
    """Every serving process prunes now and then (jittered, so processes do not line up)."""
    interval = settings.idempotency_prune_interval_seconds
    while True:
        jitter = random.uniform(-PRUNE_JITTER, PRUNE_JITTER)  # noqa: S311 - spacing, not a secret
        await asyncio.sleep(interval * (1 + jitter))
        try:
            pruned = await prune(settings.idempotency_ttl_seconds)
        except Exception as error:
            logger.warning("idempotency prune failed: {}", type(error).__name__)
            continue
        if pruned:
            logger.info("pruned {} idempotency key(s)", pruned)
