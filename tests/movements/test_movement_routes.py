"""Movement endpoints: a user's own custom movements through the API, and the error codes."""

from alloy_api.auth.dependencies import Role
from alloy_api.movements.service import seed_library
from tests.library_support import error_codes, get_data, post_query
from tests.movements.factories import library_entry

MINIMAL = {"name": "Cossack Squat", "pattern": "lunge", "primary_muscle": "adductors"}


async def test_creating_needs_only_name_pattern_and_primary_muscle(client, user_headers) -> None:
    response = await client.post("/v1/movements", json=MINIMAL, headers=user_headers)
    created = (await response.get_json())["data"]
    assert response.status_code == 201, created
    assert created["is_custom"] is True
    assert (created["region"], created["equipment"], created["disciplines"]) == ("lower", [], [])
    assert created["created_at"].endswith("Z")
    assert await get_data(client, f"/v1/movements/{created['id']}", user_headers) == created


async def test_a_custom_movement_is_changed_and_deleted_by_its_owner(client, user_headers) -> None:
    response = await client.post(
        "/v1/movements", json={**MINIMAL, "equipment": ["kettlebell"]}, headers=user_headers
    )
    movement_id = (await response.get_json())["data"]["id"]
    patched = await client.patch(
        f"/v1/movements/{movement_id}",
        json={"equipment": ["dumbbell", "kettlebell"], "skill_level": "advanced"},
        headers=user_headers,
    )
    patched_data = (await patched.get_json())["data"]
    assert patched.status_code == 200, patched_data
    assert patched_data["equipment"] == ["dumbbell", "kettlebell"]
    assert (patched_data["skill_level"], patched_data["name"]) == ("advanced", "Cossack Squat")
    deleted = await client.delete(f"/v1/movements/{movement_id}", headers=user_headers)
    assert deleted.status_code == 204 and await deleted.get_data() == b""
    gone = await client.get(f"/v1/movements/{movement_id}", headers=user_headers)
    assert gone.status_code == 404 and error_codes(await gone.get_json()) == ["NF_MOVEMENT"]


async def test_a_second_movement_with_the_same_name_conflicts(client, user_headers) -> None:
    assert (
        await client.post("/v1/movements", json=MINIMAL, headers=user_headers)
    ).status_code == 201
    again = await client.post(
        "/v1/movements", json={**MINIMAL, "name": " cossack SQUAT "}, headers=user_headers
    )
    assert again.status_code == 409
    assert error_codes(await again.get_json()) == ["CF_DUPLICATE_MOVEMENT_NAME"]


async def test_ids_and_fields_are_validated(client, user_headers) -> None:
    malformed = await client.get("/v1/movements/123", headers=user_headers)
    assert malformed.status_code == 400
    assert error_codes(await malformed.get_json()) == ["VAL_MOVEMENT_ID"]
    unknown = await client.get(
        "/v1/movements/0193a1b2-0000-7000-8000-000000000000", headers=user_headers
    )
    assert unknown.status_code == 404
    invalid = await client.post(
        "/v1/movements",
        json={
            "name": "",
            "pattern": "jumping",
            "primary_muscle": "quadriceps",
            "equipment": ["anvil"],
        },
        headers=user_headers,
    )
    assert invalid.status_code == 400
    assert sorted(error_codes(await invalid.get_json())) == [
        "VAL_EQUIPMENT",
        "VAL_NAME",
        "VAL_PATTERN",
    ]


async def test_the_list_shows_system_and_own_movements(client, user_headers) -> None:
    await seed_library([library_entry("System Press")])
    await client.post("/v1/movements", json=MINIMAL, headers=user_headers)
    page = await get_data(client, "/v1/movements", user_headers)
    assert {(item["name"], item["is_custom"]) for item in page["items"]} == {
        ("System Press", False),
        ("Cossack Squat", True),
    }


async def test_a_users_custom_movement_is_invisible_to_others(
    client, user_headers, other_user_headers
) -> None:
    created = await client.post("/v1/movements", json=MINIMAL, headers=user_headers)
    movement_id = (await created.get_json())["data"]["id"]
    for method in ("GET", "PATCH", "DELETE"):
        body = {"name": "Taken"} if method == "PATCH" else None
        response = await client.open(
            f"/v1/movements/{movement_id}", method=method, json=body, headers=other_user_headers
        )
        assert response.status_code == 404, method
        assert error_codes(await response.get_json()) == ["NF_MOVEMENT"]
    listed = await get_data(client, "/v1/movements", other_user_headers)
    assert movement_id not in {item["id"] for item in listed["items"]}
    status, body = await post_query(
        client,
        "movements",
        other_user_headers,
        filters=[{"field": "id", "op": "eq", "value": movement_id}],
    )
    assert status == 200 and body["data"]["items"] == []
    same_name = await client.post("/v1/movements", json=MINIMAL, headers=other_user_headers)
    assert same_name.status_code == 201, "names are unique per owner, not across owners"


async def test_a_non_admin_cannot_write_system_movements(
    client, user_headers, admin_headers
) -> None:
    await seed_library([library_entry("System Press")])
    system = (await get_data(client, "/v1/movements", user_headers))["items"][0]
    system_path = f"/v1/movements/{system['id']}"
    for method, body in (("PATCH", {"description": "mine"}), ("DELETE", None)):
        response = await client.open(system_path, method=method, json=body, headers=user_headers)
        assert response.status_code == 403, method
        assert error_codes(await response.get_json()) == ["AUTH_FORBIDDEN"]
    creating = await client.post(
        "/v1/movements", json={**MINIMAL, "is_custom": False}, headers=user_headers
    )
    assert creating.status_code == 403
    patched = await client.patch(system_path, json={"description": "tuned"}, headers=admin_headers)
    assert patched.status_code == 200
    assert (await patched.get_json())["data"]["description"] == "tuned"
    created = await client.post(
        "/v1/movements", json={**MINIMAL, "is_custom": False}, headers=admin_headers
    )
    assert created.status_code == 201
    assert (await created.get_json())["data"]["is_custom"] is False


async def test_an_admin_without_2fa_must_enrol_to_write_system_movements(
    client, account_factory
) -> None:
    await seed_library([library_entry("System Press")])
    admin = await account_factory(role=Role.ADMIN, two_factor=False)
    system = (await get_data(client, "/v1/movements", admin.headers))["items"][0]
    changed = await client.patch(
        f"/v1/movements/{system['id']}", json={"description": "x"}, headers=admin.headers
    )
    created = await client.post(
        "/v1/movements", json={**MINIMAL, "is_custom": False}, headers=admin.headers
    )
    for response in (changed, created):
        assert response.status_code == 403
        assert error_codes(await response.get_json()) == ["AUTH_2FA_ENROLLMENT_REQUIRED"]


async def test_the_library_needs_a_signed_in_user(client) -> None:
    for method, path in (("GET", "/v1/movements"), ("POST", "/v1/movements/query")):
        response = await client.open(path, method=method, json={} if method == "POST" else None)
        assert response.status_code == 401
        assert error_codes(await response.get_json()) == ["AUTH_MISSING_TOKEN"]
