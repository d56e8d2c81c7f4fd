"""The app's ASGI HTTP connection, driven as a server drives it: a request is answered in the
server's task, and a client that disconnects first cancels the request, as in Quart."""

import asyncio
from typing import Any

from alloy_api.kit.pipeline import Pipeline, PipelineApp

SLOW_SECONDS = 30


def bare_app() -> tuple[PipelineApp, dict[str, Any]]:
    app = PipelineApp("connection_test")
    app.pipeline = Pipeline(app, [])
    seen: dict[str, Any] = {"cancelled": False}

    @app.get("/quick")
    async def quick() -> dict[str, str]:
        seen["task"] = asyncio.current_task()
        return {"answer": "yes"}

    @app.get("/slow")
    async def slow() -> str:
        seen["started"] = True
        try:
            await asyncio.sleep(SLOW_SECONDS)
        except asyncio.CancelledError:
            seen["cancelled"] = True
            raise
        return "late"

    return app, seen


def scope_of(path: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 80),
    }


async def test_a_request_is_answered_in_the_servers_own_task() -> None:
    app, seen = bare_app()
    sent: list[dict[str, Any]] = []
    answered = asyncio.Event()
    messages = iter([{"type": "http.request", "body": b"", "more_body": False}])

    async def receive() -> dict[str, Any]:
        message = next(messages, None)
        if message is not None:
            return message
        await answered.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            answered.set()

    async with app.test_app():
        await app(scope_of("/quick"), receive, send)
        assert seen["task"] is asyncio.current_task()
    assert sent[0]["status"] == 200
    assert b"".join(message.get("body", b"") for message in sent[1:]) == b'{"answer":"yes"}\n'


async def test_a_client_that_disconnects_first_cancels_the_request() -> None:
    app, seen = bare_app()
    sent: list[dict[str, Any]] = []
    messages = iter([{"type": "http.request", "body": b"", "more_body": False}])

    async def receive() -> dict[str, Any]:
        message = next(messages, None)
        if message is not None:
            return message
        while not seen.get("started"):
            await asyncio.sleep(0)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async with app.test_app():
        async with asyncio.timeout(SLOW_SECONDS / 2):
            await app(scope_of("/slow"), receive, send)
        assert asyncio.current_task().cancelling() == 0
    assert seen["cancelled"]
    assert sent == []
