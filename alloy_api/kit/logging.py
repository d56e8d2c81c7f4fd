"""JSON log lines through loguru, each carrying the request id; one access line per request.

The access line has the same shape as every other line but is written directly when the output is
JSON: a loguru record costs ~30 µs, a noticeable share of a cached read.
"""

import logging
import sys
import traceback
from typing import Any

import orjson
from loguru import logger

from alloy_api.kit.log_file import LogFile, add_log_file
from alloy_api.kit.pipeline import current_state
from alloy_api.kit.time import format_utc, utc_now

SECRET_KEYWORDS = ("password", "token", "secret", "authorization", "otp", "recovery_code")
MASKED = "***"
ACCESS_MESSAGE = "request"
ACCESS_LEVEL = "INFO"


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
    _write(_record_line(message.record))


def _record_line(record: Any) -> dict[str, Any]:
    line = _line(
        format_utc(record["time"]), record["level"].name, record["message"], record["name"]
    )
    line.update(_masked_extra(record["extra"]))
    exception = record["exception"]
    if exception is not None:
        line["exception"] = exception.type.__name__ if exception.type else None
        line["traceback"] = "".join(
            traceback.format_exception(exception.type, exception.value, exception.traceback)
        )
    return line


def _line(timestamp: str, level: str, message: str, logger_name: str | None) -> dict[str, Any]:
    state = current_state()
    return {
        "timestamp": timestamp,
        "level": level,
        "message": message,
        "logger": logger_name,
        "request_id": (state.request_id or None) if state is not None else None,
        "trace_id": (state.trace_id or None) if state is not None else None,
    }


def _write(line: dict[str, Any]) -> None:
    sys.stderr.write(orjson.dumps(line, default=str).decode() + "\n")


class _InterceptHandler(logging.Handler):
    """Routes the standard library's log records (servers, ORM) through loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(depth=6, exception=record.exc_info).log(level, record.getMessage())


_direct_access_lines: list[bool] = [False]


def configure_logging(level: str, as_json: bool, log_file: LogFile | None = None) -> None:
    """stderr, and with `log_file` also that file (always JSON lines)."""
    logger.remove()
    if as_json:
        logger.add(_json_line, level=level)
    else:
        logger.add(sys.stderr, level=level)
    if log_file is not None:
        add_log_file(log_file, level, _record_line)
    direct = as_json and log_file is None
    _direct_access_lines[0] = direct and logger.level(level).no <= logger.level(ACCESS_LEVEL).no
    logging.basicConfig(handlers=[_InterceptHandler()], level=logging.WARNING, force=True)


def write_access_line(fields: dict[str, Any]) -> None:
    """The one line per request (method, route, status, duration, user)."""
    if _direct_access_lines[0]:
        line = _line(format_utc(utc_now()), ACCESS_LEVEL, ACCESS_MESSAGE, __name__)
        line.update(fields)
        _write(line)
    else:
        logger.bind(**fields).log(ACCESS_LEVEL, ACCESS_MESSAGE)
