"""The client address behind trusted proxies, for rate limits, throttles and the audit log."""

import pytest
from quart import Quart

from alloy_api.app import create_app
from alloy_api.audit.models import AuditEvent

LOGIN = {"email": "nobody@example.com", "password": "not the password at all"}


def login_from(client, address: str):
    return client.post("/v1/auth/login", json=LOGIN, headers={"X-Forwarded-For": address})


class TestBehindOneProxy:
    @pytest.fixture
    def app(self, settings_factory) -> Quart:
        return create_app(settings_factory(trusted_proxy_count=1, rate_limit_auth="2/minute"))

    async def test_each_forwarded_client_has_its_own_budget(self, client) -> None:
        first = [(await login_from(client, "203.0.113.7")).status_code for _ in range(3)]
        other = (await login_from(client, "198.51.100.9")).status_code
        assert first == [401, 401, 429]
        assert other == 401

    async def test_the_audit_log_names_the_forwarded_client(self, client) -> None:
        await login_from(client, "spoofed-by-client, 203.0.113.7")
        event = await AuditEvent.filter(action="login_failed").order_by("-created_at").first()
        assert event is not None
        assert event.ip == "203.0.113.7"


class TestWithoutTrustedProxies:
    @pytest.fixture
    def app(self, settings_factory) -> Quart:
        return create_app(settings_factory(rate_limit_auth="2/minute"))

    async def test_forwarded_addresses_are_ignored(self, client) -> None:
        statuses = [
            (await login_from(client, f"203.0.113.{number}")).status_code for number in range(3)
        ]
        assert statuses == [401, 401, 429]
