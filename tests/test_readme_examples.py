"""The curl examples of the README's pagination and filtering section run against the app."""

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import orjson

from tests.library_support import seed_everything

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = "## Pagination and filtering"
SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def readme_curl_commands() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :].split("\n## ", 1)[0]
    lines = [line for block in SHELL_BLOCK.findall(section) for line in block.splitlines()]
    return [shlex.split(line) for line in lines if line.startswith("curl ")]


def parse_curl(arguments: list[str]) -> tuple[str, str, dict | None]:
    method, url, body = "GET", "", None
    position = 1
    while position < len(arguments):
        argument = arguments[position]
        if argument == "-X":
            method = arguments[position + 1]
            position += 1
        elif argument == "-d":
            body = orjson.loads(arguments[position + 1])
            position += 1
        elif argument == "-H":
            position += 1
        elif not argument.startswith("-"):
            url = argument
        position += 1
    parts = urlsplit(f"http://{url}")
    return method, f"{parts.path}?{parts.query}" if parts.query else parts.path, body


def test_the_readme_has_examples_of_lists_and_queries() -> None:
    commands = [parse_curl(command) for command in readme_curl_commands()]
    assert {method for method, _, _ in commands} == {"GET", "POST"}
    assert any("cursor=" in path for _, path, _ in commands)


async def test_every_readme_example_answers_200_with_a_page(client, user_headers) -> None:
    await seed_everything()
    next_cursor = None
    for command in readme_curl_commands():
        method, path, body = parse_curl(command)
        if "$NEXT_CURSOR" in path:
            assert next_cursor, "the example before this one has a next page"
            path = path.replace("$NEXT_CURSOR", next_cursor)
        response = await client.open(path, method=method, json=body, headers=user_headers)
        payload = await response.get_json()
        assert response.status_code == 200, (path, payload)
        assert payload["data"]["items"], (path, "the example finds something in the library")
        next_cursor = payload["data"]["next_cursor"]
