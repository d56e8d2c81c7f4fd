"""A cursor belongs to the list that made it; filter values stay inside the column's range."""

from tests.library_support import body_of, error_codes, get_data, post_query, seed_everything


async def test_a_cursor_of_one_list_is_refused_by_another(client, user_headers) -> None:
    await seed_everything()
    movements = await get_data(client, "/v1/movements?limit=2&sort=name", user_headers)
    response = await client.get(
        f"/v1/circuits?limit=2&sort=name&cursor={movements['next_cursor']}", headers=user_headers
    )
    body = await body_of(response)
    assert response.status_code == 400
    assert error_codes(body) == ["VAL_CURSOR"]
    assert body["errors"][0]["details"]["reason"] == "for another list, sort or other filters"


async def test_an_integer_beyond_the_column_is_val_filter_value(client, user_headers) -> None:
    filters = [{"field": "min_recovery_hours", "op": "gt", "value": 10**30}]
    status, body = await post_query(client, "movements", user_headers, filters=filters)
    assert status == 400
    assert error_codes(body) == ["VAL_FILTER_VALUE"]
