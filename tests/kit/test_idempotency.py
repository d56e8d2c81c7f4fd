"""`Idempotency-Key` on POST: kept in the database with the write, replayed, refused, pruned;
only for authenticated users; never on routes that answer with tokens."""

import asyncio
from datetime import timedelta

import pytest
from quart import Quart
from tortoise.expressions import F

from alloy_api.app import create_app
from alloy_api.auth.auth_state import forget_auth_state
from alloy_api.auth.models import User
from alloy_api.idempotency.models import IdempotencyKey
from alloy_api.idempotency.service import prune
from alloy_api.kit.time import utc_now
from alloy_api.movements.models import Movement
from tests.conftest import TEST_DATABASE_URL
from tests.scale_probes import Executions, add_scale_probes

ON_POSTGRES = TEST_DATABASE_URL is not None


@pytest.fixture
def app(settings_factory) -> Quart:
    return add_scale_probes(create_app(settings_factory(rate_limit_generate="3/hour")))


def keyed(key: str, account) -> dict[str, str]:
    return {"Idempotency-Key": key, **account.headers}


async def test_the_same_key_and_body_replay_the_first_response(client, user_account) -> None:
    executions_before = Executions.count
    first = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed("k", user_account)
    )
    again = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed("k", user_account)
    )
    assert first.status_code == again.status_code == 201
    assert await again.get_data() == await first.get_data()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert again.headers["X-Request-ID"] != first.headers["X-Request-ID"]
    assert Executions.count == executions_before + 1


async def test_the_outcome_is_a_row_of_the_primary_database(client, user_account) -> None:
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("row", user_account))
    [kept] = await IdempotencyKey.filter(key="row")
    assert str(kept.user_id) == user_account.id
    assert (kept.method, kept.route, kept.status) == ("POST", "/v1/widgets", 201)
    assert kept.headers["Location"].startswith("/v1/widgets/")


async def test_another_body_with_the_same_key_is_a_conflict(client, user_account) -> None:
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("k", user_account))
    reused = await client.post(
        "/v1/widgets", json={"name": "bar"}, headers=keyed("k", user_account)
    )
    body = await reused.get_json()
    assert reused.status_code == 409
    assert body["errors"][0]["code"] == "CF_IDEMPOTENCY_KEY_REUSED"
    assert body["errors"][0]["details"] == {"idempotency_key": "k"}


async def test_keys_are_scoped_by_route(client, user_account) -> None:
    widget = await client.post("/v1/widgets", json={"name": "a"}, headers=keyed("k", user_account))
    generation = await client.post(
        "/v1/generations", json={"name": "a"}, headers=keyed("k", user_account)
    )
    assert widget.status_code == generation.status_code == 201
    assert "Idempotent-Replayed" not in generation.headers


async def test_keys_are_scoped_by_user(client, user_account, other_user_account) -> None:
    ada = await client.post("/v1/widgets", json={"name": "a"}, headers=keyed("k", user_account))
    grace = await client.post(
        "/v1/widgets", json={"name": "g"}, headers=keyed("k", other_user_account)
    )
    assert ada.status_code == grace.status_code == 201
    assert (await ada.get_json())["data"]["name"] == "a"
    assert (await grace.get_json())["data"]["name"] == "g"


async def test_concurrent_duplicates_do_not_both_run(client, user_account) -> None:
    """PostgreSQL refuses the second while the first runs; SQLite (one writer) makes it wait
    for the first and replays it. Either way the route runs once."""
    executions_before = Executions.count
    slow = {"name": "plate", "delay_ms": 300}
    first, second = await asyncio.gather(
        client.post("/v1/widgets", json=slow, headers=keyed("c", user_account)),
        client.post("/v1/widgets", json=slow, headers=keyed("c", user_account)),
    )
    assert Executions.count == executions_before + 1
    statuses = sorted([first.status_code, second.status_code])
    if ON_POSTGRES:
        in_progress = first if first.status_code == 409 else second
        assert statuses == [201, 409]
        body = await in_progress.get_json()
        assert body["errors"][0]["code"] == "CF_IDEMPOTENCY_KEY_IN_PROGRESS"
        assert in_progress.headers["Retry-After"] == "1"
    else:
        assert statuses == [201, 201]
        assert {
            first.headers.get("Idempotent-Replayed"),
            second.headers.get("Idempotent-Replayed"),
        } == {None, "true"}
    retried = await client.post("/v1/widgets", json=slow, headers=keyed("c", user_account))
    assert retried.status_code == 201
    assert retried.headers["Idempotent-Replayed"] == "true"
    assert Executions.count == executions_before + 1


async def test_client_errors_are_kept_and_replayed(client, user_account) -> None:
    first = await client.post("/v1/widgets", json={"name": ""}, headers=keyed("e", user_account))
    again = await client.post("/v1/widgets", json={"name": ""}, headers=keyed("e", user_account))
    assert first.status_code == again.status_code == 400
    assert again.headers["Idempotent-Replayed"] == "true"
    assert await again.get_data() == await first.get_data()


async def test_server_errors_are_not_kept_so_a_retry_runs_again(client, user_account) -> None:
    executions_before = Executions.count
    failing = {"name": "plate", "outcome": 500}
    first = await client.post("/v1/widgets", json=failing, headers=keyed("f", user_account))
    again = await client.post("/v1/widgets", json=failing, headers=keyed("f", user_account))
    assert first.status_code == again.status_code == 500
    assert "Idempotent-Replayed" not in again.headers
    assert Executions.count == executions_before + 2
    assert await IdempotencyKey.filter(key="f").count() == 0


async def post_then_hang_up(app: Quart, headers: dict[str, str], body: bytes) -> None:
    """A client that sends a POST and disconnects before the answer (the server cancels it)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/widgets",
        "raw_path": b"/v1/widgets",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"content-type", b"application/json"),
            *((name.lower().encode(), value.encode()) for name, value in headers.items()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict:
        if messages:
            return messages.pop()
        await asyncio.sleep(0.3)
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        raise AssertionError(f"the request should not have been answered: {message}")

    await app(scope, receive, send)


async def test_a_request_that_dies_before_its_commit_leaves_nothing(
    app, client, user_account
) -> None:
    executions_before = Executions.count
    body = b'{"name": "plate", "delay_ms": 1000}'
    await post_then_hang_up(app, keyed("d", user_account), body)
    assert await IdempotencyKey.filter(key="d").count() == 0
    retried = await client.post(
        "/v1/widgets", json={"name": "plate", "delay_ms": 1000}, headers=keyed("d", user_account)
    )
    assert retried.status_code == 201
    assert "Idempotent-Replayed" not in retried.headers
    assert Executions.count == executions_before + 2


async def test_the_write_and_its_key_commit_together(client, user_account) -> None:
    body = {"name": "Keyed Carry", "pattern": "carry", "primary_muscle": "forearms"}
    first = await client.post("/v1/movements", json=body, headers=keyed("m", user_account))
    again = await client.post("/v1/movements", json=body, headers=keyed("m", user_account))
    assert first.status_code == again.status_code == 201
    assert (await again.get_json())["data"]["id"] == (await first.get_json())["data"]["id"]
    assert await Movement.filter(name="Keyed Carry").count() == 1
    conflict = await client.post("/v1/movements", json=body, headers=keyed("m-other", user_account))
    assert conflict.status_code == 409
    assert await IdempotencyKey.filter(key="m-other", status=409).count() == 1


async def test_requests_without_a_key_run_every_time(client, user_account) -> None:
    executions_before = Executions.count
    for _ in range(2):
        response = await client.post(
            "/v1/widgets", json={"name": "plate"}, headers=user_account.headers
        )
        assert response.status_code == 201
    assert Executions.count == executions_before + 2


@pytest.mark.parametrize("bad_key", ["", "has space", "x" * 256, "é"])
async def test_a_malformed_key_is_rejected(client, user_account, bad_key) -> None:
    response = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed(bad_key, user_account)
    )
    body = await response.get_json()
    assert response.status_code == 400
    assert body["errors"][0]["code"] == "VAL_IDEMPOTENCY_KEY"


async def test_anonymous_requests_are_never_keyed(client) -> None:
    responses = [
        await client.post("/v1/sessions", json={"name": "plate"}, headers={"Idempotency-Key": "a"})
        for _ in range(2)
    ]
    for response in responses:
        body = await response.get_json()
        assert response.status_code == 201
        assert "Idempotent-Replayed" not in response.headers
        assert any("Idempotency-Key is ignored" in warning for warning in body["meta"]["warnings"])
    assert await IdempotencyKey.all().count() == 0


async def test_outcomes_expire_and_are_pruned(client, user_account) -> None:
    executions_before = Executions.count
    await client.post("/v1/widgets", json={"name": "plate"}, headers=keyed("old", user_account))
    await IdempotencyKey.filter(key="old").update(created_at=utc_now() - timedelta(days=2))
    again = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed("old", user_account)
    )
    assert "Idempotent-Replayed" not in again.headers
    assert Executions.count == executions_before + 2
    await IdempotencyKey.filter(key="old").update(created_at=utc_now() - timedelta(days=2))
    assert await prune(24 * 3600) == 1
    assert await IdempotencyKey.all().count() == 0


async def test_a_revoked_token_with_a_kept_key_gets_401_not_the_replay(
    app, client, user_account
) -> None:
    first = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed("r", user_account)
    )
    assert first.status_code == 201
    await User.filter(id=user_account.user.id).update(token_version=F("token_version") + 1)
    async with app.app_context():
        await forget_auth_state(user_account.user.id)
    replay = await client.post(
        "/v1/widgets", json={"name": "plate"}, headers=keyed("r", user_account)
    )
    assert replay.status_code == 401
    assert "Idempotent-Replayed" not in replay.headers
    assert (await replay.get_json())["errors"][0]["code"] == "AUTH_INVALID_TOKEN"


async def test_a_429_is_answered_before_a_key_is_held(client, user_account) -> None:
    for number in range(3):
        response = await client.post(
            "/v1/generations", json={"name": "g"}, headers=keyed(f"g{number}", user_account)
        )
        assert response.status_code == 201
    limited = await client.post(
        "/v1/generations", json={"name": "g"}, headers=keyed("g3", user_account)
    )
    assert limited.status_code == 429
    assert await IdempotencyKey.filter(key="g3").count() == 0
