"""HAProxy in front of the hosts, as a plain process with a generated config (never the system
service): health checks on `/health/ready`, and the runtime API on a unix socket for the
servers' states and counters."""

from __future__ import annotations

import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from loadtests.drills.services import (
    START_TIMEOUT_SECONDS,
    Cleanup,
    ServiceError,
    free_port,
    stop_process,
    wait_until,
)

BACKEND = "hosts"
CHECK_INTERVAL_MS = 500
CHECKS_TO_FALL = 2
CHECKS_TO_RISE = 2
SOCKET_TIMEOUT_SECONDS = 5.0
DEBIAN_SBIN = "/usr/sbin"
APT_UPDATE = ["apt-get", "update", "-q"]
APT_INSTALL = ["apt-get", "install", "-y", "-q", "haproxy"]
APT_TIMEOUT_SECONDS = 300.0
CONFIG_TEMPLATE = """\
global
    maxconn 4096
    stats socket {socket} mode 600 level admin
    log stderr format short local0 info

defaults
    mode http
    log global
    option httplog
    option forwardfor
    option redispatch
    retries 3
    retry-on conn-failure empty-response
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s

frontend alloy
    bind {address}:{port}
    # A request the server closed on without answering is sent again to another server only
    # when that is safe: a read, or a write with an Idempotency-Key (answered once by Alloy).
    acl safe_to_resend method GET HEAD OPTIONS
    acl safe_to_resend req.hdr(Idempotency-Key) -m found
    http-request disable-l7-retry unless safe_to_resend
    default_backend {backend}

backend {backend}
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter {inter}ms fastinter {inter}ms downinter {inter}ms fall {fall} rise {rise}
{servers}
"""


def haproxy_binary() -> str | None:
    """HAProxy on PATH or where the Debian package puts it; installed with apt-get if missing."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path=DEBIAN_SBIN)
    if found is not None or shutil.which("apt-get") is None:
        return found
    for command in (APT_UPDATE, APT_INSTALL):
        try:
            subprocess.run(  # noqa: S603
                command, capture_output=True, timeout=APT_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            return None
    return shutil.which("haproxy") or shutil.which("haproxy", path=DEBIAN_SBIN)


@dataclass(frozen=True, slots=True)
class Backend:
    name: str
    address: str
    port: int


@dataclass(frozen=True, slots=True)
class ServerState:
    name: str
    status: str
    """UP, DOWN, MAINT, or a transition such as "UP 1/2"."""
    responses: int
    """Sessions the server has answered since HAProxy started (`stot`)."""
    current: int
    """Sessions open on the server now (`scur`): the requests in flight there."""


def render_config(address: str, port: int, socket_path: Path, backends: list[Backend]) -> str:
    servers = "\n".join(
        f"    server {backend.name} {backend.address}:{backend.port} check" for backend in backends
    )
    return CONFIG_TEMPLATE.format(
        socket=socket_path,
        address=address,
        port=port,
        backend=BACKEND,
        inter=CHECK_INTERVAL_MS,
        fall=CHECKS_TO_FALL,
        rise=CHECKS_TO_RISE,
        servers=servers,
    )


class HAProxy:
    """Every host is declared up front; one not started yet is DOWN until its checks pass."""

    def __init__(
        self,
        directory: Path,
        address: str,
        backends: list[Backend],
        cleanup: Cleanup,
        binary: str,
    ) -> None:
        self.directory = directory
        self.address = address
        self.port = free_port()
        self.binary = binary
        self.backends = backends
        self.config_path = directory / "haproxy.cfg"
        self.socket_path = directory / "haproxy.sock"
        self.log_path = directory / "haproxy.log"
        self._process: subprocess.Popen | None = None
        cleanup.add("haproxy", self.stop)

    @property
    def base_url(self) -> str:
        return f"http://{self.address}:{self.port}"

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            render_config(self.address, self.port, self.socket_path, self.backends),
            encoding="utf-8",
        )
        checked = subprocess.run(  # noqa: S603
            [self.binary, "-c", "-f", str(self.config_path)],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_SECONDS,
            check=False,
        )
        if checked.returncode != 0:
            raise ServiceError(f"haproxy refused its config: {checked.stderr.strip()[-400:]}")
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603
                [self.binary, "-db", "-f", str(self.config_path)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until(self._answers, START_TIMEOUT_SECONDS, "haproxy did not answer")

    def _answers(self) -> bool:
        if self._process is None or self._process.poll() is not None:
            raise ServiceError(f"haproxy exited; see {self.log_path}")
        return self.socket_path.exists() and bool(self.command("show info"))

    def command(self, line: str) -> str:
        """One runtime API command; its answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(SOCKET_TIMEOUT_SECONDS)
            try:
                connection.connect(str(self.socket_path))
            except OSError:
                return ""
            connection.sendall(f"{line}\n".encode())
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers(self) -> dict[str, ServerState]:
        lines = self.command("show stat").splitlines()
        if not lines:
            return {}
        columns = lines[0].lstrip("# ").split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(columns, line.split(","), strict=False))
            if row.get("pxname") == BACKEND and row.get("svname") not in ("BACKEND", None):
                name = row["svname"]
                states[name] = ServerState(
                    name, row["status"], int(row["stot"] or 0), int(row["scur"] or 0)
                )
        return states

    def wait_status(self, server: str, status: str, timeout: float) -> None:
        wait_until(
            lambda: self.servers().get(server, ServerState(server, "", 0, 0)).status == status,
            timeout,
            f"haproxy did not see {server} {status}",
        )

    def stop(self) -> None:
        if self._process is not None:
            stop_process(self._process)
            self._process = None
