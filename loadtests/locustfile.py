"""Alloy's real journeys as Locust users. Run through `alloy loadtest run --scenario NAME`.

Each request is named by its route template so the report groups them per endpoint.
The admin journey signs in with ALLOY_LOADTEST_ADMIN_EMAIL, ALLOY_LOADTEST_ADMIN_PASSWORD and,
when the account has 2FA, ALLOY_LOADTEST_ADMIN_TOTP_SECRET (`alloy loadtest run` passes them on
and refuses the admin and mixed scenarios without them). A failed request is recorded as
`STATUS CODE: message`; what each journey sends per rate-limit class is in scenarios.py (keep it
in step with the tasks below).
"""

import logging
import os
import random
import secrets
import time
from datetime import UTC, date, datetime
from typing import Any

from locust import HttpUser, between, task
from locust.exception import StopUser

PROGRAM_REQUEST = {
    "name": "Load test block",
    "duration_weeks": 12,
    "days_per_week": 6,
    "max_session_minutes": 60,
    "goals": [{"goal": "strength", "weight": 6}, {"goal": "hypertrophy", "weight": 4}],
    "disciplines": [
        {"discipline": "powerlifting", "weight": 7},
        {"discipline": "crossfit", "weight": 3},
    ],
}


AUTH_ENDPOINTS = "POST /v1/auth/"
TOKEN_REFRESH_MARGIN_SECONDS = 60
UNKNOWN_CODE = "-"
MAX_REASON_LENGTH = 120


def envelope_of(response: Any) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def failure_reason(response: Any) -> str:
    """`STATUS CODE: message` (the first error of the envelope), which `alloy loadtest` groups
    by status and code; `-` when the body is no envelope (a connection error is status 0)."""
    errors = (envelope_of(response) or {}).get("errors") or [{}]
    code = errors[0].get("code", UNKNOWN_CODE)
    message = errors[0].get("message") or response.text or str(response.error or "")
    return f"{response.status_code} {code}: {message[:MAX_REASON_LENGTH]}"


class AlloyUser(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    refresh_token: str | None = None
    token_renewal_at = 0.0

    def call(self, method: str, path: str, name: str, expected: int = 200, **kwargs: Any) -> Any:
        """One request; a wrong status or a body without the envelope counts as a failure."""
        if not name.startswith(AUTH_ENDPOINTS):
            self.keep_token_fresh()
        with self.client.request(
            method, path, name=name, catch_response=True, **kwargs
        ) as response:
            if response.status_code != expected:
                response.failure(failure_reason(response))
                return None
            if expected == 204:
                return None
            body = envelope_of(response)
            if body is None or "data" not in body or body.get("errors"):
                response.failure(f"{response.status_code} NOT_AN_ENVELOPE: {response.text[:120]}")
                return None
            response.success()
            return body["data"]

    def register_and_login(self) -> None:
        email = f"load-{secrets.token_hex(8)}@example.com"
        password = secrets.token_hex(16)  # hex never spells "load" or "tester" (the name)
        self.call(
            "POST",
            "/v1/auth/register",
            "POST /v1/auth/register",
            expected=201,
            json={"email": email, "password": password, "name": "Load Tester"},
        )
        self.login(email, password)

    def login(self, email: str, password: str, **extra: str) -> None:
        tokens = self.call(
            "POST",
            "/v1/auth/login",
            "POST /v1/auth/login",
            json={"email": email, "password": password, **extra},
        )
        if tokens is None:
            raise StopUser()
        self.use_tokens(tokens)

    def use_tokens(self, tokens: dict[str, Any]) -> None:
        self.client.headers["Authorization"] = f"Bearer {tokens['access_token']}"
        self.refresh_token = tokens["refresh_token"]
        self.token_renewal_at = (
            time.monotonic() + tokens["expires_in"] - TOKEN_REFRESH_MARGIN_SECONDS
        )

    def keep_token_fresh(self) -> None:
        """Swap the access token for a new one shortly before it expires, as a real client does."""
        if self.refresh_token is None or time.monotonic() < self.token_renewal_at:
            return
        tokens = self.call(
            "POST",
            "/v1/auth/refresh",
            "POST /v1/auth/refresh",
            json={"refresh_token": self.refresh_token},
        )
        if tokens is None:
            raise StopUser()
        self.use_tokens(tokens)

    def create_program(self) -> dict | None:
        start = date.today().isoformat()
        return self.call(
            "POST",
            "/v1/programs",
            "POST /v1/programs",
            expected=201,
            json={**PROGRAM_REQUEST, "start_date": start, "seed": random.randrange(2**31)},
        )


class SmokeVisitor(AlloyUser):
    """A short, cheap run for CI: the operational endpoints and the contract's 404."""

    wait_time = between(0.05, 0.2)

    @task(3)
    def live(self) -> None:
        self.call("GET", "/health/live", "GET /health/live")

    @task(1)
    def ready(self) -> None:
        self.call("GET", "/health/ready", "GET /health/ready")

    @task(1)
    def unknown_route(self) -> None:
        with self.client.get("/v1/nope", name="GET /v1/nope", catch_response=True) as response:
            errors = (envelope_of(response) or {}).get("errors") or [{}]
            if response.status_code == 404 and errors[0].get("code") == "NF_ROUTE":
                response.success()
            else:
                response.failure(failure_reason(response))


class LibraryBrowser(AlloyUser):
    weight = 5

    def on_start(self) -> None:
        self.register_and_login()
        page = self.call("GET", "/v1/movements?limit=100", "GET /v1/movements")
        self.movement_ids = [item["id"] for item in (page or {}).get("items", [])]
        circuits = self.call("GET", "/v1/circuits?limit=100", "GET /v1/circuits")
        self.circuit_ids = [item["id"] for item in (circuits or {}).get("items", [])]

    @task(5)
    def read_movement(self) -> None:
        if self.movement_ids:
            movement_id = random.choice(self.movement_ids)
            self.call("GET", f"/v1/movements/{movement_id}", "GET /v1/movements/{movement_id}")

    @task(3)
    def browse_movements(self) -> None:
        pattern = random.choice(["squat", "hinge", "horizontal_push", "vertical_pull", "core"])
        self.call("GET", f"/v1/movements?pattern={pattern}", "GET /v1/movements")

    @task(2)
    def query_movements(self) -> None:
        self.call(
            "POST",
            "/v1/movements/query",
            "POST /v1/movements/query",
            json={
                "filters": [{"field": "pattern", "op": "in", "value": ["squat", "hinge"]}],
                "sort": [{"field": "name", "order": "asc"}],
                "limit": 20,
            },
        )

    @task(1)
    def read_circuit(self) -> None:
        if self.circuit_ids:
            circuit_id = random.choice(self.circuit_ids)
            self.call("GET", f"/v1/circuits/{circuit_id}", "GET /v1/circuits/{circuit_id}")


class DailyTrainee(AlloyUser):
    weight = 8

    def on_start(self) -> None:
        self.register_and_login()
        program = self.create_program()
        if program is None:
            raise StopUser()
        self.program_id = program["id"]
        sessions = self.call(
            "GET",
            f"/v1/programs/{self.program_id}/sessions?limit=100&status=planned",
            "GET /v1/programs/{program_id}/sessions",
        )
        self.planned_session_ids = [item["id"] for item in (sessions or {}).get("items", [])]

    @task(4)
    def read_active_program(self) -> None:
        self.call("GET", "/v1/programs?is_active=true", "GET /v1/programs")
        self.call("GET", f"/v1/programs/{self.program_id}", "GET /v1/programs/{program_id}")

    @task(4)
    def read_todays_session(self) -> None:
        today = date.today().isoformat()
        self.call(
            "GET",
            f"/v1/programs/{self.program_id}/sessions?date_from={today}&date_to={today}",
            "GET /v1/programs/{program_id}/sessions",
        )
        if self.planned_session_ids:
            self.call(
                "GET",
                f"/v1/programs/{self.program_id}/sessions/{self.planned_session_ids[0]}",
                "GET /v1/programs/{program_id}/sessions/{session_id}",
            )

    @task(1)
    def log_workout(self) -> None:
        if not self.planned_session_ids:
            return
        session_id = self.planned_session_ids.pop(0)
        self.call(
            "POST",
            f"/v1/programs/{self.program_id}/sessions/{session_id}/workout_logs",
            "POST /v1/programs/{program_id}/sessions/{session_id}/workout_logs",
            expected=201,
            json={
                "performed_at": datetime.now(UTC).isoformat(),
                "duration_minutes": 55,
                "perceived_difficulty": 7,
                "enjoyment": 4,
                "notes": "",
                "top_sets": [],
            },
        )


class NewUser(AlloyUser):
    weight = 1

    @task
    def onboard(self) -> None:
        self.client.headers.pop("Authorization", None)
        self.register_and_login()
        self.create_program()


class Administrator(AlloyUser):
    fixed_count = 1
    """One admin: several would share the account's TOTP code, and a code is accepted only once."""

    def on_start(self) -> None:
        email = os.environ.get("ALLOY_LOADTEST_ADMIN_EMAIL")
        password = os.environ.get("ALLOY_LOADTEST_ADMIN_PASSWORD")
        if not email or not password:
            logging.error("the admin journey needs ALLOY_LOADTEST_ADMIN_EMAIL and _PASSWORD")
            raise StopUser()
        extra = {}
        if totp_secret := os.environ.get("ALLOY_LOADTEST_ADMIN_TOTP_SECRET"):
            import pyotp

            extra["otp_code"] = pyotp.TOTP(totp_secret).now()
        self.login(email, password, **extra)

    @task(2)
    def list_users(self) -> None:
        self.call("GET", "/v1/admin/users?limit=50", "GET /v1/admin/users")

    @task(2)
    def read_audit_events(self) -> None:
        self.call("GET", "/v1/admin/audit_events?limit=50", "GET /v1/admin/audit_events")

    @task(1)
    def read_scoring_config(self) -> None:
        self.call("GET", "/v1/admin/scoring_config", "GET /v1/admin/scoring_config")
