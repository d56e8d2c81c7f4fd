"""Keyset pagination through a probe list route over a real table (aerich's version table)."""

import base64
import time
from http import HTTPStatus

import orjson
import pytest
from aerich.models import Aerich
from pydantic import BaseModel
from quart import Blueprint, Quart, Response
from quart_schema import validate_querystring

from alloy_api.app import create_app
from alloy_api.kit.envelope import respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Cursor, Page, PageQuery, encode_cursor, paginate
from alloy_api.settings import Settings

PROBE_APP = "pagination_probe"
ROW_COUNT = 23


class RowQuery(PageQuery):
    app: str = PROBE_APP


class RowResponse(BaseModel):
    id: int
    version: str


rows_blueprint = Blueprint("probe_rows", __name__, url_prefix="/v1/probe_rows")


@rows_blueprint.get("")
@validate_querystring(RowQuery)
@responds(Page[RowResponse], errors=[HTTPStatus.BAD_REQUEST])
async def list_rows(query_args: RowQuery) -> Response:
    page = await paginate(
        Aerich.filter(app=query_args.app),
        query=query_args,
        sorts={"id": "id", "version": "version"},
        default_sort="id",
        filters_applied={"app": query_args.app},
    )
    return respond(page.map(lambda row: RowResponse(id=row.id, version=row.version)))


@pytest.fixture
def app(settings: Settings) -> Quart:
    application = create_app(settings)
    application.register_blueprint(rows_blueprint)
    return application


@pytest.fixture(autouse=True)
async def no_probe_rows(running_app) -> None:
    """The version table survives between PostgreSQL tests; probe rows must not."""
    await Aerich.filter(app__not="models").delete()


async def insert_rows(count: int, prefix: str = "v") -> list[int]:
    created = [
        await Aerich.create(version=f"{prefix}{index % 5}", app=PROBE_APP, content={})
        for index in range(count)
    ]
    return [row.id for row in created]


async def get_page(client, **params) -> dict:
    query = "&".join(f"{name}={value}" for name, value in params.items() if value is not None)
    response = await client.get(f"/v1/probe_rows?{query}")
    body = await response.get_json()
    assert response.status_code == 200, body
    return body["data"]


async def walk_forward(client, sort: str, limit: int) -> list[dict]:
    seen, cursor = [], None
    while True:
        page = await get_page(client, sort=sort, limit=limit, cursor=cursor)
        seen.extend(page["items"])
        if not page["has_next"]:
            return seen
        cursor = page["next_cursor"]


def expected_order(rows: list[tuple[int, str]], sort: str) -> list[int]:
    field = sort.lstrip("-")
    descending = sort.startswith("-")
    key = (lambda row: row[0]) if field == "id" else (lambda row: (row[1], row[0]))
    return [row[0] for row in sorted(rows, key=key, reverse=descending)]


@pytest.mark.parametrize("sort", ["id", "-id", "version", "-version"])
async def test_walking_forward_and_back_returns_each_row_once_in_order(client, sort) -> None:
    ids = await insert_rows(ROW_COUNT)
    rows = [(row.id, row.version) for row in await Aerich.filter(id__in=ids)]
    forward = await walk_forward(client, sort, limit=5)
    assert [item["id"] for item in forward] == expected_order(rows, sort)

    last_page = await get_page(client, sort=sort, limit=5)
    while last_page["has_next"]:
        last_page = await get_page(client, sort=sort, limit=5, cursor=last_page["next_cursor"])
    backward = list(last_page["items"])
    page = last_page
    while page["has_prev"]:
        page = await get_page(client, sort=sort, limit=5, cursor=page["prev_cursor"])
        backward = page["items"] + backward
    assert [item["id"] for item in backward] == expected_order(rows, sort)
    assert page["has_prev"] is False
    assert page["prev_cursor"] is None


async def test_rows_inserted_and_deleted_during_the_walk_never_repeat_or_skip_others(
    client,
) -> None:
    ids = await insert_rows(ROW_COUNT)
    survivors = set(ids)
    seen: list[int] = []
    page = await get_page(client, limit=4, sort="-version")
    while True:
        seen.extend(item["id"] for item in page["items"])
        doomed = next((row_id for row_id in sorted(survivors) if row_id not in seen), None)
        if doomed is not None:
            await Aerich.filter(id=doomed).delete()
            survivors.discard(doomed)
        await insert_rows(1, prefix="w")
        if not page["has_next"]:
            break
        page = await get_page(client, limit=4, sort="-version", cursor=page["next_cursor"])
    assert len(seen) == len(set(seen))
    assert survivors <= set(seen)


async def test_page_shape_and_total_on_request(client) -> None:
    await insert_rows(7)
    page = await get_page(client, limit=5, include_total="true")
    assert page["limit"] == 5
    assert page["total"] == 7
    assert page["has_next"] is True
    assert page["has_prev"] is False
    assert page["prev_cursor"] is None
    assert page["filters_applied"] == {"app": PROBE_APP}
    assert (await get_page(client, limit=5))["total"] is None


@pytest.mark.parametrize("limit", [0, 101, "many"])
async def test_limit_out_of_range_is_val_limit(client, limit) -> None:
    response = await client.get(f"/v1/probe_rows?limit={limit}")
    body = await response.get_json()
    assert response.status_code == 400
    assert [error["code"] for error in body["errors"]] == ["VAL_LIMIT"]


async def test_unknown_sort_is_val_sort_with_the_allowed_list(client) -> None:
    response = await client.get("/v1/probe_rows?sort=content")
    [error] = (await response.get_json())["errors"]
    assert response.status_code == 400
    assert error["code"] == "VAL_SORT"
    assert error["details"]["allowed"] == ["-id", "-version", "id", "version"]


async def cursor_error(client, cursor: str, **params) -> dict:
    query = "&".join(f"{name}={value}" for name, value in {**params, "cursor": cursor}.items())
    response = await client.get(f"/v1/probe_rows?{query}")
    body = await response.get_json()
    assert response.status_code == 400, body
    [error] = body["errors"]
    assert error["code"] == "VAL_CURSOR"
    return error


async def test_every_bad_cursor_is_val_cursor(client, settings) -> None:
    await insert_rows(6)
    cursor = (await get_page(client, limit=2))["next_cursor"]
    signature = cursor.split(".")[1]
    forged_payload = (
        base64.urlsafe_b64encode(orjson.dumps({"d": "n", "k": [0, 0], "b": "x", "e": 9999999999}))
        .decode()
        .rstrip("=")
    )
    assert (await cursor_error(client, f"{forged_payload}.{signature}"))["details"][
        "reason"
    ] == "invalid"
    assert (await cursor_error(client, cursor[: len(cursor) // 2]))["details"]["reason"] in {
        "invalid",
        "malformed",
    }
    assert (await cursor_error(client, "%%%not-base64%%%"))["details"]["reason"] in {
        "invalid",
        "malformed",
    }
    foreign = await cursor_error(client, cursor, sort="-id")
    assert foreign["details"]["reason"] == "for another list, sort or other filters"
    other_filters = await cursor_error(client, cursor, app="elsewhere")
    assert other_filters["details"]["reason"] == "for another list, sort or other filters"


async def test_an_expired_cursor_is_val_cursor(client, settings) -> None:
    await insert_rows(4)
    fresh = (await get_page(client, limit=2))["next_cursor"]
    payload = orjson.loads(base64.urlsafe_b64decode(fresh.split(".")[0] + "=="))
    expired = Cursor(payload["d"], payload["k"], payload["b"], int(time.time()) - 1)
    error = await cursor_error(client, encode_cursor(expired, settings.signing_secret))
    assert error["details"]["reason"] == "expired"


async def test_a_cursor_signed_with_another_secret_is_rejected(client, settings) -> None:
    await insert_rows(4)
    fresh = (await get_page(client, limit=2))["next_cursor"]
    payload = orjson.loads(base64.urlsafe_b64decode(fresh.split(".")[0] + "=="))
    foreign = Cursor(payload["d"], payload["k"], payload["b"], payload["e"])
    error = await cursor_error(client, encode_cursor(foreign, b"another-secret"))
    assert error["details"]["reason"] == "invalid"
