"""Email addresses: one canonical form per address, and refusal of addresses built to deceive.

An address is stored NFC-normalised and lower-cased, so `josé@` typed precomposed or with a
combining accent is one account. A new address is refused when it holds a character a reader
cannot see or would misread: invisible format characters (zero-width space, soft hyphen, BOM),
bidirectional controls, compatibility forms (fullwidth letters, ligatures: characters NFKC
would change), letters of several scripts in one label (a Latin `a` beside a Cyrillic one,
U+0430), or a domain ending in a dot.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from pydantic_core import PydanticCustomError

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
SOFT_HYPHEN = "\u00ad"
EAST_ASIAN_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})
"""Scripts written together in one word; mixing them is ordinary, not a disguise."""


def normalise_email(email: str) -> str:
    return unicodedata.normalize("NFC", email.strip()).lower()


def refuse_deceptive_email(email: str) -> str:
    """`email` NFC-normalised, or a `PydanticCustomError` that says what deceives in it."""
    email = unicodedata.normalize("NFC", email)
    for character in email:
        _check_visible(character)
    if unicodedata.normalize("NFKC", email) != email:
        changed = next(c for c in email if unicodedata.normalize("NFKC", c) != c)
        raise _refusal(
            "compatibility_character",
            f"holds {_named(changed)}, a compatibility form (such as a fullwidth letter)",
        )
    local_part, _, domain = email.rpartition("@")
    if domain.endswith("."):
        raise _refusal("trailing_dot", "has a domain that ends with a dot")
    for label in [local_part, *domain.split(".")]:
        _check_single_script(label)
    return email


def _check_visible(character: str) -> None:
    if character == SOFT_HYPHEN:
        raise _refusal("soft_hyphen", "holds a soft hyphen (U+00AD), which is invisible")
    if character in BIDI_CONTROLS:
        raise _refusal("bidi_control", f"holds {_named(character)}, a bidirectional control")
    if unicodedata.category(character) in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp"):
        raise _refusal("invisible_character", f"holds {_named(character)}, which is invisible")


def _check_single_script(label: str) -> None:
    scripts = {_script(c) for c in label if unicodedata.category(c).startswith("L")}
    if len(scripts - EAST_ASIAN_SCRIPTS) + bool(scripts & EAST_ASIAN_SCRIPTS) > 1:
        names = " and ".join(sorted(script.title() for script in scripts))
        raise _refusal("mixed_scripts", f"mixes letters of several scripts ({names}) in one part")


def _script(letter: str) -> str:
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _named(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def _refusal(reason: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(reason, f"the address {message}")


def colliding_emails(emails: Iterable[str]) -> dict[str, list[str]]:
    """The stored addresses that share one normalised form, by that form (only shared ones)."""
    by_form: defaultdict[str, list[str]] = defaultdict(list)
    for email in emails:
        by_form[normalise_email(email)].append(email)
    return {form: sorted(group) for form, group in sorted(by_form.items()) if len(group) > 1}
