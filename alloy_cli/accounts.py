"""What commands that change data share: a database and cache session, the operator."""

import getpass
from collections.abc import Awaitable, Callable
from typing import TypeVar

from alloy_api.app import build_state
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import Role
from alloy_api.db.lifecycle import close_database, open_database
from alloy_api.kit.cache import operator_cache
from alloy_api.kit.errors import DomainError
from alloy_api.kit.logging import configure_logging
from alloy_api.settings import Settings
from alloy_cli.common import fail, load_settings, run

ResultT = TypeVar("ResultT")
CLI_LOG_LEVEL = "WARNING"


def operator() -> Principal:
    """The person at the terminal, with every right; audit events name them `cli:<os user>`."""
    return Principal(role=Role.SUPER_ADMIN, actor=f"cli:{getpass.getuser()}", user=None)


def with_database(work: Callable[[Settings], Awaitable[ResultT]]) -> ResultT:
    """Run `work` against the configured database; domain errors end the command in one line."""
    settings = load_settings()
    configure_logging(CLI_LOG_LEVEL, as_json=False)

    async def session() -> ResultT:
        await open_database(settings)
        state = build_state(settings)
        try:
            async with operator_cache(state.cache):
                return await work(settings)
        finally:
            await close_database()
            if state.redis is not None:
                await state.redis.close()

    try:
        return run(session())
    except DomainError as error:
        fail(error.message)
    except (OSError, ConnectionError) as error:
        fail(f"the database is unavailable: {error}")
