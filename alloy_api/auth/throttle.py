"""Login throttling per account and per IP, in the shared cache (Redis or in-process).

Counters are keyed by the normalised email whether or not an account exists, so a throttled
unknown email answers exactly like a throttled known one.
"""

import asyncio
import hashlib
from dataclasses import dataclass

from aiocache.base import BaseCache

from alloy_api.kit.errors import ErrorCode, RateLimitedError
from alloy_api.settings import Settings

KEY_PREFIX = "login_failures"
FREE_FAILURES_BEFORE_SLOWDOWN = 2
MAX_SLOWDOWN_SECONDS = 5.0


def _account_key(email: str) -> str:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:account:{digest}"


def _ip_key(ip: str) -> str:
    return f"{KEY_PREFIX}:ip:{ip}"


@dataclass(frozen=True, slots=True)
class LoginThrottle:
    cache: BaseCache
    settings: Settings

    async def _failures(self, key: str) -> int:
        return int(await self.cache.get(key) or 0)

    async def _increment(self, key: str) -> None:
        count = await self.cache.increment(key, 1)
        if count == 1:
            await self.cache.expire(key, self.settings.login_failure_window_seconds)

    async def check(self, email: str, ip: str) -> None:
        """429 when either budget is spent; otherwise wait a little more after each failure."""
        account_failures, ip_failures = await asyncio.gather(
            self._failures(_account_key(email)), self._failures(_ip_key(ip))
        )
        if (
            account_failures >= self.settings.login_max_failures_per_account
            or ip_failures >= self.settings.login_max_failures_per_ip
        ):
            retry_after = self.settings.login_failure_window_seconds
            raise RateLimitedError(
                "Too many failed logins; try again later",
                code=ErrorCode.RATE_LIMIT_EXCEEDED,
                details={"retry_after": retry_after},
                headers={"Retry-After": str(retry_after)},
            )
        excess_failures = account_failures - FREE_FAILURES_BEFORE_SLOWDOWN
        if excess_failures > 0 and self.settings.login_slowdown_seconds > 0:
            delay = self.settings.login_slowdown_seconds * excess_failures
            await asyncio.sleep(min(delay, MAX_SLOWDOWN_SECONDS))

    async def record_failure(self, email: str, ip: str) -> None:
        await asyncio.gather(self._increment(_account_key(email)), self._increment(_ip_key(ip)))

    async def forget_account(self, email: str) -> None:
        await self.cache.delete(_account_key(email))
