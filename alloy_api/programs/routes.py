from http import HTTPStatus
from uuid import UUID

from quart import Blueprint, Response

from alloy_api.auth.dependencies import authenticated, current_principal
from alloy_api.kit.envelope import created, no_content, respond
from alloy_api.kit.ids import parse_path_id
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page, PageQuery
from alloy_api.kit.rate_classes import RateClass, limited
from alloy_api.kit.validation import validate_body, validate_query
from alloy_api.programs import service
from alloy_api.programs.resources import (
    MicrocycleResponse,
    ProgramListQuery,
    ProgramResponse,
    ProgramUpdateRequest,
    SessionDetailResponse,
    SessionListQuery,
    SessionResponse,
    SessionUpdateRequest,
    WorkoutLogListQuery,
    WorkoutLogRequest,
    WorkoutLogResponse,
)
from alloy_api.programs.schemas import ProgramCreateRequest

blueprint = Blueprint("programs", __name__, url_prefix="/v1/programs")
workout_logs_blueprint = Blueprint("workout_logs", __name__, url_prefix="/v1/workout_logs")

READ_ERRORS = [HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED]
ITEM_ERRORS = [*READ_ERRORS, HTTPStatus.NOT_FOUND]
WRITE_ERRORS = [*ITEM_ERRORS, HTTPStatus.CONFLICT]


def _owner_id() -> UUID:
    owner_id = current_principal().user_id
    if owner_id is None:
        raise AssertionError("an authenticated route always has a user")
    return owner_id


def _program_id(program_id: str) -> UUID:
    return parse_path_id(program_id, "program_id")


def _session_id(session_id: str) -> UUID:
    return parse_path_id(session_id, "session_id")


@blueprint.post("")
@limited(RateClass.GENERATE)
@authenticated
@validate_body(ProgramCreateRequest)
@responds(ProgramResponse, HTTPStatus.CREATED, errors=WRITE_ERRORS)
async def create_program(data: ProgramCreateRequest) -> Response:
    """Generate a program

    Generates an 8-12 week program of microcycles, sessions and exercises from the library and
    the active scoring config, stores it in one transaction and makes it the caller's active
    program. Send `Idempotency-Key` to retry safely.
    """
    stored = await service.create_program(_owner_id(), data)
    return created(
        ProgramResponse.from_model(stored.program, stored.microcycles),
        f"{blueprint.url_prefix}/{stored.program.id}",
    )


@blueprint.get("")
@authenticated
@validate_query(ProgramListQuery)
@responds(Page[ProgramResponse], errors=READ_ERRORS)
async def list_programs(query_args: ProgramListQuery) -> Response:
    """List programs

    The caller's programs, filtered and sorted by the query parameters; cursor-paginated.
    """
    page = await service.list_programs(_owner_id(), query_args)
    return respond(page.map(ProgramResponse.from_model))


@blueprint.get("/<id:program_id>")
@authenticated
@responds(ProgramResponse, errors=ITEM_ERRORS)
async def get_program(program_id: str) -> Response:
    """Get a program

    One of the caller's programs with its microcycle and session counts.
    """
    found = await service.get_program(_owner_id(), _program_id(program_id))
    return respond(ProgramResponse.from_model(found.program, found.microcycles), etag=True)


@blueprint.patch("/<id:program_id>")
@authenticated
@validate_body(ProgramUpdateRequest)
@responds(ProgramResponse, errors=WRITE_ERRORS)
async def update_program(program_id: str, data: ProgramUpdateRequest) -> Response:
    """Update a program

    Renames a program, or activates or deactivates it (one active program per user).
    """
    updated = await service.update_program(_owner_id(), _program_id(program_id), data)
    return respond(ProgramResponse.from_model(updated.program, updated.microcycles))


@blueprint.delete("/<id:program_id>")
@authenticated
@responds(None, HTTPStatus.NO_CONTENT, errors=WRITE_ERRORS)
async def delete_program(program_id: str) -> Response:
    """Delete a program

    Removes one of the caller's programs with its microcycles, sessions and workout logs; the
    active program must be deactivated first.
    """
    await service.delete_program(_owner_id(), _program_id(program_id))
    return no_content()


@blueprint.get("/<id:program_id>/microcycles")
@authenticated
@validate_query(PageQuery)
@responds(Page[MicrocycleResponse], errors=ITEM_ERRORS)
async def list_microcycles(program_id: str, query_args: PageQuery) -> Response:
    """List microcycles

    The microcycles (weeks) of one of the caller's programs, in order; cursor-paginated.
    """
    page = await service.list_microcycles(_owner_id(), _program_id(program_id), query_args)
    return respond(page.map(MicrocycleResponse.from_model))


@blueprint.get("/<id:program_id>/sessions")
@authenticated
@validate_query(SessionListQuery)
@responds(Page[SessionResponse], errors=ITEM_ERRORS)
async def list_sessions(program_id: str, query_args: SessionListQuery) -> Response:
    """List sessions

    The sessions of one of the caller's programs, filtered by status and a date range;
    cursor-paginated.
    """
    page = await service.list_sessions(_owner_id(), _program_id(program_id), query_args)
    return respond(page.map(SessionResponse.from_model))


@blueprint.get("/<id:program_id>/sessions/<id:session_id>")
@authenticated
@responds(SessionDetailResponse, errors=ITEM_ERRORS)
async def get_session(program_id: str, session_id: str) -> Response:
    """Get a session

    One session with its exercises, circuits and prescriptions.
    """
    session = await service.get_session(
        _owner_id(), _program_id(program_id), _session_id(session_id)
    )
    return respond(SessionDetailResponse.from_model(session), etag=True)


@blueprint.patch("/<id:program_id>/sessions/<id:session_id>")
@authenticated
@validate_body(SessionUpdateRequest)
@responds(SessionDetailResponse, errors=WRITE_ERRORS)
async def update_session(program_id: str, session_id: str, data: SessionUpdateRequest) -> Response:
    """Update a session

    Moves a session to another date, adds notes or marks it completed.
    """
    session = await service.update_session(
        _owner_id(), _program_id(program_id), _session_id(session_id), data
    )
    return respond(SessionDetailResponse.from_model(session))


@blueprint.post("/<id:program_id>/sessions/<id:session_id>/workout_logs")
@authenticated
@validate_body(WorkoutLogRequest)
@responds(WorkoutLogResponse, HTTPStatus.CREATED, errors=WRITE_ERRORS)
async def log_workout(program_id: str, session_id: str, data: WorkoutLogRequest) -> Response:
    """Log a workout

    Records what was done in a session: top sets per exercise (or a substitution naming the
    exercise it replaces). Send `Idempotency-Key` to retry safely.
    """
    log = await service.log_workout(
        _owner_id(), _program_id(program_id), _session_id(session_id), data
    )
    return created(
        WorkoutLogResponse.from_model(log), f"{workout_logs_blueprint.url_prefix}/{log.id}"
    )


@workout_logs_blueprint.get("")
@authenticated
@validate_query(WorkoutLogListQuery)
@responds(Page[WorkoutLogResponse], errors=READ_ERRORS)
async def list_workout_logs(query_args: WorkoutLogListQuery) -> Response:
    """List workout logs

    The caller's logged workouts, optionally of one program; cursor-paginated.
    """
    page = await service.list_workout_logs(_owner_id(), query_args)
    return respond(page.map(WorkoutLogResponse.from_model))


@workout_logs_blueprint.get("/<id:workout_log_id>")
@authenticated
@responds(WorkoutLogResponse, errors=ITEM_ERRORS)
async def get_workout_log(workout_log_id: str) -> Response:
    """Get a workout log

    One of the caller's logged workouts with its top sets.
    """
    found_id = parse_path_id(workout_log_id, "workout_log_id")
    log = await service.get_workout_log(_owner_id(), found_id)
    return respond(WorkoutLogResponse.from_model(log))
