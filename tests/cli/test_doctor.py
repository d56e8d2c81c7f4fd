"""`alloy doctor`: one line per check, the fix for what fails, exit 1 when something fails."""

import secrets

import orjson

from alloy_api.settings import Settings
from alloy_cli.doctor import Status, clock_check
from tests.cli.support import invoke, migrations_ahead_of
from tests.conftest import TEST_DATABASE_URL, TEST_REDIS_URL

CHECK_NAMES = ["configuration", "database", "migrations", "redis", "secret", "clock"]


def doctor_json(settings, **environment: str) -> tuple[int, dict]:
    result = invoke(settings, "doctor", "--json", **environment)
    return result.exit_code, orjson.loads(result.stdout)


def test_a_healthy_setup_passes_every_check(settings) -> None:
    environment = {"ALLOY_REDIS_URL": TEST_REDIS_URL} if TEST_REDIS_URL else {}
    result = invoke(settings, "doctor", **environment)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines][:5] == CHECK_NAMES[:5]
    assert all(line.split()[1] == "clock" for line in lines[5:])
    assert all(line.startswith("OK ") for line in lines), result.stdout
    assert "current (" in lines[2]
    code, document = doctor_json(settings, **environment)
    assert code == 0 and document["status"] == "ok"
    clocks = [check for check in document["checks"] if check["name"] == "clock"]
    expected_clocks = int(bool(TEST_DATABASE_URL)) + int(bool(TEST_REDIS_URL))
    assert len(clocks) == max(1, expected_clocks)
    assert all(set(check) == {"name", "status", "detail", "fix"} for check in document["checks"])


def test_pending_migrations_fail_with_the_command_that_applies_them(settings, tmp_path) -> None:
    ahead = migrations_ahead_of(settings, tmp_path)
    result = invoke(settings, "doctor", ALLOY_MIGRATIONS_DIR=str(ahead.parent.parent))
    assert result.exit_code == 1
    migrations_line = next(line for line in result.stdout.splitlines() if " migrations " in line)
    assert migrations_line.startswith("FAIL")
    assert f"1 pending: {ahead.name}" in migrations_line
    assert migrations_line.endswith("fix: alloy db upgrade")


def test_unreachable_services_fail_each_with_its_fix(settings) -> None:
    code, document = doctor_json(
        settings,
        ALLOY_DATABASE_URL="postgres://alloy@127.0.0.1:1/alloy",
        ALLOY_REDIS_URL="redis://127.0.0.1:1/0",
    )
    assert code == 1 and document["status"] == "failing"
    by_name = {check["name"]: check for check in document["checks"]}
    assert by_name["database"]["status"] == "fail"
    assert by_name["database"]["fix"] == "start PostgreSQL or correct ALLOY_DATABASE_URL"
    assert by_name["migrations"]["status"] == "skipped"
    assert by_name["redis"]["status"] == "fail"
    assert by_name["redis"]["fix"] == "start Redis or correct ALLOY_REDIS_URL"
    assert by_name["configuration"]["detail"].endswith("127.0.0.1:1/alloy; Redis")


def test_an_insecure_production_configuration_fails_first_and_skips_the_rest(settings) -> None:
    result = invoke(
        settings,
        "doctor",
        ALLOY_ENVIRONMENT="production",
        ALLOY_DATABASE_URL="postgres://alloy:hunter2@127.0.0.1:1/alloy",
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("FAIL    configuration  ALLOY_SECRET_KEY must be set")
    assert all(line.startswith("SKIPPED") for line in lines[1:])
    assert "hunter2" not in result.output


def test_production_without_redis_and_a_shared_secret_file_are_named(settings) -> None:
    secret_key = secrets.token_urlsafe(48)
    code, document = doctor_json(
        settings,
        ALLOY_ENVIRONMENT="production",
        ALLOY_SECRET_KEY=secret_key,
        ALLOY_DATABASE_URL="postgres://alloy@127.0.0.1:1/alloy",
    )
    by_name = {check["name"]: check for check in document["checks"]}
    assert by_name["redis"]["status"] == "fail"
    assert by_name["redis"]["fix"] == "set ALLOY_REDIS_URL=redis://host:6379/0"
    assert by_name["secret"] == {
        "name": "secret",
        "status": "ok",
        "detail": "ALLOY_SECRET_KEY is set (32+ random characters)",
        "fix": None,
    }
    assert secret_key not in str(document)
    assert code == 1


def test_a_development_secret_readable_by_others_is_a_warning(settings) -> None:
    secret_file = settings.data_dir / "signing.secret"
    Settings(data_dir=settings.data_dir).signing_secret  # noqa: B018 - writes the file
    secret_file.chmod(0o644)
    code, document = doctor_json(settings)
    secret = next(check for check in document["checks"] if check["name"] == "secret")
    assert secret["status"] == "warn"
    assert secret["fix"] == f"chmod 600 {secret_file}"
    assert secret_file.read_text() not in str(document)
    assert code == 0


def test_clock_offsets_beyond_a_second_warn_and_beyond_the_jwt_leeway_fail(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path, jwt_leeway_seconds=30)
    assert clock_check(settings, "database", 0.2).status is Status.OK
    behind = clock_check(settings, "database", 3.0)
    assert behind.status is Status.WARN
    assert behind.detail == "3.000 s behind the database server's clock"
    ahead = clock_check(settings, "redis", -31.0)
    assert ahead.status is Status.FAIL
    assert ahead.detail.startswith("31.000 s ahead of Redis's clock")
    assert "chrony" in (ahead.fix or "")
