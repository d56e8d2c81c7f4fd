"""The shared cache: Redis when configured, in-process otherwise."""

import asyncio
from urllib.parse import urlsplit

from aiocache import RedisCache, SimpleMemoryCache
from aiocache.base import BaseCache
from redis.asyncio import BlockingConnectionPool

from alloy_api.kit.ids import new_id_str
from alloy_api.settings import Settings

CACHE_NAMESPACE = "alloy"
DEFAULT_REDIS_PORT = 6379
PING_TTL_SECONDS = 10


def build_cache(settings: Settings) -> BaseCache:
    if settings.redis_url is None:
        return SimpleMemoryCache(namespace=CACHE_NAMESPACE)
    url = urlsplit(settings.redis_url)
    database = url.path.lstrip("/") or "0"
    return RedisCache(
        endpoint=url.hostname or "127.0.0.1",
        port=url.port or DEFAULT_REDIS_PORT,
        db=int(database),
        password=url.password,
        namespace=CACHE_NAMESPACE,
        create_connection_timeout=settings.redis_timeout_seconds,
        connection_pool_class=BlockingConnectionPool,
        connection_pool_kwargs={
            "socket_timeout": settings.redis_timeout_seconds,
            "timeout": settings.redis_timeout_seconds,
        },
        timeout=settings.redis_timeout_seconds,
    )


def is_in_process(cache: BaseCache) -> bool:
    return isinstance(cache, SimpleMemoryCache)


async def ping_cache(cache: BaseCache) -> None:
    """A write and a read back; raises when the cache does not answer correctly."""
    probe_key = f"health:{new_id_str()}"
    probe_value = new_id_str()
    await cache.set(probe_key, probe_value, ttl=PING_TTL_SECONDS)
    echoed = await cache.get(probe_key)
    await cache.delete(probe_key)
    if echoed != probe_value:
        raise ConnectionError("the cache did not return what was written")


async def close_cache(cache: BaseCache) -> None:
    await asyncio.shield(cache.close())
