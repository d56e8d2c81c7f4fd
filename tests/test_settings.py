"""Embedded defaults, the development secret, and production's refusal of insecure settings."""

import os
import secrets
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from alloy_api.settings import InsecureConfigurationError, Settings

RANDOM_SECRET = secrets.token_urlsafe(48)


def test_embedded_defaults(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url == f"sqlite://{tmp_path / 'alloy.sqlite3'}"
    assert settings.uses_embedded_database
    assert settings.redis_url is None


def test_development_secret_is_stable_across_processes(tmp_path) -> None:
    first = Settings(data_dir=tmp_path).signing_secret
    second = Settings(data_dir=tmp_path).signing_secret
    assert first == second
    assert len(first) >= 32
    assert oct((tmp_path / "signing.secret").stat().st_mode & 0o777) == "0o600"


def test_concurrent_workers_agree_on_one_development_secret(tmp_path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        secrets_seen = set(
            pool.map(lambda _: Settings(data_dir=tmp_path).signing_secret, range(16))
        )
    assert len(secrets_seen) == 1


def test_production_refuses_the_default_secret(tmp_path) -> None:
    with pytest.raises(InsecureConfigurationError, match="ALLOY_SECRET_KEY"):
        Settings(environment="production", data_dir=tmp_path, database_url="postgres://x/y")


def test_production_refuses_a_short_secret(tmp_path) -> None:
    with pytest.raises(InsecureConfigurationError, match="at least 32"):
        Settings(environment="production", secret_key="short", database_url="postgres://x/y")


@pytest.mark.parametrize("repetitive", ["a" * 32, "k" * 48, "abcd" * 10, "secret" * 8])
def test_production_refuses_a_low_entropy_secret(repetitive) -> None:
    with pytest.raises(InsecureConfigurationError, match="ALLOY_SECRET_KEY has too little entropy"):
        Settings(environment="production", secret_key=repetitive, database_url="postgres://x/y")


@pytest.mark.parametrize(
    "database_url", ["", "  ", "sqlite:///tmp/alloy.sqlite3", "SQLITE://:memory:"]
)
def test_production_refuses_an_empty_or_sqlite_database_url(database_url) -> None:
    with pytest.raises(InsecureConfigurationError, match="ALLOY_DATABASE_URL must be"):
        Settings(environment="production", secret_key=RANDOM_SECRET, database_url=database_url)


@pytest.mark.parametrize("make_secret", [secrets.token_urlsafe, secrets.token_hex])
def test_production_accepts_a_random_secret(make_secret) -> None:
    secret = make_secret(32)
    settings = Settings(environment="production", secret_key=secret, database_url="postgres://x/y")
    assert settings.signing_secret == secret.encode()


def test_cli_refuses_to_serve_production_with_one_line(tmp_path) -> None:
    environment = {
        **os.environ,
        "ALLOY_ENVIRONMENT": "production",
        "ALLOY_DATA_DIR": str(tmp_path),
        "ALLOY_DATABASE_URL": "postgres://x/y",
    }
    environment.pop("ALLOY_SECRET_KEY", None)
    completed = subprocess.run(
        [sys.executable, "-m", "alloy_cli.main", "serve"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    error_lines = completed.stderr.strip().splitlines()
    assert len(error_lines) == 1
    assert "ALLOY_SECRET_KEY" in error_lines[0]
