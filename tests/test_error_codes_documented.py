"""docs/ERROR_CODES.md and the codes the service can emit are the same set, both ways."""

import ast
import re
from pathlib import Path

from alloy_api.kit.errors import ErrorCode

ROOT = Path(__file__).resolve().parent.parent
DOC_ROW = re.compile(r"^\| `([A-Z0-9_{}]+)` \| (\d{3}) \|", re.MULTILINE)
CODE_LITERAL = re.compile(r"(?:AUTH|VAL|NF|BR|CF|RATE|SYS)_[A-Z0-9_]+")
FIELD_FAMILY = "VAL_{FIELD}"


def documented_codes() -> dict[str, int]:
    text = (ROOT / "docs" / "ERROR_CODES.md").read_text(encoding="utf-8")
    return {code: int(status) for code, status in DOC_ROW.findall(text)}


def service_modules() -> list[ast.Module]:
    return [
        ast.parse(path.read_text(encoding="utf-8")) for path in (ROOT / "alloy_api").rglob("*.py")
    ]


def referenced_error_codes() -> set[str]:
    return {
        node.attr
        for tree in service_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "ErrorCode"
    }


def code_like_string_literals() -> set[str]:
    return {
        node.value
        for tree in service_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CODE_LITERAL.fullmatch(node.value)
    }


def test_documented_codes_are_exactly_the_registry_with_its_statuses() -> None:
    documented = documented_codes()
    assert documented.pop(FIELD_FAMILY) == 400
    assert documented == {member.name: int(member.status) for member in ErrorCode}


def test_every_registered_code_is_raised_somewhere() -> None:
    unused = {member.name for member in ErrorCode} - referenced_error_codes()
    assert not unused, f"registered but never raised: {sorted(unused)}"


def test_no_code_is_written_as_a_bare_string() -> None:
    stray = code_like_string_literals() - {member.name for member in ErrorCode}
    assert not stray, f"codes outside the registry: {sorted(stray)}"
