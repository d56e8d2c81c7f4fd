"""Unhandled errors reported to Sentry (`ALLOY_SENTRY_DSN`, the `sentry` extra), off by default.

Every error the service logs with its exception (the 500 `SYS_INTERNAL` handler, the database
becoming unavailable, a failing background task) becomes one Sentry event, tagged with the
request id, the route template and the user id. The SDK's integrations stay off: they would
patch the web framework, the database and Redis clients and attach request data, breadcrumbs and
stack-frame variables, which can hold bodies, tokens and passwords. Events therefore come from a
loguru sink added with the app (sentry's own loguru integration registers its handler once per
process, and `configure_logging` removes every handler each time it runs), and `before_send`
drops whatever request, user, breadcrumb or variable data an event still carries.
"""

import contextlib
from types import ModuleType
from typing import Any

from loguru import logger
from quart import Quart, has_request_context

from alloy_api import __version__
from alloy_api.kit.pipeline import current_state
from alloy_api.observability.metrics import current_route
from alloy_api.settings import Settings

REPORTED_LEVEL = "ERROR"
DROPPED_EVENT_KEYS = ("request", "user", "breadcrumbs", "extra", "cookies")


class SentryMissingError(RuntimeError):
    """ALLOY_SENTRY_DSN is set but sentry-sdk is not installed."""


def _sentry_sdk() -> ModuleType:
    try:
        import sentry_sdk
    except ImportError as error:
        raise SentryMissingError(
            'ALLOY_SENTRY_DSN needs the sentry extra: pip install "alloy[sentry]"'
        ) from error
    return sentry_sdk


def request_tags() -> dict[str, str]:
    """The request id, route template and user id of the request being served, if any."""
    tags = {}
    state = current_state()
    if state is not None and state.request_id:
        tags["request_id"] = state.request_id
    if has_request_context():
        tags["route"] = current_route()
        if state is not None and state.user_id:
            tags["user_id"] = state.user_id
    return tags


def scrub_event(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    for key in DROPPED_EVENT_KEYS:
        event.pop(key, None)
    for exception in event.get("exception", {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    return event


def _report(message: Any) -> None:
    record = message.record
    exception = record["exception"]
    if exception is None or exception.value is None:
        return
    sentry_sdk = _sentry_sdk()
    with sentry_sdk.new_scope() as scope:
        for name, value in request_tags().items():
            scope.set_tag(name, value)
        sentry_sdk.capture_exception((exception.type, exception.value, exception.traceback))


def install_error_reports(app: Quart, settings: Settings) -> None:
    if settings.sentry_dsn is None:
        return
    sentry_sdk = _sentry_sdk()
    sinks: list[int] = []

    @app.before_serving
    async def start_reporting() -> None:
        sentry_sdk.init(
            dsn=settings.sentry_dsn.get_secret_value() if settings.sentry_dsn else None,
            environment=str(settings.environment),
            release=f"alloy@{__version__}",
            send_default_pii=False,
            include_local_variables=False,
            max_breadcrumbs=0,
            default_integrations=False,
            auto_enabling_integrations=False,
            auto_session_tracking=False,
            before_send=scrub_event,
        )
        sinks.append(logger.add(_report, level=REPORTED_LEVEL, catch=True))

    @app.after_serving
    async def stop_reporting() -> None:
        for sink in sinks:
            with contextlib.suppress(ValueError):  # configure_logging has removed it already
                logger.remove(sink)
        sinks.clear()
        sentry_sdk.get_client().close(timeout=2)
