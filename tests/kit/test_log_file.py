"""ALLOY_LOG_FILE: the JSON lines of stderr in a file that rotates, compresses and is pruned."""

import gzip
import json
import subprocess
import sys
import threading
from pathlib import Path

from alloy_api.app import create_app
from alloy_api.kit.log_file import claim_log_path

COMPRESSION_WAIT_SECONDS = 10


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line]


def rotated(directory: Path, pattern: str) -> list[Path]:
    return sorted(path for path in directory.glob(pattern) if path.name != "alloy.log")


def wait_for_compressions() -> None:
    for thread in threading.enumerate():
        if thread.name == "log-compression":
            thread.join(COMPRESSION_WAIT_SECONDS)


async def serve_requests(settings, count: int) -> None:
    app = create_app(settings)
    async with app.test_app() as test_app:
        client = test_app.test_client()
        for number in range(count):
            response = await client.get("/health/live", headers={"X-Request-ID": f"file-{number}"})
            assert response.status_code == 200


async def test_access_lines_land_in_the_file_as_json(settings_factory, tmp_path: Path) -> None:
    log_path = tmp_path / "logs" / "alloy.log"
    await serve_requests(settings_factory(log_file=log_path, log_json=False), 3)
    access = [line for line in json_lines(log_path.read_text()) if line["message"] == "request"]
    assert [line["request_id"] for line in access] == ["file-0", "file-1", "file-2"]
    assert {(line["method"], line["route"], line["status"]) for line in access} == {
        ("GET", "/health/live", 200)
    }


async def test_the_file_rotates_into_compressed_files(settings_factory, tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    settings = settings_factory(
        log_file=log_dir / "alloy.log", log_file_rotation="2 KB", log_file_retention="50"
    )
    await serve_requests(settings, 40)
    wait_for_compressions()
    compressed = rotated(log_dir, "alloy.*.log.gz")
    assert len(compressed) >= 3
    assert rotated(log_dir, "alloy.*.log") == []
    assert list((log_dir / ".compressing").iterdir()) == []
    texts = [gzip.decompress(path.read_bytes()).decode() for path in compressed]
    texts.append((log_dir / "alloy.log").read_text())
    request_ids = [
        line["request_id"]
        for text in texts
        for line in json_lines(text)
        if line["message"] == "request"
    ]
    assert request_ids == [f"file-{number}" for number in range(40)]


async def test_retention_keeps_the_newest_rotated_files(settings_factory, tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    settings = settings_factory(
        log_file=log_dir / "alloy.log",
        log_file_rotation="1 KB",
        log_file_retention="2",
        log_file_compression="none",
    )
    await serve_requests(settings, 40)
    kept = rotated(log_dir, "alloy.*.log")
    assert len(kept) == 2
    last_kept = json_lines(kept[-1].read_text())[-1]["request_id"]
    first_current = json_lines((log_dir / "alloy.log").read_text())[0]["request_id"]
    assert int(first_current.removeprefix("file-")) > int(last_kept.removeprefix("file-"))


def claim_in_another_process(path: Path) -> str:
    code = "from pathlib import Path; from alloy_api.kit.log_file import claim_log_path; "
    code += f"print(claim_log_path(Path({str(path)!r})).name)"
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    return completed.stdout.strip()


def test_each_live_process_writes_a_file_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "alloy.log"
    assert claim_log_path(path) == path
    assert claim_log_path(path) == path
    assert claim_in_another_process(path) == "alloy-1.log"
    assert claim_in_another_process(path) == "alloy-1.log"
