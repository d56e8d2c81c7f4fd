"""The drill's machines on one box: a private PostgreSQL cluster and `redis-server` on the
bridge's address, and app hosts, each `alloy serve --workers 2` in its own network namespace."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from loadtests.drills.runner import DATABASE, create_database
from loadtests.drills.server import AlloyServer, alloy_environment, check_alloy
from loadtests.drills.services import POSTGRES_BIN, Cleanup, PrivatePostgres, PrivateRedis
from loadtests.scaleout.network import (
    DRILL_DIRECTORY_PREFIX,
    NETWORK,
    SERVICES_ADDRESS,
    Bridge,
    Namespace,
)

APP_PORT = 8000
TRUSTED_PROXIES = "1"
"""HAProxy appends the client's address to X-Forwarded-For; the hosts trust that one hop."""


@dataclass(slots=True)
class AppHost:
    number: int
    namespace: Namespace
    server: AlloyServer

    @property
    def name(self) -> str:
        return f"host{self.number}"

    @property
    def address(self) -> str:
        return self.namespace.address

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def cpu_seconds(self) -> float:
        """User and system CPU of the host's server and its workers, the live ones."""
        if not self.server.running():
            return 0.0
        try:
            main = psutil.Process(self.server.pid)
            processes = [main, *main.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0.0
        total = 0.0
        for process in processes:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
        return total


@dataclass(slots=True)
class Cluster:
    run_dir: Path
    cleanup: Cleanup
    auth_rate: str
    postgres_bin: Path = POSTGRES_BIN
    root: Path = field(init=False)
    bridge: Bridge = field(init=False)
    postgres: PrivatePostgres | None = None
    redis: PrivateRedis | None = None
    environment: dict[str, str] = field(default_factory=dict)
    hosts: list[AppHost] = field(default_factory=list)
    throughput: list = field(default_factory=list)
    """The throughput rows, once measured."""

    def __post_init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=DRILL_DIRECTORY_PREFIX))
        self.cleanup.add("run root", lambda: shutil.rmtree(self.root, ignore_errors=True))
        self.bridge = Bridge(self.cleanup)

    @property
    def database_url(self) -> str:
        return self.postgres.url(DATABASE)

    def start_services(self) -> None:
        """Bridge, PostgreSQL (migrated and seeded) and Redis, all on the services' address."""
        self.bridge.create()
        self.postgres = PrivatePostgres(
            self.cleanup,
            binaries=self.postgres_bin,
            host=SERVICES_ADDRESS,
            directory_prefix=f"{DRILL_DIRECTORY_PREFIX}pg-",
        )
        self.postgres.init()
        self.postgres.trust_network(str(NETWORK))
        self.postgres.start()
        asyncio.run(create_database(self.postgres))
        self.redis = PrivateRedis(self.root / "redis", self.cleanup, host=SERVICES_ADDRESS)
        self.redis.start()
        data_dir = self.root / "data"
        data_dir.mkdir()
        self.environment = alloy_environment(
            self.database_url, self.redis.url, data_dir, dict(os.environ)
        )
        self.environment["ALLOY_RATE_LIMIT_AUTH"] = self.auth_rate
        self.environment["ALLOY_TRUSTED_PROXY_COUNT"] = TRUSTED_PROXIES
        check_alloy(self.environment, "db", "upgrade")
        check_alloy(self.environment, "seed")

    def add_host(self) -> AppHost:
        """A new namespace with its server, not started yet."""
        number = len(self.hosts) + 1
        namespace = Namespace(number, self.bridge)
        namespace.create(self.cleanup)
        server = AlloyServer(
            self.environment,
            self.run_dir / f"host{number}.log",
            self.cleanup,
            host=namespace.address,
            port=APP_PORT,
            launcher=namespace.launcher,
        )
        host = AppHost(number, namespace, server)
        self.hosts.append(host)
        return host

    def keep_logs(self) -> None:
        """Copy the logs kept in the temp dirs (removed at cleanup) to the run dir."""
        logs = [self.root / "haproxy" / "haproxy.log", self.root / "redis" / "redis.log"]
        if self.postgres is not None:
            logs.append(self.postgres.log_path)
        for log in logs:
            if log.exists():
                shutil.copy(log, self.run_dir / log.name)
