import pytest

from tests.auth.helpers import body_of, error_codes, login


@pytest.fixture
def settings(settings_factory):
    return settings_factory(login_max_failures_per_account_address=100, login_max_failures_per_ip=4)


async def test_failures_across_many_emails_from_one_ip_get_429(client, user_account) -> None:
    for attempt in range(4):
        response = await login(client, f"spray-{attempt}@example.com", "wrong wrong wrong")
        assert response.status_code == 401
    blocked = await login(client, user_account.email, user_account.password)
    assert blocked.status_code == 429
    assert error_codes(await body_of(blocked)) == ["RATE_LIMIT_EXCEEDED"]
