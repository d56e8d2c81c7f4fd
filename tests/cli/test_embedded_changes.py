"""On the embedded default, what the `alloy` command changes is seen by the running server's next
request, although the server caches in its own memory."""

import httpx

from alloy_api.auth.totp import code_at_step, current_step
from tests.auth.factories import STRONG_PASSWORD
from tests.cli.test_users_and_2fa_commands import SECRET_IN_URI

ADMIN_EMAIL = "embedded-admin@example.com"


def cli(served_data_dir, *arguments: str, stdin: str | None = None):
    from typer.testing import CliRunner

    from alloy_cli.main import app

    environment = {"ALLOY_DATA_DIR": str(served_data_dir), "COLUMNS": "200"}
    result = CliRunner().invoke(app, list(arguments), input=stdin, env=environment)
    assert result.exit_code == 0, result.output
    return result.output


def login(host: str, **extra: str) -> dict[str, str]:
    response = httpx.post(
        f"{host}/v1/auth/login",
        json={"email": ADMIN_EMAIL, "password": STRONG_PASSWORD, **extra},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['data']['access_token']}"}


def test_role_and_2fa_changes_from_the_cli_reach_the_next_request(
    served_host, served_data_dir, monkeypatch
) -> None:
    monkeypatch.delenv("ALLOY_DATABASE_URL", raising=False)
    monkeypatch.delenv("ALLOY_REDIS_URL", raising=False)
    cli(served_data_dir, "users", "create", "--email", ADMIN_EMAIL, "--password-stdin",
        stdin=STRONG_PASSWORD)  # fmt: skip
    headers = login(served_host)
    assert httpx.get(f"{served_host}/v1/admin/users", headers=headers).status_code == 403
    cli(served_data_dir, "users", "grant-role", ADMIN_EMAIL, "admin")
    refused = httpx.get(f"{served_host}/v1/users/me", headers=headers)
    assert refused.status_code == 401
    admin_headers = login(served_host)
    needs_2fa = httpx.get(f"{served_host}/v1/admin/users", headers=admin_headers)
    assert needs_2fa.json()["errors"][0]["code"] == "AUTH_2FA_ENROLLMENT_REQUIRED"
    secret = SECRET_IN_URI.search(cli(served_data_dir, "2fa", "enrol", ADMIN_EMAIL)).group(1)
    cli(
        served_data_dir, "2fa", "enrol", ADMIN_EMAIL, "--code", code_at_step(secret, current_step())
    )
    enrolled = login(served_host, otp_code=code_at_step(secret, current_step() + 1))
    assert httpx.get(f"{served_host}/v1/admin/users", headers=enrolled).status_code == 200
