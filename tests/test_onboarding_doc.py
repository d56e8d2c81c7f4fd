"""docs/ONBOARDING.md: its Python blocks run, in order, against a live `alloy serve`."""

import re
import sys
from pathlib import Path

from tests.servers import embedded_server

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "ONBOARDING.md"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def guide_blocks() -> list[str]:
    return PYTHON_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


def test_the_guide_covers_a_first_hour() -> None:
    code = "\n".join(guide_blocks())
    for step in ("/v1/auth/login", "Idempotency-Key", "next_cursor", "errors", "RateLimit"):
        assert step in code, step
    assert "alloy_client" in code


def test_every_block_of_the_guide_runs_against_a_live_server(tmp_path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "clients" / "python"))
    with embedded_server(tmp_path / "served") as host:
        namespace: dict = {"BASE_URL": host}
        for number, block in enumerate(guide_blocks(), start=1):
            try:
                exec(compile(block, f"{GUIDE.name} block {number}", "exec"), namespace)  # noqa: S102
            except Exception as error:
                raise AssertionError(f"block {number} of {GUIDE.name} failed:\n{block}") from error
    assert sys.modules.get("alloy_client") is not None
