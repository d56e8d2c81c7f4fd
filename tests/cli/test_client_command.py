"""`alloy client generate --check`: the committed client is what the OpenAPI document generates,
and a client that drifted from it is named file by file."""

import shutil
from pathlib import Path

from alloy_cli.client import CLIENT_DIR
from tests.cli.support import invoke


def test_the_committed_client_matches_and_a_changed_one_is_named(settings, tmp_path) -> None:
    copy = tmp_path / "python"
    shutil.copytree(CLIENT_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    fresh = invoke(settings, "client", "generate", "--check", "--directory", str(copy))
    assert fresh.exit_code == 0, fresh.output
    edited = Path(copy / "alloy_client" / "api" / "programs" / "get_program.py")
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    (copy / "alloy_client" / "models" / "error_envelope.py").unlink()
    stale = invoke(settings, "client", "generate", "--check", "--directory", str(copy))
    assert stale.exit_code == 1
    assert "changed: alloy_client/api/programs/get_program.py" in stale.output
    assert "missing: alloy_client/models/error_envelope.py" in stale.output
    assert "alloy client generate" in stale.output


def test_generate_rewrites_a_stale_client_and_keeps_its_settings(settings, tmp_path) -> None:
    copy = tmp_path / "python"
    shutil.copytree(CLIENT_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "alloy_client" / "models" / "stray.py").write_text("STRAY = 1\n")
    generated = invoke(settings, "client", "generate", "--directory", str(copy))
    assert generated.exit_code == 0, generated.output
    assert not (copy / "alloy_client" / "models" / "stray.py").exists()
    assert (copy / "generator.yml").read_text() == (CLIENT_DIR / "generator.yml").read_text()
    again = invoke(settings, "client", "generate", "--check", "--directory", str(copy))
    assert again.exit_code == 0, again.output
