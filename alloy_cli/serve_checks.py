"""What `alloy serve` makes sure of before it starts granian."""

import errno
import socket

from alloy_api.db import migrations
from alloy_api.db.lifecycle import close_database, open_database
from alloy_api.settings import Settings
from alloy_cli.common import fail, run


def ensure_port_free(host: str, port: int) -> None:
    """Refuse a port another process listens on.

    granian binds with SO_REUSEPORT, so a second server on a busy port would start silently and
    split the traffic with the first. A probe bound without it is refused while anyone listens
    (SO_REUSEADDR only lets it past connections still in TIME_WAIT).
    """
    family, kind, protocol, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                fail(f"port {port} is in use on {host}: another server listens there")
            fail(f"cannot bind {host}:{port}: {error.strerror}")


def ensure_migrated(settings: Settings) -> None:
    """Refuse to serve a database that lacks migrations (production never migrates itself)."""

    async def pending() -> list[str]:
        await open_database(settings)
        try:
            return await migrations.pending_migrations(settings)
        finally:
            await close_database()

    try:
        names = run(pending())
    except Exception as error:
        fail(f"cannot check the database's migrations: {type(error).__name__}: {error}")
    if names:
        fail(
            f"{len(names)} migration(s) pending on the database ({', '.join(names)});"
            " apply them with `alloy db upgrade`, then start again"
        )
