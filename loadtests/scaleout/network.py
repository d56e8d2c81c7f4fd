"""The drill's network: one bridge in the root namespace carrying the services' address, and one
network namespace per app host joined to it by a veth pair. Addresses come from 198.18.0.0/15
(the benchmarking range) only.

Every name starts with `NAME_PREFIX`, so `remove_leftovers` finds what an earlier run that was
killed outright (SIGKILL, power loss) left behind, and removes nothing else.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from loadtests.drills.services import Cleanup, ServiceError

NAME_PREFIX = "alloyso-"
BRIDGE = f"{NAME_PREFIX}br"
NETWORK = ipaddress.ip_network("198.18.0.0/24")
PREFIX_LENGTH = NETWORK.prefixlen
SERVICES_ADDRESS = "198.18.0.1"
"""The bridge's address in the root namespace: PostgreSQL, Redis, HAProxy and the load."""
SECOND_CLIENT_ADDRESS = "198.18.0.2"
"""A second client address on the bridge, whose per-address rate budget the load never spends."""
FIRST_HOST_OCTET = 11
IP_TIMEOUT_SECONDS = 15.0
DRILL_DIRECTORY_PREFIX = "alloy-scaleout-"
"""Every temp dir of a run starts so; leftover processes are found by it in their command line."""


def ip(*arguments: str, check: bool = True) -> str:
    finished = subprocess.run(  # noqa: S603
        ["ip", *arguments],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=IP_TIMEOUT_SECONDS,
        check=False,
    )
    if check and finished.returncode != 0:
        raise ServiceError(f"ip {' '.join(arguments)}: {finished.stderr.strip()}")
    return finished.stdout


def host_address(number: int) -> str:
    return str(NETWORK.network_address + FIRST_HOST_OCTET - 1 + number)


def _address_in_use() -> str | None:
    """An address of the drill's network already configured on this machine, if any."""
    for line in ip("-o", "-4", "addr", "show").splitlines():
        fields = line.split()
        address = fields[fields.index("inet") + 1]
        if ipaddress.ip_interface(address).ip in NETWORK:
            return f"{address} on {fields[1]}"
    return None


class Bridge:
    """The bridge with the services' address; removed (with every veth on it) at cleanup."""

    def __init__(self, cleanup: Cleanup) -> None:
        self.name = BRIDGE
        cleanup.add("bridge", self.remove)

    def create(self) -> None:
        in_use = _address_in_use()
        if in_use is not None:
            raise ServiceError(
                f"{in_use} is already configured: an earlier run's leftovers "
                "(python -m loadtests.scaleout --remove-leftovers) or another network"
            )
        ip("link", "add", self.name, "type", "bridge")
        for address in (SERVICES_ADDRESS, SECOND_CLIENT_ADDRESS):
            ip("addr", "add", f"{address}/{PREFIX_LENGTH}", "dev", self.name)
        ip("link", "set", self.name, "up")

    def remove(self) -> None:
        if _link_exists(self.name):
            ip("link", "del", self.name)


def _link_exists(name: str) -> bool:
    return bool(ip("-o", "link", "show", name, check=False).strip())


@dataclass(slots=True)
class Namespace:
    """A network namespace with one veth onto the bridge, its end named eth0 inside."""

    number: int
    bridge: Bridge

    @property
    def name(self) -> str:
        return f"{NAME_PREFIX}h{self.number}"

    @property
    def veth(self) -> str:
        return f"{NAME_PREFIX}v{self.number}"

    @property
    def address(self) -> str:
        return host_address(self.number)

    @property
    def launcher(self) -> list[str]:
        return ["ip", "netns", "exec", self.name]

    def create(self, cleanup: Cleanup) -> None:
        cleanup.add(f"namespace {self.name}", self.remove)
        ip("netns", "add", self.name)
        peer = f"{self.veth}p"
        ip("link", "add", self.veth, "type", "veth", "peer", "name", peer, "netns", self.name)
        ip("link", "set", self.veth, "master", self.bridge.name, "up")
        inside = ["netns", "exec", self.name, "ip"]
        ip(*inside, "link", "set", peer, "name", "eth0")
        ip(*inside, "addr", "add", f"{self.address}/{PREFIX_LENGTH}", "dev", "eth0")
        ip(*inside, "link", "set", "eth0", "up")
        ip(*inside, "link", "set", "lo", "up")

    def remove(self) -> None:
        remove_namespace(self.name)
        if _link_exists(self.veth):
            ip("link", "del", self.veth)


def _kill(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def remove_namespace(name: str) -> None:
    """Kill whatever still runs in the namespace, then delete it (its veth goes with it)."""
    if name not in namespaces():
        return
    _kill([int(pid) for pid in ip("netns", "pids", name, check=False).split()])
    ip("netns", "del", name)


def namespaces() -> list[str]:
    return [line.split()[0] for line in ip("netns", "list").splitlines() if line.strip()]


def _drill_processes() -> list[int]:
    """Processes whose command line names a drill temp dir (HAProxy, PostgreSQL) or, as
    `redis-server` titles itself, the services' address."""
    marks = (f"/{DRILL_DIRECTORY_PREFIX}", f"redis-server {SERVICES_ADDRESS}:")
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if any(mark in command for mark in marks):
                found.append(int(entry.name))
    return found


@dataclass(slots=True)
class Leftovers:
    namespaces: list[str]
    links: list[str]
    processes: list[int]
    directories: list[Path]

    def __bool__(self) -> bool:
        return bool(self.namespaces or self.links or self.processes or self.directories)


def find_leftovers() -> Leftovers:
    """What runs of the drill made and have not removed (a run in progress included)."""
    links = []
    for line in ip("-o", "link", "show").splitlines():
        link = line.split(":")[1].strip().split("@")[0]
        if link.startswith(NAME_PREFIX):
            links.append(link)
    return Leftovers(
        namespaces=[name for name in namespaces() if name.startswith(NAME_PREFIX)],
        links=links,
        processes=_drill_processes(),
        directories=sorted(Path(tempfile.gettempdir()).glob(f"{DRILL_DIRECTORY_PREFIX}*")),
    )


def remove_leftovers() -> list[str]:
    """Remove what earlier runs left: their namespaces (and what runs in them), veths, bridge,
    processes and temp dirs; what was removed."""
    found = find_leftovers()
    for name in found.namespaces:
        remove_namespace(name)
    for link in found.links:
        ip("link", "del", link, check=False)
    _kill(found.processes)
    for directory in found.directories:
        shutil.rmtree(directory, ignore_errors=True)
    return [
        *(f"namespace {name}" for name in found.namespaces),
        *(f"link {link}" for link in found.links),
        *(f"process {pid}" for pid in found.processes),
        *(f"directory {directory}" for directory in found.directories),
    ]
