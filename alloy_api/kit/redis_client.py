"""The Redis client that rate limits, idempotency keys and login throttles share: one pool per
process."""

from redis.asyncio import BlockingConnectionPool, Redis

from alloy_api.settings import Settings

MAX_CONNECTIONS = 64


def build_redis(settings: Settings) -> Redis | None:
    """A client whose pool waits for a free connection instead of raising when it is full."""
    if settings.redis_url is None:
        return None
    pool = BlockingConnectionPool.from_url(
        settings.redis_url,
        max_connections=MAX_CONNECTIONS,
        timeout=settings.redis_timeout_seconds,
        socket_timeout=settings.redis_timeout_seconds,
        socket_connect_timeout=settings.redis_timeout_seconds,
    )
    return Redis(connection_pool=pool)


async def close_redis(client: Redis | None) -> None:
    if client is not None:
        await client.aclose()
        await client.connection_pool.disconnect()
