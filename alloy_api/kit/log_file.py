"""The log file: the same JSON lines as stderr, through loguru's file sink, which rotates,
compresses and deletes old files.

loguru rotates and compresses a file from the process that writes it, so two processes sharing
one file lose lines (one compresses and deletes a file the other still writes). Each process
therefore claims its own file: `ALLOY_LOG_FILE` itself, or `NAME-1.EXT`, `NAME-2.EXT`, ... when
other live processes hold the ones before, claimed with an exclusive `flock` that the operating
system releases when the process ends, so a restarted worker takes its slot back.

loguru also compresses a rotated file in the thread that logs, which here is a serving process's
event loop: compressing 100 MB of log lines takes about 3 s of CPU at gzip's level 9, during
which every request of that process would wait. Rotated files are compressed in a thread of
their own instead (zlib, bz2 and lzma release the GIL), gzip at level 6. The rotated file is
first moved into `.compressing/` beside the log, out of sight of loguru's retention (which lists
the log's files, then reads their times, and loses the line it is writing if one vanishes in
between), and the compressed file is moved back once complete.
"""

import bz2
import fcntl
import functools
import gzip
import lzma
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
from loguru import logger

from alloy_api.settings import Settings

MAX_PROCESSES_PER_FILE = 64
LINE_KEY = "alloy_json_line"
PENDING_DIR = ".compressing"
COMPRESSORS: dict[str, Callable[..., IO[bytes]]] = {
    "gz": functools.partial(gzip.open, compresslevel=6),  # a third of level 9's CPU, same size
    "bz2": bz2.open,
    "xz": lzma.open,
}
_claimed: dict[Path, Path] = {}
_locks: list[IO[str]] = []


@dataclass(frozen=True, slots=True)
class LogFile:
    path: Path
    rotation: str
    retention: str
    compression: str


def claim_log_path(path: Path) -> Path:
    """This process's own file for `path`, the same one each time it asks."""
    path = path.resolve()
    if path in _claimed:
        return _claimed[path]
    path.parent.mkdir(parents=True, exist_ok=True)
    for slot in range(MAX_PROCESSES_PER_FILE):
        candidate = path if slot == 0 else path.with_name(f"{path.stem}-{slot}{path.suffix}")
        lock = candidate.with_name(f".{candidate.name}.lock").open("a", encoding="utf-8")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        _locks.append(lock)
        _claimed[path] = candidate
        return candidate
    raise RuntimeError(f"{MAX_PROCESSES_PER_FILE} processes already write {path}")


def add_log_file(log_file: LogFile, level: str, line_of: Callable[[Any], dict]) -> None:
    """A loguru file sink writing `line_of(record)` as one JSON line per record."""

    def json_format(record: Any) -> str:
        record[LINE_KEY] = orjson.dumps(line_of(record), default=str).decode()
        return "{" + LINE_KEY + "}\n"

    retention = log_file.retention
    path = claim_log_path(log_file.path)
    resume_compressions(path, log_file.compression)
    logger.add(
        path,
        level=level,
        format=json_format,
        rotation=log_file.rotation,
        retention=int(retention) if retention.isdigit() else retention,
        compression=_background_compression(log_file.compression),
        encoding="utf-8",
    )


def _background_compression(extension: str) -> Callable[[str], None] | None:
    if extension not in COMPRESSORS:
        return None

    def compress_rotated(path: str) -> None:
        rotated = Path(path)
        pending = rotated.parent / PENDING_DIR / rotated.name
        pending.parent.mkdir(exist_ok=True)
        rotated.rename(pending)
        _compress_in_background(pending, extension)

    return compress_rotated


def _compress_in_background(pending: Path, extension: str) -> None:
    threading.Thread(
        target=compress_file, args=(pending, extension), name="log-compression"
    ).start()


def resume_compressions(log_path: Path, extension: str) -> None:
    """Compress what a process that stopped mid-compression left in `.compressing/`."""
    if extension in COMPRESSORS:
        for pending in (log_path.parent / PENDING_DIR).glob(f"{log_path.stem}.*{log_path.suffix}"):
            _compress_in_background(pending, extension)


def compress_file(pending: Path, extension: str) -> Path:
    """`.compressing/FILE` compressed, then moved beside the log as `FILE.EXT`."""
    partial = pending.with_name(f"{pending.name}.{extension}")
    with pending.open("rb") as source, COMPRESSORS[extension](partial, "wb") as sink:
        shutil.copyfileobj(source, sink)
    target = pending.parent.parent / partial.name
    partial.rename(target)
    pending.unlink()
    return target


def log_file_of(settings: Settings) -> LogFile | None:
    if settings.log_file is None:
        return None
    return LogFile(
        path=settings.log_file,
        rotation=settings.log_file_rotation,
        retention=settings.log_file_retention,
        compression=settings.log_file_compression,
    )
