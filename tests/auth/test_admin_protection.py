"""Every /v1/admin route refuses anonymous callers and plain users; admins need 2FA."""

import re

import pytest

from alloy_api.auth.roles import Role
from tests.auth.helpers import body_of, error_codes

SAMPLE_ID = "01900000-0000-7000-8000-000000000000"
PATH_PARAMETER = re.compile(r"<(?:[a-z_]+:)?[a-z0-9_]+>")
ADMIN_PREFIX = "/v1/admin"


def admin_routes(app) -> list[tuple[str, str]]:
    routes = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(ADMIN_PREFIX):
            continue
        path = PATH_PARAMETER.sub(SAMPLE_ID, rule.rule)
        routes.extend((method, path) for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))
    return routes


async def call(client, method: str, path: str, headers=None):
    body = {} if method in {"POST", "PUT", "PATCH", "DELETE"} else None
    return await client.open(path, method=method, json=body, headers=headers or {})


def test_the_app_has_admin_routes(app) -> None:
    assert len(admin_routes(app)) >= 3


async def test_every_admin_route_refuses_anonymous_callers(app, client) -> None:
    for method, path in admin_routes(app):
        response = await call(client, method, path)
        assert response.status_code == 401, (method, path)
        assert error_codes(await body_of(response)) == ["AUTH_MISSING_TOKEN"], (method, path)


async def test_every_admin_route_refuses_plain_users(app, client, user_account) -> None:
    for method, path in admin_routes(app):
        response = await call(client, method, path, user_account.headers)
        assert response.status_code == 403, (method, path)
        assert error_codes(await body_of(response)) == ["AUTH_FORBIDDEN"], (method, path)


async def test_admins_without_2fa_must_enrol_first(app, client, account_factory) -> None:
    admin = await account_factory(role=Role.ADMIN, two_factor=False)
    for method, path in admin_routes(app):
        response = await call(client, method, path, admin.headers)
        assert response.status_code == 403, (method, path)
        assert error_codes(await body_of(response)) == ["AUTH_2FA_ENROLLMENT_REQUIRED"]
    own_profile = await client.get("/v1/users/me", headers=admin.headers)
    assert own_profile.status_code == 200


async def test_admins_with_2fa_get_through(client, admin_account) -> None:
    response = await client.get("/v1/admin/users", headers=admin_account.headers)
    assert response.status_code == 200


class TestWithoutRequiredTwoFactor:
    @pytest.fixture
    def settings(self, settings_factory):
        return settings_factory(admin_require_2fa=False)

    async def test_admins_without_2fa_get_through(self, client, account_factory) -> None:
        admin = await account_factory(role=Role.ADMIN, two_factor=False)
        response = await client.get("/v1/admin/users", headers=admin.headers)
        assert response.status_code == 200
