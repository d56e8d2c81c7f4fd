"""Walking every page of the movement library, forwards and backwards, also under churn."""

import base64
import time

import orjson
import pytest

from alloy_api.kit.pagination import Cursor, encode_cursor
from alloy_api.movements.repository import MOVEMENT_FILTERS, MovementRepository
from alloy_api.movements.service import seed_library
from alloy_api.settings import Settings
from tests.library_support import error_codes, get_data, seed_everything
from tests.movements.factories import library_entry

movements = MovementRepository()
SORTS = [option for name in MOVEMENT_FILTERS.sorts for option in (name, f"-{name}")]
PAGE_SIZE = 13


async def all_ids() -> set[str]:
    return {
        str(movement_id) for movement_id in await movements.queryset().values_list("id", flat=True)
    }


async def walk(
    client, headers, sort: str, *, between_pages=None, start: str = ""
) -> tuple[list[str], list[dict]]:
    seen, pages, cursor = [], [], None
    while True:
        cursor_part = f"&cursor={cursor}" if cursor else ""
        page = await get_data(
            client, f"/v1/movements?limit={PAGE_SIZE}&sort={sort}{start}{cursor_part}", headers
        )
        pages.append(page)
        seen.extend(item["id"] for item in page["items"])
        if between_pages is not None:
            await between_pages(len(pages))
        if not page["has_next"]:
            return seen, pages
        cursor = page["next_cursor"]


@pytest.mark.parametrize("sort", SORTS)
async def test_every_page_forwards_then_backwards_gives_each_row_once_in_order(
    client, user_headers, sort
) -> None:
    await seed_everything()
    seen, pages = await walk(client, user_headers, sort)
    assert len(seen) == len(set(seen)) == len(await all_ids())
    field = MOVEMENT_FILTERS.sorts[sort.removeprefix("-")]
    direction = "-" if sort.startswith("-") else ""
    database_order = await movements.queryset().order_by(f"{direction}{field}", f"{direction}id")
    assert seen == [str(movement.id) for movement in database_order]
    assert pages[0]["has_prev"] is False and pages[0]["prev_cursor"] is None
    back_pages, cursor = [], pages[-1]["prev_cursor"]
    while cursor:
        page = await get_data(
            client, f"/v1/movements?limit={PAGE_SIZE}&sort={sort}&cursor={cursor}", user_headers
        )
        back_pages.append([item["id"] for item in page["items"]])
        cursor = page["prev_cursor"]
    expected = [[item["id"] for item in page["items"]] for page in pages[:-1]]
    assert list(reversed(back_pages)) == expected


@pytest.mark.parametrize("sort", ["name", "-created_at"])
async def test_rows_present_for_the_whole_walk_appear_exactly_once_under_churn(
    client, user_headers, sort
) -> None:
    await seed_library()
    before = await all_ids()
    ordered = await movements.queryset().order_by("name", "id").values_list("id", flat=True)
    doomed = [str(movement_id) for movement_id in ordered[5::17]]

    async def churn(page_number: int) -> None:
        await seed_library(
            [
                library_entry(f"AAA Churn {page_number}"),
                library_entry(f"MMM Churn {page_number}"),
                library_entry(f"ZZZ Churn {page_number}"),
            ]
        )
        if page_number <= len(doomed):
            await movements.queryset().filter(id=doomed[page_number - 1]).delete()

    seen, _ = await walk(client, user_headers, sort, between_pages=churn)
    assert len(seen) == len(set(seen)), "no row is repeated"
    stable = before - set(doomed)
    assert stable <= set(seen), "no row that existed for the whole walk is skipped"


@pytest.mark.parametrize("sort", ["name", "-created_at"])
async def test_walking_back_under_churn_deleting_the_cursor_rows_repeats_and_skips_nothing(
    client, user_headers, sort
) -> None:
    await seed_library()
    last_page = (await walk(client, user_headers, sort))[1][-1]
    before = await all_ids()
    seen = [item["id"] for item in last_page["items"]]
    deleted: set[str] = set()
    page, round_number = last_page, 0
    while page["has_prev"]:
        round_number += 1
        cursor_row = page["items"][0]["id"]
        await movements.queryset().filter(id=cursor_row).delete()
        deleted.add(cursor_row)
        await seed_library(
            [library_entry(f"AAA Back {round_number}"), library_entry(f"ZZZ Back {round_number}")]
        )
        page = await get_data(
            client,
            f"/v1/movements?limit={PAGE_SIZE}&sort={sort}&cursor={page['prev_cursor']}",
            user_headers,
        )
        seen = [item["id"] for item in page["items"]] + seen
    assert len(seen) == len(set(seen)), "no row is repeated"
    assert before - deleted <= set(seen), "no row that existed for the whole walk is skipped"


async def test_include_total_counts_the_filtered_rows(client, user_headers) -> None:
    await seed_everything()
    page = await get_data(client, "/v1/movements?pattern=squat&include_total=true", user_headers)
    squats = await movements.queryset().filter(pattern="squat").count()
    assert page["total"] == squats
    assert page["filters_applied"] == {"pattern": "squat"}
    untotalled = await get_data(client, "/v1/movements", user_headers)
    assert untotalled["total"] is None


async def test_simple_get_filters_combine(client, user_headers) -> None:
    await seed_everything()
    page = await get_data(
        client, "/v1/movements?discipline=strongman&equipment=barbell&limit=100", user_headers
    )
    assert page["items"]
    for item in page["items"]:
        assert "strongman" in item["disciplines"] and "barbell" in item["equipment"]
    searched = await get_data(client, "/v1/movements?q=SQUAT&limit=100", user_headers)
    assert searched["items"] and all("squat" in item["name"].lower() for item in searched["items"])


def _payload(cursor: str) -> dict:
    encoded = cursor.partition(".")[0]
    return orjson.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


async def first_cursor(client, headers, query: str = "") -> str:
    page = await get_data(client, f"/v1/movements?limit=5{query}", headers)
    return page["next_cursor"]


async def assert_cursor_refused(client, headers, query: str, reason: str) -> None:
    response = await client.get(f"/v1/movements?limit=5{query}", headers=headers)
    body = await response.get_json()
    assert response.status_code == 400, body
    assert error_codes(body) == ["VAL_CURSOR"]
    assert body["errors"][0]["details"]["reason"] == reason


async def test_a_tampered_cursor_is_refused(client, user_headers) -> None:
    await seed_everything()
    cursor = await first_cursor(client, user_headers)
    payload, _, signature = cursor.partition(".")
    flipped = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1]
    await assert_cursor_refused(client, user_headers, f"&cursor={flipped}.{signature}", "invalid")


async def test_a_truncated_cursor_is_refused(client, user_headers) -> None:
    await seed_everything()
    cursor = await first_cursor(client, user_headers)
    response = await client.get(
        f"/v1/movements?limit=5&cursor={cursor[: len(cursor) // 2]}", headers=user_headers
    )
    body = await response.get_json()
    assert response.status_code == 400 and error_codes(body) == ["VAL_CURSOR"]


async def test_a_cursor_for_other_filters_or_another_sort_is_refused(client, user_headers) -> None:
    await seed_everything()
    cursor = await first_cursor(client, user_headers, "&pattern=squat")
    foreign = "for another list, sort or other filters"
    await assert_cursor_refused(client, user_headers, f"&pattern=hinge&cursor={cursor}", foreign)
    await assert_cursor_refused(client, user_headers, f"&cursor={cursor}", foreign)
    await assert_cursor_refused(
        client, user_headers, f"&pattern=squat&sort=-name&cursor={cursor}", foreign
    )


async def test_a_query_cursor_for_other_filters_is_refused(client, user_headers) -> None:
    await seed_everything()
    first = await client.post(
        "/v1/movements/query",
        json={"filters": [{"field": "pattern", "op": "eq", "value": "squat"}], "limit": 3},
        headers=user_headers,
    )
    cursor = (await first.get_json())["data"]["next_cursor"]
    other = await client.post(
        "/v1/movements/query",
        json={"filters": [{"field": "pattern", "op": "eq", "value": "hinge"}], "cursor": cursor},
        headers=user_headers,
    )
    assert other.status_code == 400
    assert error_codes(await other.get_json()) == ["VAL_CURSOR"]


async def test_an_expired_cursor_is_refused(client, user_headers, settings: Settings) -> None:
    await seed_everything()
    cursor = await first_cursor(client, user_headers)
    fields = _payload(cursor)
    expired = encode_cursor(
        Cursor(fields["d"], fields["k"], fields["b"], int(time.time()) - 1),
        settings.signing_secret,
    )
    await assert_cursor_refused(client, user_headers, f"&cursor={expired}", "expired")


async def test_limits_and_sorts_outside_the_allow_list_are_refused(client, user_headers) -> None:
    for query, code in (
        ("limit=0", "VAL_LIMIT"),
        ("limit=101", "VAL_LIMIT"),
        ("sort=description", "VAL_SORT"),
        ("sort=-owner_id", "VAL_SORT"),
    ):
        response = await client.get(f"/v1/movements?{query}", headers=user_headers)
        assert response.status_code == 400
        assert error_codes(await response.get_json()) == [code]
