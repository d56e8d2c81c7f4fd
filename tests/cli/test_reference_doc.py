"""docs/CLI.md is what Typer generates from the `alloy` app today."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "CLI.md"
REGENERATE = "typer alloy_cli.main utils docs --name alloy --output docs/CLI.md"


def test_the_cli_reference_is_current(tmp_path) -> None:
    generated = tmp_path / "CLI.md"
    completed = subprocess.run(
        [sys.executable, "-m", "typer", "alloy_cli.main", "utils", "docs", "--name", "alloy",
         "--output", str(generated)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert generated.read_text(encoding="utf-8") == REFERENCE.read_text(encoding="utf-8"), (
        f"docs/CLI.md is stale: run `{REGENERATE}`"
    )
    for command in ("alloy users deactivate", "alloy audit list", "alloy scoring activate"):
        assert f"## `{command}`" in generated.read_text(encoding="utf-8")
