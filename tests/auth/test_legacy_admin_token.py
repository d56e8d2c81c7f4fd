"""The deprecated X-Admin-Token: ignored unless configured, then deprecated loudly."""

import pytest

from alloy_api.observability.metrics import LEGACY_TOKEN_USES
from tests.auth.helpers import audit_events, body_of, error_codes

LEGACY_TOKEN = "legacy-admin-token-0123456789-abcdef"
ADMIN_USERS = "/v1/admin/users"


async def test_the_header_is_ignored_when_not_configured(client) -> None:
    response = await client.get(ADMIN_USERS, headers={"X-Admin-Token": LEGACY_TOKEN})
    assert response.status_code == 401
    assert error_codes(await body_of(response)) == ["AUTH_MISSING_TOKEN"]
    assert "Deprecation" not in response.headers


class TestConfigured:
    @pytest.fixture
    def settings(self, settings_factory):
        return settings_factory(legacy_admin_token=LEGACY_TOKEN)

    async def test_accepted_with_deprecation_headers_warning_audit_and_metric(
        self, client, settings
    ) -> None:
        before = LEGACY_TOKEN_USES.labels(outcome="success")._value.get()
        response = await client.get(
            ADMIN_USERS, headers={"X-Admin-Token": LEGACY_TOKEN, "X-Request-ID": "legacy-1"}
        )
        body = await body_of(response)
        assert response.status_code == 200
        assert response.headers["Deprecation"] == (
            f"@{int(settings.legacy_admin_token_deprecated_at.timestamp())}"
        )
        assert response.headers["Sunset"] == "Thu, 01 Jul 2027 00:00:00 GMT"
        assert 'rel="deprecation"' in response.headers["Link"]
        assert 'rel="sunset"' in response.headers["Link"]
        assert any("X-Admin-Token is deprecated" in w for w in body["meta"]["warnings"])
        assert LEGACY_TOKEN_USES.labels(outcome="success")._value.get() == before + 1
        [event] = await audit_events("legacy_admin_token_used")
        assert (event.actor, event.outcome, event.request_id) == (
            "legacy_admin_token",
            "success",
            "legacy-1",
        )

    async def test_a_wrong_token_is_refused_and_audited(self, client) -> None:
        response = await client.get(ADMIN_USERS, headers={"X-Admin-Token": "wrong"})
        assert response.status_code == 401
        assert error_codes(await body_of(response)) == ["AUTH_INVALID_TOKEN"]
        [event] = await audit_events("legacy_admin_token_used")
        assert event.outcome == "failure"

    async def test_only_admin_endpoints_accept_it(self, client) -> None:
        response = await client.get("/v1/users/me", headers={"X-Admin-Token": LEGACY_TOKEN})
        assert error_codes(await body_of(response)) == ["AUTH_MISSING_TOKEN"]

    async def test_it_cannot_change_roles(self, client, user_account) -> None:
        response = await client.patch(
            f"{ADMIN_USERS}/{user_account.id}",
            json={"role": "admin"},
            headers={"X-Admin-Token": LEGACY_TOKEN},
        )
        assert response.status_code == 403
        assert error_codes(await body_of(response)) == ["AUTH_FORBIDDEN"]
