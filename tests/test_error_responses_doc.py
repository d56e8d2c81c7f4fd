"""docs/ERROR_RESPONSES.md is made of real responses; this test fails when the app answers else.

Regenerate the file after an intended change:
`ALLOY_WRITE_ERROR_RESPONSES=1 .venv/bin/python -m pytest -q tests/test_error_responses_doc.py`
"""

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.library_support import seed_everything
from tests.programs.support import create_program, first_session, program_body

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "ERROR_RESPONSES.md"
REWRITE = os.environ.get("ALLOY_WRITE_ERROR_RESPONSES") == "1"
UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
EXAMPLE_TIMESTAMP = "2026-11-26T02:20:11.123Z"
WRONG_PASSWORD = "definitely not the password of this account"
HEADER = """# Error response examples

Real answers of the API, regenerated from live responses by `tests/test_error_responses_doc.py`
(which fails when the app answers differently from this page). Ids, request ids and timestamps are
replaced by stable examples. Every code is listed in [ERROR_CODES.md](ERROR_CODES.md);
clients switch on `code`, never on `message`.
"""


@dataclass(frozen=True)
class Example:
    title: str
    method: str
    path: str
    status: int
    body: dict[str, Any]


class Normaliser:
    """Replaces each distinct id with a stable example id, in order of first appearance."""

    def __init__(self) -> None:
        self.examples: dict[str, str] = {}

    def _example_id(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in self.examples:
            self.examples[found] = f"0193a1b2-0000-7000-8000-{len(self.examples) + 1:012d}"
        return self.examples[found]

    def text(self, value: str) -> str:
        return UUID_PATTERN.sub(self._example_id, value)

    def body(self, body: dict[str, Any]) -> dict[str, Any]:
        body = {**body, "meta": {**body["meta"], "timestamp": EXAMPLE_TIMESTAMP}}
        return json.loads(self.text(json.dumps(body)))


async def _capture(client, title: str, method: str, path: str, **options: Any) -> Example:
    response = await client.open(path, method=method, **options)
    return Example(title, method, path, response.status_code, await response.get_json())


async def live_examples(client, account) -> list[Example]:
    await seed_everything()
    headers = account.headers
    active = await create_program(client, headers)
    session = await first_session(client, active["id"], headers)
    session_path = f"/v1/programs/{active['id']}/sessions/{session['id']}"
    await client.patch(session_path, json={"status": "completed"}, headers=headers)
    missing_program = "/v1/programs/01936f1e-0000-7000-8000-000000000000"
    return [
        await _capture(client, "Not found", "GET", missing_program, headers=headers),
        await _capture(
            client,
            "Authentication errors",
            "POST",
            "/v1/auth/login",
            json={"email": account.email, "password": WRONG_PASSWORD},
        ),
        await _capture(client, "Missing token", "GET", "/v1/programs"),
        await _capture(
            client,
            "Validation errors",
            "POST",
            "/v1/programs",
            json=program_body(duration_weeks=6, days_per_week=9),
            headers=headers,
        ),
        await _capture(client, "Malformed id", "GET", "/v1/programs/not-an-id", headers=headers),
        await _capture(
            client,
            "Business rule errors",
            "DELETE",
            f"/v1/programs/{active['id']}",
            headers=headers,
        ),
        await _capture(
            client,
            "Changing a completed session",
            "PATCH",
            session_path,
            json={"notes": "too late"},
            headers=headers,
        ),
    ]


def render(examples: list[Example]) -> str:
    normaliser = Normaliser()
    sections = [HEADER]
    for example in examples:
        body = normaliser.body(example.body)
        sections.append(
            f"## {example.title}\n\n"
            f"`{example.method} {normaliser.text(example.path)}` answers **{example.status}**:\n\n"
            f"```json\n{json.dumps(body, indent=2, ensure_ascii=False)}\n```\n"
        )
    return "\n".join(sections)


async def test_the_error_response_examples_match_what_the_app_answers(client, user_account) -> None:
    examples = await live_examples(client, user_account)
    assert [example.status for example in examples] == [404, 401, 401, 400, 400, 409, 409]
    rendered = render(examples)
    if REWRITE:
        DOC_PATH.write_text(rendered, encoding="utf-8")
    assert DOC_PATH.read_text(encoding="utf-8") == rendered
