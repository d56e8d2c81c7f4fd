"""The idempotency stage: a POST with an `Idempotency-Key` runs once per (user, method, route, key).

Only for a caller whose access token passed the revocation check (the identity stage runs first):
anonymous requests are never keyed, by address or otherwise. The route runs inside one database
transaction that holds the key (`repository.hold`) and records the outcome with the route's own
writes, so the outcome is kept exactly when the write is: no cache outage, restart or slow request
can make one key run twice, and a request that dies before its commit leaves nothing, so its retry
runs afresh. A repeated key with the same request replays the first response with
`Idempotent-Replayed: true`; with another request it is 409 `CF_IDEMPOTENCY_KEY_REUSED`; while
the first is still running, 409 `CF_IDEMPOTENCY_KEY_IN_PROGRESS` (on SQLite, which has one writer
at a time, the second waits for the first and replays it). 2xx and 4xx outcomes are kept for
`idempotency_ttl_seconds`; a 5xx is not, so a retry runs again.

Routes whose responses carry tokens, secrets or recovery codes (`never_kept`: the `/v1/auth/*`
blueprint) ignore the header, and say so in `meta.warnings`.
"""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from http import HTTPStatus
from typing import Any, TypeVar
from uuid import UUID

from quart import Blueprint, Quart, Response, current_app, request

from alloy_api.db.transactions import run_in_transaction
from alloy_api.idempotency import repository
from alloy_api.idempotency.repository import KeyScope
from alloy_api.kit.envelope import add_warning
from alloy_api.kit.errors import ConflictError, ErrorCode, FieldValidationError
from alloy_api.kit.pipeline import CallNext, RequestState
from alloy_api.kit.time import utc_now
from alloy_api.settings import Settings

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
REPLAYED_RESPONSE_HEADERS = ("Content-Type", "Location", "ETag", "Deprecation", "Sunset", "Link")
SAFE_KEY = re.compile(r"[\x21-\x7e]{1,255}")
NEVER_KEPT_ATTRIBUTE = "_alloy_idempotency_never_kept"
IN_PROGRESS_RETRY_AFTER_SECONDS = 1
IGNORED_ON_SECRETS = (
    "Idempotency-Key is ignored on this route: responses that carry tokens or secrets are "
    "never stored"
)
IGNORED_WITHOUT_ACCOUNT = (
    "Idempotency-Key is ignored: only requests authenticated as a user are keyed"
)
TargetT = TypeVar("TargetT", bound=Blueprint | Callable[..., Any])


def never_kept(target: TargetT) -> TargetT:
    """Ignore `Idempotency-Key` on a route, or on every route of a blueprint."""
    setattr(target, NEVER_KEPT_ATTRIBUTE, True)
    return target


def _is_never_kept(app: Quart, endpoint: str) -> bool:
    view = app.view_functions.get(endpoint)
    blueprint = app.blueprints.get(endpoint.rpartition(".")[0]) if "." in endpoint else None
    return bool(
        getattr(view, NEVER_KEPT_ATTRIBUTE, False)
        or getattr(blueprint, NEVER_KEPT_ATTRIBUTE, False)
    )


async def _fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.path}?{request.query_string.decode()}\n".encode())
    digest.update(await request.get_data(cache=True))
    return digest.hexdigest()


def _replay(kept: Any) -> Response:
    response = Response(bytes(kept.body), kept.status, kept.headers)
    response.headers[REPLAYED_HEADER] = "true"
    return response


def _reused(key: str) -> ConflictError:
    return ConflictError(
        "This Idempotency-Key was already used with a different request",
        code=ErrorCode.CF_IDEMPOTENCY_KEY_REUSED,
        details={"idempotency_key": key},
    )


def _in_progress(key: str) -> ConflictError:
    return ConflictError(
        "A request with this Idempotency-Key is still being processed",
        code=ErrorCode.CF_IDEMPOTENCY_KEY_IN_PROGRESS,
        details={"idempotency_key": key},
        headers={"Retry-After": str(IN_PROGRESS_RETRY_AFTER_SECONDS)},
    )


class _NotKept(Exception):  # noqa: N818 - an outcome, carried out of the transaction
    """The route answered with an outcome that is not kept: undo its transaction, answer it."""

    def __init__(self, response: Response) -> None:
        self.response = response


class IdempotencyStage:
    name = "idempotency"

    def __init__(self, settings: Settings) -> None:
        self._ttl = timedelta(seconds=settings.idempotency_ttl_seconds)
        self._never_kept: dict[str, bool] = {}

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        presented = request.headers.get(IDEMPOTENCY_HEADER)
        if presented is None or request.method != "POST" or request.url_rule is None:
            return await call_next()
        if self._route_never_kept(request.url_rule.endpoint):
            add_warning(IGNORED_ON_SECRETS)
            return await call_next()
        if state.user_id is None:
            add_warning(IGNORED_WITHOUT_ACCOUNT)
            return await call_next()
        if not SAFE_KEY.fullmatch(presented):
            raise FieldValidationError.single(
                "idempotency_key",
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
                max_length=255,
            )
        scope = KeyScope(UUID(state.user_id), request.method, request.url_rule.rule, presented)
        fingerprint = await _fingerprint()
        try:
            return await run_in_transaction(lambda: self._once(scope, fingerprint, call_next))
        except _NotKept as outcome:
            return outcome.response

    def _route_never_kept(self, endpoint: str) -> bool:
        if endpoint not in self._never_kept:
            self._never_kept[endpoint] = _is_never_kept(current_app, endpoint)
        return self._never_kept[endpoint]

    async def _once(self, scope: KeyScope, fingerprint: str, call_next: CallNext) -> Response:
        if not await repository.hold(scope, utc_now() - self._ttl):
            raise _in_progress(scope.key)
        kept = await repository.outcome(scope)
        if kept is not None:
            if kept.fingerprint != fingerprint:
                raise _reused(scope.key)
            return _replay(kept)
        response = await call_next()
        if response.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
            raise _NotKept(response)
        headers = {
            name: response.headers[name]
            for name in REPLAYED_RESPONSE_HEADERS
            if name in response.headers
        }
        body = await response.get_data()
        await repository.keep(scope, fingerprint, response.status_code, headers, body)
        return response
