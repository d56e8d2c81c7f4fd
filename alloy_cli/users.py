"""`alloy users`: create, list, grant and revoke roles. Every change is audit-logged."""

import sys
from typing import Annotated

import typer
from rich.table import Table

from alloy_api.auth import admin_service
from alloy_api.auth.roles import Role
from alloy_api.kit.time import format_utc
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console, fail

app = typer.Typer(
    help="Accounts: create them, list them, change their roles.", no_args_is_help=True
)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("no password on stdin")
        return password
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@app.command()
def create(
    email: Annotated[str, typer.Option(help="The account's email (its login).")],
    role: Annotated[Role, typer.Option(help="user, admin or super_admin.")] = Role.USER,
    name: Annotated[str | None, typer.Option(help="Display name; defaults to the email.")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin's first line.")
    ] = False,
) -> None:
    """Create an account (the password follows the same policy as registration)."""
    password = _read_password(password_stdin)

    async def work(settings: Settings) -> str:
        user = await admin_service.create_user(
            settings, operator(), email=email, name=name or email, password=password, role=role
        )
        return str(user.id)

    user_id = with_database(work)
    console.print(f"created {email.strip().lower()} ({role.value}) with id {user_id}")


@app.command("list")
def list_users() -> None:
    """List every account with its role, 2FA and activity."""

    async def work(_: Settings) -> list[tuple[str, ...]]:
        return [
            (
                str(user.id),
                user.email,
                user.role.value,
                "yes" if user.two_factor_enabled else "no",
                "yes" if user.is_active else "no",
                format_utc(user.created_at),
            )
            for user in await admin_service.all_users()
        ]

    table = Table()
    for column in ("id", "email", "role", "2fa", "active", "created_at"):
        table.add_column(column, overflow="fold")
    for row in with_database(work):
        table.add_row(*row)
    console.print(table)


def _set_role(email: str, role: Role) -> str:
    async def work(_: Settings) -> str:
        user = await admin_service.user_by_email(email)
        await admin_service.change_role(operator(), user, role)
        return user.email

    return with_database(work)


@app.command("grant-role")
def grant_role(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    role: Annotated[Role, typer.Argument(help="user, admin or super_admin.")],
) -> None:
    """Give an account a role; its older access tokens stop working at once."""
    console.print(f"{_set_role(email, role)} is now {role.value}")


@app.command("revoke-role")
def revoke_role(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Take an account back to the plain `user` role."""
    console.print(f"{_set_role(email, Role.USER)} is now {Role.USER.value}")
