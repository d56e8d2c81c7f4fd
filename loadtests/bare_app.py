"""The reference for Alloy's hot read: a bare ASGI app reading one movement with asyncpg + orjson.

No framework, no ORM, no validation: the ceiling a framework-based service is measured against.
Run: `ALLOY_BARE_DATABASE_URL=postgres://... granian --interface asgi loadtests.bare_app:app`.
"""

import os
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import asyncpg
import orjson

ROUTE_PREFIX = "/v1/movements/"
MOVEMENT_QUERY = (
    "SELECT id, name, pattern, primary_muscle, secondary_muscles, region, skill_level, cns_load,"
    " compound, unilateral, metric_type, description, owner_id, created_at"
    " FROM movement WHERE id = $1"
)
JSON_HEADERS = [(b"content-type", b"application/json")]
pool: asyncpg.Pool | None = None


def _jsonable(row: asyncpg.Record) -> dict[str, Any]:
    movement = dict(row)
    movement["id"] = str(movement["id"])
    movement["is_custom"] = movement.pop("owner_id") is not None
    movement["created_at"] = movement["created_at"].isoformat()
    return movement


async def _send(send: Any, status: int, body: dict[str, Any]) -> None:
    await send({"type": "http.response.start", "status": status, "headers": JSON_HEADERS})
    await send({"type": "http.response.body", "body": orjson.dumps(body)})


async def _lifespan(receive: Any, send: Any) -> None:
    global pool
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            pool = await asyncpg.create_pool(os.environ["ALLOY_BARE_DATABASE_URL"], max_size=10)
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if pool is not None:
                await pool.close()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        await _lifespan(receive, send)
        return
    path: str = scope["path"]
    meta = {"request_id": None, "timestamp": datetime.now(UTC).isoformat(), "warnings": []}
    try:
        movement_id = UUID(path.removeprefix(ROUTE_PREFIX))
    except ValueError:
        await _send(send, 404, {"data": None, "meta": meta, "errors": [{"code": "NF_ROUTE"}]})
        return
    assert pool is not None
    row = await pool.fetchrow(MOVEMENT_QUERY, movement_id)
    if row is None:
        await _send(send, 404, {"data": None, "meta": meta, "errors": [{"code": "NF_MOVEMENT"}]})
        return
    await _send(send, 200, {"data": _jsonable(row), "meta": meta, "errors": []})
