"""Single-resource GETs carry an ETag; `If-None-Match` with it answers 304 with no body."""

import pytest

from tests.library_support import get_data, seed_everything


async def first_id(client, path: str, headers: dict[str, str]) -> str:
    return (await get_data(client, f"{path}?limit=1", headers))["items"][0]["id"]


async def assert_revalidates(
    client, path: str, headers: dict[str, str], cache_control: str = "private, no-cache"
) -> None:
    first = await client.get(path, headers=headers)
    tag = first.headers["ETag"]
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == cache_control
    again = await client.get(path, headers={**headers, "If-None-Match": tag})
    assert again.status_code == 304
    assert await again.get_data() == b""
    assert again.headers["ETag"] == tag
    stale = await client.get(path, headers={**headers, "If-None-Match": 'W/"stale"'})
    assert stale.status_code == 200


@pytest.mark.parametrize("collection", ["/v1/movements", "/v1/circuits"])
async def test_library_resources_revalidate(client, user_headers, collection) -> None:
    await seed_everything()
    resource_id = await first_id(client, collection, user_headers)
    await assert_revalidates(client, f"{collection}/{resource_id}", user_headers)


async def test_me_and_the_scoring_config_revalidate_but_are_never_stored(
    client, admin_headers
) -> None:
    await seed_everything()
    await assert_revalidates(client, "/v1/users/me", admin_headers, "no-store")
    await assert_revalidates(client, "/v1/admin/scoring_config", admin_headers, "no-store")


async def test_a_change_gives_a_new_etag(client, user_headers) -> None:
    first = await client.get("/v1/users/me", headers=user_headers)
    await client.patch("/v1/users/me", json={"name": "Renamed Lifter"}, headers=user_headers)
    changed = await client.get(
        "/v1/users/me", headers={**user_headers, "If-None-Match": first.headers["ETag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] != first.headers["ETag"]


async def test_auth_responses_are_never_stored(client, user_account) -> None:
    login = await client.post(
        "/v1/auth/login", json={"email": user_account.email, "password": user_account.password}
    )
    two_factor = await client.get("/v1/auth/2fa", headers=user_account.headers)
    assert login.status_code == 200 and two_factor.status_code == 200
    assert login.headers["Cache-Control"] == "no-store"
    assert two_factor.headers["Cache-Control"] == "no-store"
