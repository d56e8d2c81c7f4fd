"""JSON log lines through loguru: one per request, each carrying the request id."""

import logging
import sys
import time
import traceback
from contextvars import ContextVar
from typing import Any

import orjson
from loguru import logger
from quart import Quart, Response, g, request

from alloy_api.kit.request_id import current_request_id
from alloy_api.kit.time import format_utc

SECRET_KEYWORDS = ("password", "token", "secret", "authorization", "otp", "recovery_code")
MASKED = "***"
current_trace_id: ContextVar[str] = ContextVar("current_trace_id", default="")


def mask_secret(value: str) -> str:
    """What a log line shows of a secret: that there was one, nothing of it."""
    return MASKED if value else ""


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return any(keyword in lowered for keyword in SECRET_KEYWORDS)


def _masked_extra(extra: dict[str, Any]) -> dict[str, Any]:
    return {
        key: mask_secret(str(value)) if is_secret_name(key) and value else value
        for key, value in extra.items()
    }


def _json_line(message: Any) -> None:
    record = message.record
    line = {
        "timestamp": format_utc(record["time"]),
        "level": record["level"].name,
        "message": record["message"],
        "logger": record["name"],
        "request_id": current_request_id.get() or None,
        "trace_id": current_trace_id.get() or None,
        **_masked_extra(record["extra"]),
    }
    exception = record["exception"]
    if exception is not None:
        line["exception"] = exception.type.__name__ if exception.type else None
        line["traceback"] = "".join(
            traceback.format_exception(exception.type, exception.value, exception.traceback)
        )
    sys.stderr.write(orjson.dumps(line, default=str).decode() + "\n")


class _InterceptHandler(logging.Handler):
    """Routes the standard library's log records (servers, ORM) through loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(depth=6, exception=record.exc_info).log(level, record.getMessage())


def configure_logging(level: str, as_json: bool) -> None:
    logger.remove()
    if as_json:
        logger.add(_json_line, level=level)
    else:
        logger.add(sys.stderr, level=level)
    logging.basicConfig(handlers=[_InterceptHandler()], level=logging.WARNING, force=True)


async def _start_timer() -> None:
    g.started_at = time.perf_counter()


async def _log_access(response: Response) -> Response:
    started_at = g.get("started_at")
    duration_ms = (time.perf_counter() - started_at) * 1000 if started_at else None
    rule = request.url_rule
    logger.bind(
        method=request.method,
        route=rule.rule if rule is not None else None,
        status=response.status_code,
        duration_ms=round(duration_ms, 3) if duration_ms is not None else None,
        user_id=g.get("user_id"),
    ).info("request")
    return response


def install_access_log(app: Quart) -> None:
    app.before_request(_start_timer)
    app.after_request(_log_access)
