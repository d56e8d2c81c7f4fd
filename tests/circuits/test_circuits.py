"""Circuits: reading the shipped ones, writing ordered items, and the structured query."""

from alloy_api.audit.models import AuditEvent
from alloy_api.circuits.library_data import LIBRARY_CIRCUITS
from alloy_api.movements.models import Movement
from alloy_api.reference.enums import CircuitType
from tests.library_support import error_codes, get_data, post_query, seed_everything


async def system_movement_ids(*names: str) -> list[str]:
    rows = dict(await Movement.filter(name__in=names).values_list("name", "id"))
    return [str(rows[name]) for name in names]


def circuit_body(name: str, movement_ids: list[str], **overrides) -> dict:
    return {
        "name": name,
        "circuit_type": "amrap",
        "description": "test circuit",
        "default_duration_seconds": 600,
        "difficulty_tier": 2,
        "items": [
            {"movement_id": movement_id, "reps": 10 + position, "rest_seconds": 15}
            for position, movement_id in enumerate(movement_ids)
        ],
        **overrides,
    }


async def test_the_library_lists_every_circuit_type(client, user_headers) -> None:
    await seed_everything()
    page = await get_data(client, "/v1/circuits?limit=100", user_headers)
    assert len(page["items"]) == len(LIBRARY_CIRCUITS)
    assert {item["circuit_type"] for item in page["items"]} == set(CircuitType)
    tabatas = await get_data(client, "/v1/circuits?circuit_type=tabata&limit=100", user_headers)
    assert tabatas["items"] and {item["circuit_type"] for item in tabatas["items"]} == {"tabata"}
    assert tabatas["filters_applied"] == {"circuit_type": "tabata"}


async def test_a_circuit_keeps_its_items_in_order_with_movement_names(
    client, admin_headers
) -> None:
    await seed_everything()
    ids = await system_movement_ids("Thruster", "Pull-Up", "Box Jump")
    response = await client.post(
        "/v1/circuits", json=circuit_body("Ordered", ids), headers=admin_headers
    )
    created = (await response.get_json())["data"]
    assert response.status_code == 201, created
    assert [item["movement_name"] for item in created["items"]] == [
        "Thruster",
        "Pull-Up",
        "Box Jump",
    ]
    assert [item["reps"] for item in created["items"]] == [10, 11, 12]
    fetched = await get_data(client, f"/v1/circuits/{created['id']}", admin_headers)
    assert fetched == created

    reversed_ids = list(reversed(ids))
    replaced = await client.put(
        f"/v1/circuits/{created['id']}",
        json=circuit_body("Ordered", reversed_ids, circuit_type="emom"),
        headers=admin_headers,
    )
    replaced_data = (await replaced.get_json())["data"]
    assert replaced_data["circuit_type"] == "emom"
    assert [item["movement_name"] for item in replaced_data["items"]] == [
        "Box Jump",
        "Pull-Up",
        "Thruster",
    ]

    patched = await client.patch(
        f"/v1/circuits/{created['id']}",
        json={"difficulty_tier": 5, "name": "Renamed"},
        headers=admin_headers,
    )
    patched_data = (await patched.get_json())["data"]
    assert (patched_data["difficulty_tier"], patched_data["name"]) == (5, "Renamed")
    assert patched_data["items"] == replaced_data["items"]

    deleted = await client.delete(f"/v1/circuits/{created['id']}", headers=admin_headers)
    assert deleted.status_code == 204
    missing = await client.get(f"/v1/circuits/{created['id']}", headers=admin_headers)
    assert missing.status_code == 404
    assert error_codes(await missing.get_json()) == ["NF_CIRCUIT"]


async def test_circuit_writes_refuse_bad_input(client, admin_headers) -> None:
    await seed_everything()
    ids = await system_movement_ids("Thruster")
    duplicate = await client.post(
        "/v1/circuits",
        json=circuit_body(LIBRARY_CIRCUITS[0].name.upper(), ids),
        headers=admin_headers,
    )
    assert duplicate.status_code == 409
    assert error_codes(await duplicate.get_json()) == ["CF_DUPLICATE_CIRCUIT_NAME"]
    unknown = await client.post(
        "/v1/circuits",
        json=circuit_body("Unknown", [*ids, "0193a1b2-0000-7000-8000-000000000000"]),
        headers=admin_headers,
    )
    body = await unknown.get_json()
    assert unknown.status_code == 400
    assert error_codes(body) == ["VAL_ITEMS_MOVEMENT_ID"]
    assert body["errors"][0]["details"]["field"] == "items.1.movement_id"
    no_target = circuit_body("No target", ids)
    no_target["items"][0].pop("reps")
    assert (
        await client.post("/v1/circuits", json=no_target, headers=admin_headers)
    ).status_code == 400
    malformed = await client.get("/v1/circuits/not-an-id", headers=admin_headers)
    assert malformed.status_code == 400
    assert error_codes(await malformed.get_json()) == ["VAL_CIRCUIT_ID"]


async def test_a_movement_used_by_a_circuit_cannot_be_deleted(client, admin_headers) -> None:
    await seed_everything()
    [thruster] = await system_movement_ids("Thruster")
    response = await client.delete(f"/v1/movements/{thruster}", headers=admin_headers)
    assert response.status_code == 409
    assert error_codes(await response.get_json()) == ["BR_MOVEMENT_IN_USE"]
    assert await Movement.filter(id=thruster).exists()


async def test_only_admins_write_circuits_and_every_user_reads_them(
    client, user_headers, admin_account
) -> None:
    await seed_everything()
    ids = await system_movement_ids("Thruster")
    refused = await client.post(
        "/v1/circuits", json=circuit_body("Mine", ids), headers=user_headers
    )
    assert refused.status_code == 403
    assert error_codes(await refused.get_json()) == ["AUTH_FORBIDDEN"]
    anonymous = await client.get("/v1/circuits")
    assert anonymous.status_code == 401
    [existing] = (await get_data(client, "/v1/circuits?limit=1", user_headers))["items"]
    for method in ("PUT", "PATCH", "DELETE"):
        body = circuit_body("Mine", ids) if method != "DELETE" else None
        response = await client.open(
            f"/v1/circuits/{existing['id']}", method=method, json=body, headers=user_headers
        )
        assert response.status_code == 403, method
    created = await client.post(
        "/v1/circuits", json=circuit_body("Audited", ids), headers=admin_account.headers
    )
    circuit_id = (await created.get_json())["data"]["id"]
    event = await AuditEvent.get(target_id=circuit_id)
    assert (event.action, event.actor_id) == ("circuit_created", admin_account.user.id)


async def test_circuits_structured_query(client, user_headers) -> None:
    await seed_everything()
    status, body = await post_query(
        client,
        "circuits",
        user_headers,
        filters=[
            {"field": "difficulty_tier", "op": "gte", "value": 4},
            {"field": "circuit_type", "op": "nin", "value": ["station"]},
        ],
        sort=[{"field": "name", "order": "asc"}],
        limit=100,
    )
    assert status == 200, body
    expected = sorted(
        circuit.name
        for circuit in LIBRARY_CIRCUITS
        if circuit.difficulty_tier >= 4 and circuit.circuit_type != "station"
    )
    assert [item["name"] for item in body["data"]["items"]] == expected
    status, body = await post_query(
        client, "circuits", user_headers, filters=[{"field": "items", "op": "eq", "value": 1}]
    )
    assert status == 400 and error_codes(body) == ["VAL_FILTER_FIELD"]
