"""`alloy synthetic`: the read-only journey of a signed-in user, against a running Alloy.

Steps: health, login, library page, one movement, the active program, then logout (which only
closes the session the login opened). Each step is one line on stdout and two Prometheus gauges
in an optional textfile for node_exporter's textfile collector.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from prometheus_client import CollectorRegistry, Gauge, write_to_textfile

from alloy_api import __version__
from alloy_api.kit.ids import new_id_str
from alloy_cli.common import console, fail, load_settings

STEP_DURATION_METRIC = "alloy_synthetic_step_duration_seconds"
STEP_SUCCESS_METRIC = "alloy_synthetic_step_success"
USER_AGENT = f"alloy-synthetic/{__version__}"


class StepFailedError(Exception):
    """A step's answer was not what a working Alloy gives."""


@dataclass
class Session:
    client: httpx.Client
    email: str
    password: str
    run_id: str
    tokens: dict[str, str] = field(default_factory=dict)
    found: dict[str, str] = field(default_factory=dict)

    def call(self, step: str, method: str, path: str, **options: Any) -> dict[str, Any]:
        headers = {"X-Request-ID": f"{self.run_id}.{step}"}
        if "access_token" in self.tokens:
            headers["Authorization"] = f"Bearer {self.tokens['access_token']}"
        response = self.client.request(method, path, headers=headers, **options)
        if not response.is_success:
            raise StepFailedError(f"HTTP {response.status_code} {_error_code(response)}".strip())
        return response.json() if response.content else {}


def _error_code(response: httpx.Response) -> str:
    try:
        return str(response.json()["errors"][0]["code"])
    except (ValueError, LookupError, TypeError):
        return ""


def check_health(session: Session) -> str:
    return str(session.call("health", "GET", "/health/ready")["data"]["status"])


def log_in(session: Session) -> str:
    body = {"email": session.email, "password": session.password}
    data = session.call("login", "POST", "/v1/auth/login", json=body)["data"]
    session.tokens = {"access_token": data["access_token"], "refresh": data["refresh_token"]}
    return "signed in"


def read_library_page(session: Session) -> str:
    items = session.call("library_page", "GET", "/v1/movements", params={"limit": 20})["data"]
    if not items["items"]:
        raise StepFailedError("the movement library is empty")
    session.found["movement_id"] = items["items"][0]["id"]
    return f"{len(items['items'])} movements"


def read_movement(session: Session) -> str:
    movement_id = session.found["movement_id"]
    movement = session.call("movement", "GET", f"/v1/movements/{movement_id}")["data"]
    return f"movement {movement['id']}"


def read_active_program(session: Session) -> str:
    params = {"is_active": "true", "limit": 1}
    page = session.call("active_program", "GET", "/v1/programs", params=params)["data"]
    if not page["items"]:
        raise StepFailedError("the synthetic account has no active program")
    program_id = page["items"][0]["id"]
    program = session.call("active_program", "GET", f"/v1/programs/{program_id}")["data"]
    return f"program {program['id']} with {program['session_count']} sessions"


def log_out(session: Session) -> str:
    body = {"refresh_token": session.tokens["refresh"]}
    session.call("logout", "POST", "/v1/auth/logout", json=body)
    return "signed out"


JOURNEY: tuple[tuple[str, Callable[[Session], str]], ...] = (
    ("health", check_health),
    ("login", log_in),
    ("library_page", read_library_page),
    ("movement", read_movement),
    ("active_program", read_active_program),
)
CLOSING_STEP = ("logout", log_out)
STEPS = (*(name for name, _ in JOURNEY), CLOSING_STEP[0])


@dataclass(frozen=True, slots=True)
class StepResult:
    step: str
    succeeded: bool
    seconds: float | None
    detail: str

    @property
    def line(self) -> str:
        if self.seconds is None:
            return f"{self.step} skipped {self.detail}"
        state = "ok" if self.succeeded else "failed"
        return f"{self.step} {state} {self.seconds * 1000:.1f}ms {self.detail}"


def _run_step(session: Session, step: str, action: Callable[[Session], str]) -> StepResult:
    started_at = time.perf_counter()
    try:
        detail, succeeded = action(session), True
    except StepFailedError as error:
        detail, succeeded = str(error), False
    except httpx.HTTPError as error:
        detail, succeeded = f"{type(error).__name__}: {error}", False
    except (KeyError, TypeError, ValueError) as error:
        detail, succeeded = f"unexpected answer: {type(error).__name__} {error}", False
    if not succeeded:
        detail = f"{detail} (request id {session.run_id}.{step})"
    return StepResult(step, succeeded, time.perf_counter() - started_at, detail)


def run_journey(session: Session) -> list[StepResult]:
    """Every step in order; after a failure the rest are skipped, but a session is closed."""
    results: list[StepResult] = []
    for step, action in JOURNEY:
        if results and not results[-1].succeeded:
            results.append(StepResult(step, False, None, f"after {failed_step(results)} failed"))
            continue
        results.append(_run_step(session, step, action))
    step, action = CLOSING_STEP
    if session.tokens:
        results.append(_run_step(session, step, action))
    else:
        results.append(StepResult(step, False, None, "not signed in"))
    return results


def failed_step(results: list[StepResult]) -> str:
    return next(result.step for result in results if not result.succeeded)


def write_textfile(path: Path, results: list[StepResult]) -> None:
    """Both gauges for every step, written atomically (a temporary file, then a rename)."""
    registry = CollectorRegistry()
    duration = Gauge(
        STEP_DURATION_METRIC, "Duration of the step's last run", ["step"], registry=registry
    )
    success = Gauge(
        STEP_SUCCESS_METRIC,
        "1 if the step's last run succeeded, else 0",
        ["step"],
        registry=registry,
    )
    for result in results:
        success.labels(result.step).set(1 if result.succeeded else 0)
        if result.seconds is not None:
            duration.labels(result.step).set(result.seconds)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_to_textfile(str(path), registry)


def _one_run(host: str, email: str, password: str, timeout: float) -> list[StepResult]:
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(base_url=host, timeout=timeout, headers=headers) as client:
        session = Session(client, email, password, run_id=f"synthetic-{new_id_str()}")
        return run_journey(session)


def synthetic(
    host: Annotated[str, typer.Option(help="Base URL of the Alloy to check.")],
    once: Annotated[bool, typer.Option("--once", help="Run the journey once (default).")] = False,
    interval: Annotated[
        float | None,
        typer.Option(min=1, help="Run the journey every this many seconds until stopped."),
    ] = None,
    textfile: Annotated[
        Path | None,
        typer.Option(help="Write Prometheus textfile metrics here after each run."),
    ] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds allowed per request.")] = 10.0,
) -> None:
    """Health, login, a library page, one movement and the active program, as a user would.

    The account is ALLOY_SYNTHETIC_EMAIL with the password ALLOY_SYNTHETIC_PASSWORD: a plain user
    without 2FA that has an active program. One line per step; exits non-zero when a step fails
    (with --once). Metrics: alloy_synthetic_step_duration_seconds and
    alloy_synthetic_step_success, labelled by step.
    """
    if once and interval is not None:
        fail("choose --once or --interval, not both")
    settings = load_settings()
    if settings.synthetic_email is None or settings.synthetic_password is None:
        fail("set ALLOY_SYNTHETIC_EMAIL and ALLOY_SYNTHETIC_PASSWORD for the synthetic account")
    password = settings.synthetic_password.get_secret_value()
    while True:
        started_at = time.monotonic()
        results = _one_run(host.rstrip("/"), settings.synthetic_email, password, timeout)
        for result in results:
            console.print(result.line, highlight=False, soft_wrap=True)
        if textfile is not None:
            write_textfile(textfile, results)
        if interval is None:
            break
        time.sleep(max(0.0, interval - (time.monotonic() - started_at)))
    if not all(result.succeeded for result in results):
        raise typer.Exit(code=1)
