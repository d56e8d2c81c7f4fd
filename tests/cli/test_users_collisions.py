"""`alloy users collisions`: accounts whose emails are one address once normalised are reported,
never merged; `--normalise` rewrites the stored forms that collide with nothing."""

import orjson

from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from tests.cli.support import OPERATOR, audit_actions, invoke, query

NFC = "jos\u00e9@example.com"
NFD = "jose\u0301@example.com"
LONE_NFD = "rene\u0301@example.com"


def store_accounts(settings, *emails: str) -> None:
    """Accounts stored as older releases did: lower-cased, not NFC-normalised."""

    async def work() -> None:
        for email in emails:
            await User.create(email=email, name="Legacy", password_hash="x", role=Role.USER)

    query(settings, work)


def stored_emails(settings) -> list[str]:
    return sorted(query(settings, lambda: User.all().values_list("email", flat=True)))


def test_colliding_accounts_are_reported_with_exit_status_1_and_left_alone(settings) -> None:
    store_accounts(settings, NFC, NFD, "ada@example.com")
    result = invoke(settings, "users", "collisions", "--json")
    assert result.exit_code == 1
    report = orjson.loads(result.stdout)
    assert report["collisions"] == [{"email": NFC, "accounts": sorted([NFC, NFD])}]
    assert report["not_normalised"] == [NFD]
    assert stored_emails(settings) == sorted([NFC, NFD, "ada@example.com"])


def test_normalise_rewrites_only_what_collides_with_nothing(settings) -> None:
    store_accounts(settings, NFC, NFD, LONE_NFD)
    result = invoke(settings, "users", "collisions", "--normalise", "--json")
    assert result.exit_code == 1
    report = orjson.loads(result.stdout)
    assert report["normalised"] == ["ren\u00e9@example.com"]
    assert report["not_normalised"] == [NFD]
    assert stored_emails(settings) == sorted([NFC, NFD, "ren\u00e9@example.com"])
    assert audit_actions(settings) == [("email_normalised", OPERATOR)]


def test_no_collision_exits_0(settings) -> None:
    store_accounts(settings, "ada@example.com")
    result = invoke(settings, "users", "collisions")
    assert result.exit_code == 0, result.output
    assert "0 collision(s)" in result.output


def test_users_create_refuses_what_registration_refuses(settings) -> None:
    result = invoke(
        settings,
        "users",
        "create",
        "--email",
        "ad\u200ba@example.com",
        "--password-stdin",
        stdin="quiet lantern mosaic 8841 orbit\n",
    )
    assert result.exit_code != 0
    assert "invisible" in result.output
    assert stored_emails(settings) == []
