"""The generated client (`clients/python`) against a live `alloy serve`: register, log in, generate
a program, page through its sessions with cursors, log a workout, and read a 409 and a 429 as
error envelopes."""

import sys
from http import HTTPStatus
from pathlib import Path
from uuid import UUID

import pytest

from tests.programs.support import program_body
from tests.programs.test_session_routes import workout_body
from tests.servers import embedded_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "clients" / "python"))

from alloy_client import AuthenticatedClient, Client
from alloy_client.api.auth import login, register
from alloy_client.api.programs import (
    create_program,
    get_session,
    list_sessions,
    log_workout,
)
from alloy_client.models import (
    CreateProgramProgramCreateRequest,
    ErrorEnvelope,
    LoginLoginRequest,
    LogWorkoutWorkoutLogRequest,
    RegisterRegisterRequest,
)

EMAIL = "client@example.com"
PASSWORD = "violet canyon sledge 47 quartz orbit"
AUTH_LIMIT = 4
PAGE_SIZE = 7


@pytest.fixture
def host(tmp_path: Path):
    with embedded_server(tmp_path / "served", ALLOY_RATE_LIMIT_AUTH=f"{AUTH_LIMIT}/hour") as url:
        yield url


def signed_in(host: str) -> AuthenticatedClient:
    anonymous = Client(base_url=host)
    registered = register.sync_detailed(
        client=anonymous,
        body=RegisterRegisterRequest(email=EMAIL, password=PASSWORD, name="Client Test"),
    )
    assert registered.status_code == HTTPStatus.CREATED, registered.content
    tokens = login.sync(client=anonymous, body=LoginLoginRequest(email=EMAIL, password=PASSWORD))
    return AuthenticatedClient(base_url=host, token=tokens.data.access_token)


def all_sessions(client: AuthenticatedClient, program_id: UUID) -> list:
    sessions, cursor = [], None
    for _ in range(100):
        page = list_sessions.sync(program_id, client=client, limit=PAGE_SIZE, cursor=cursor).data
        sessions += page.items
        if not page.has_next:
            return sessions
        cursor = page.next_cursor
    raise AssertionError("the cursors never ended")


def test_a_client_developer_journey_through_the_generated_client(host) -> None:
    client = signed_in(host)
    created = create_program.sync_detailed(
        client=client, body=CreateProgramProgramCreateRequest.from_dict(program_body())
    )
    assert created.status_code == HTTPStatus.CREATED
    program = created.parsed.data
    assert created.headers["Location"] == f"/v1/programs/{program.id}"
    sessions = all_sessions(client, program.id)
    assert len(sessions) == program.session_count
    assert len({session.id for session in sessions}) == len(sessions)

    first = sessions[0]
    detail = get_session.sync(program.id, first.id, client=client).data
    body = LogWorkoutWorkoutLogRequest.from_dict(workout_body(str(detail.exercises[0].movement_id)))
    logged = log_workout.sync_detailed(program.id, first.id, client=client, body=body)
    assert logged.status_code == HTTPStatus.CREATED
    again = log_workout.sync_detailed(program.id, first.id, client=client, body=body)
    assert again.status_code == HTTPStatus.CONFLICT
    assert isinstance(again.parsed, ErrorEnvelope)
    assert [error.code for error in again.parsed.errors] == ["BR_SESSION_COMPLETE"]


def test_a_429_reads_as_an_error_envelope_with_its_wait(host) -> None:
    anonymous = Client(base_url=host)
    body = LoginLoginRequest(email="nobody@example.com", password=PASSWORD)
    statuses = [login.sync_detailed(client=anonymous, body=body) for _ in range(AUTH_LIMIT + 1)]
    refused = statuses[-1]
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert isinstance(refused.parsed, ErrorEnvelope)
    assert refused.parsed.errors[0].code == "RATE_LIMIT_EXCEEDED"
    assert int(refused.headers["Retry-After"]) > 0
