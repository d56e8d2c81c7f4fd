"""The error codes Alloy can emit and the domain errors that carry them.

Every code lives in `ErrorCode` with its HTTP status and meaning; `docs/ERROR_CODES.md` lists the
same set (a test keeps them equal). Field validation codes are the one dynamic family:
`VAL_{FIELD}`, built by `field_code`.
"""

import math
import re
from enum import Enum
from http import HTTPStatus
from typing import Any


class ErrorCode(Enum):
    VAL_MALFORMED_JSON = (HTTPStatus.BAD_REQUEST, "The body is not valid JSON")
    VAL_BODY = (HTTPStatus.BAD_REQUEST, "The body as a whole has the wrong shape (not an object)")
    VAL_REQUEST = (HTTPStatus.BAD_REQUEST, "The request is malformed in a way no field explains")
    VAL_METHOD_NOT_ALLOWED = (
        HTTPStatus.METHOD_NOT_ALLOWED,
        "The route exists, not for this method",
    )
    VAL_BODY_TOO_LARGE = (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "The body exceeds the size limit")
    VAL_UNSUPPORTED_MEDIA_TYPE = (
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        "The body is not application/json",
    )
    VAL_UNSUPPORTED_CHARSET = (
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        "The body declares a charset other than UTF-8",
    )
    VAL_UNSUPPORTED_CONTENT_ENCODING = (
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        "The body is sent with a Content-Encoding (only identity is taken)",
    )
    VAL_BODY_ENCODING = (HTTPStatus.BAD_REQUEST, "The body's bytes are not valid UTF-8")
    VAL_BODY_TOO_DEEP = (
        HTTPStatus.BAD_REQUEST,
        "The body nests arrays and objects deeper than 64 levels",
    )
    VAL_BODY_TIMEOUT = (HTTPStatus.REQUEST_TIMEOUT, "The body did not arrive in time")
    VAL_FILTER_FIELD = (HTTPStatus.BAD_REQUEST, "A filter names a field outside the allow-list")
    VAL_FILTER_OPERATOR = (
        HTTPStatus.BAD_REQUEST,
        "A filter uses an operator its field's type does not take",
    )
    VAL_FILTER_VALUE = (HTTPStatus.BAD_REQUEST, "A filter value has the wrong type or shape")
    VAL_FILTER_TOO_COMPLEX = (
        HTTPStatus.BAD_REQUEST,
        "More than 10 filters, or more than 100 values in one in/nin list",
    )
    VAL_UNPLANNED_MOVEMENT = (
        HTTPStatus.BAD_REQUEST,
        "A logged movement is not planned in the session and names no exercise it replaces",
    )
    AUTH_MISSING_TOKEN = (HTTPStatus.UNAUTHORIZED, "No bearer token was sent")
    AUTH_INVALID_TOKEN = (
        HTTPStatus.UNAUTHORIZED,
        "The token is malformed, tampered with, revoked or no longer valid for its user",
    )
    AUTH_EXPIRED_TOKEN = (HTTPStatus.UNAUTHORIZED, "The token has expired")
    AUTH_INVALID_CREDENTIALS = (HTTPStatus.UNAUTHORIZED, "The email or password is wrong")
    AUTH_2FA_REQUIRED = (
        HTTPStatus.UNAUTHORIZED,
        "The account has 2FA: send otp_code or a recovery_code",
    )
    AUTH_2FA_INVALID = (
        HTTPStatus.UNAUTHORIZED,
        "The 2FA or recovery code is wrong, expired or already used",
    )
    AUTH_REFRESH_TOKEN_REUSED = (
        HTTPStatus.UNAUTHORIZED,
        "An already used refresh token was presented; its whole family is now revoked",
    )
    AUTH_FORBIDDEN = (HTTPStatus.FORBIDDEN, "The caller's role does not allow this")
    AUTH_2FA_ENROLLMENT_REQUIRED = (
        HTTPStatus.FORBIDDEN,
        "Admin endpoints need 2FA enabled on the account",
    )
    NF_ROUTE = (HTTPStatus.NOT_FOUND, "No route matches the path")
    NF_USER = (HTTPStatus.NOT_FOUND, "No user has this id")
    NF_LOGIN_SESSION = (HTTPStatus.NOT_FOUND, "The caller has no login session with this id")
    NF_MOVEMENT = (HTTPStatus.NOT_FOUND, "No movement with this id is visible to the caller")
    NF_CIRCUIT = (HTTPStatus.NOT_FOUND, "No circuit with this id")
    NF_SCORING_CONFIG = (HTTPStatus.NOT_FOUND, "No scoring config version exists yet")
    NF_SCORING_CONFIG_VERSION = (HTTPStatus.NOT_FOUND, "No scoring config has this version number")
    NF_PROGRAM = (HTTPStatus.NOT_FOUND, "No program with this id belongs to the caller")
    NF_SESSION = (HTTPStatus.NOT_FOUND, "No session with this id in the caller's program")
    NF_WORKOUT_LOG = (HTTPStatus.NOT_FOUND, "No workout log with this id belongs to the caller")
    BR_2FA_ALREADY_ENABLED = (HTTPStatus.CONFLICT, "2FA is already enabled; disable it first")
    BR_2FA_NOT_ENROLLED = (HTTPStatus.CONFLICT, "No 2FA enrolment is pending for the account")
    BR_2FA_NOT_ENABLED = (HTTPStatus.CONFLICT, "2FA is not enabled on the account")
    BR_OWN_ACCOUNT = (
        HTTPStatus.CONFLICT,
        "Admins cannot change their own role or deactivate their own account",
    )
    BR_MOVEMENT_IN_USE = (HTTPStatus.CONFLICT, "The movement is used by a circuit or a program")
    BR_PROGRAM_ACTIVE = (
        HTTPStatus.CONFLICT,
        "The program is the active one; activate another or deactivate it before deleting",
    )
    BR_SESSION_COMPLETE = (HTTPStatus.CONFLICT, "The session is completed and can no longer change")
    CF_DUPLICATE_MOVEMENT_NAME = (
        HTTPStatus.CONFLICT,
        "A movement with this name exists (among system movements or the owner's)",
    )
    CF_DUPLICATE_CIRCUIT_NAME = (HTTPStatus.CONFLICT, "A circuit with this name exists")
    CF_DUPLICATE_EMAIL = (HTTPStatus.CONFLICT, "An account with this email already exists")
    CF_IDEMPOTENCY_KEY_REUSED = (
        HTTPStatus.CONFLICT,
        "The Idempotency-Key was already used with another request",
    )
    CF_IDEMPOTENCY_KEY_IN_PROGRESS = (
        HTTPStatus.CONFLICT,
        "A request with this Idempotency-Key is still being processed",
    )
    CF_ACTIVE_PROGRAM_CHANGED = (
        HTTPStatus.CONFLICT,
        "A concurrent request changed which program is active; retry",
    )
    RATE_LIMIT_EXCEEDED = (
        HTTPStatus.TOO_MANY_REQUESTS,
        "Too many requests (or failed logins); retry after details.retry_after seconds",
    )
    SYS_INTERNAL = (HTTPStatus.INTERNAL_SERVER_ERROR, "An unexpected error; details are logged")
    SYS_DATABASE_UNAVAILABLE = (HTTPStatus.SERVICE_UNAVAILABLE, "The database does not answer")

    def __init__(self, status: HTTPStatus, meaning: str) -> None:
        self.status = status
        self.meaning = meaning

    @property
    def code(self) -> str:
        return self.name


FIELD_CODE_PREFIX = "VAL_"
FIELD_CODE_STATUS = HTTPStatus.BAD_REQUEST
_NON_CODE_CHARACTERS = re.compile(r"[^A-Z0-9]+")


def field_code(field_path: str) -> str:
    """`VAL_{FIELD}` for a field path: `goals.0.weight` gives `VAL_GOALS_WEIGHT`."""
    named_parts = [part for part in field_path.split(".") if part and not part.isdigit()]
    field_name = _NON_CODE_CHARACTERS.sub("_", "_".join(named_parts).upper()).strip("_")
    return f"{FIELD_CODE_PREFIX}{field_name or 'BODY'}"


class ErrorDetail:
    """One item of the `errors` list."""

    __slots__ = ("code", "details", "message")

    def __init__(self, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        self.code = code
        self.message = message
        self.details = details or {}

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "details": self.details}


class DomainError(Exception):
    """An error the API reports to the client as an error envelope."""

    default_code: ErrorCode | None = None

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        chosen_code = code or self.default_code
        if chosen_code is None:
            raise TypeError(f"{type(self).__name__} needs an error code")
        self.error_code = chosen_code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}

    @property
    def status(self) -> int:
        return self.error_code.status

    def items(self) -> list[ErrorDetail]:
        return [ErrorDetail(self.error_code.code, self.message, self.details)]


class NotFoundError(DomainError):
    default_code = ErrorCode.NF_ROUTE


class ValidationError(DomainError):
    default_code = ErrorCode.VAL_REQUEST


class FieldValidationError(ValidationError):
    """One or more invalid fields, each reported as its own `VAL_{FIELD}` item."""

    def __init__(self, field_errors: list[ErrorDetail]) -> None:
        super().__init__(field_errors[0].message if field_errors else "Invalid request")
        self.field_errors = field_errors

    @classmethod
    def single(cls, field: str, message: str, **constraint: Any) -> "FieldValidationError":
        return cls([ErrorDetail(field_code(field), message, {"field": field, **constraint})])

    @property
    def status(self) -> int:
        return FIELD_CODE_STATUS

    def items(self) -> list[ErrorDetail]:
        return self.field_errors


class BusinessRuleError(DomainError):
    pass


class ConflictError(DomainError):
    pass


class AuthenticationError(DomainError):
    """A 401: it always carries a `WWW-Authenticate` challenge (`Bearer` unless one is given)."""

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        challenge = {"WWW-Authenticate": "Bearer", **(headers or {})}
        super().__init__(message, code=code, details=details, headers=challenge)


class AuthorizationError(DomainError):
    pass


def retry_after_seconds(milliseconds: int) -> int:
    """A wait in whole seconds, at least one, as `Retry-After` carries it."""
    return max(1, math.ceil(milliseconds / 1000))


class RateLimitedError(DomainError):
    """A 429: `details.retry_after` and one `Retry-After` header, in whole seconds."""

    def __init__(self, message: str, *, retry_after_ms: int, **details: Any) -> None:
        retry_after = retry_after_seconds(retry_after_ms)
        super().__init__(
            message,
            code=ErrorCode.RATE_LIMIT_EXCEEDED,
            details={"retry_after": retry_after, **details},
            headers={"Retry-After": str(retry_after)},
        )
