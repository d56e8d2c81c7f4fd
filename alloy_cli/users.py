"""`alloy users`: create, list and show accounts, change their roles and activity; audited."""

import sys
from typing import Annotated, Any

import typer
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from rich.table import Table

from alloy_api.audit.service import USER_TARGET, AuditAction, record
from alloy_api.auth import admin_service, repository
from alloy_api.auth import sessions as session_service
from alloy_api.auth.emails import colliding_emails, normalise_email
from alloy_api.auth.models import User
from alloy_api.auth.roles import Role
from alloy_api.auth.schemas import AdminUserResponse, Email, SessionResponse
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import JSON_OPTION_HELP, console, fail, nothing_to_do, print_json, say

app = typer.Typer(
    help="Accounts: create, list and show them, change their roles, deactivate and activate them.",
    no_args_is_help=True,
)
EmailArgument = Annotated[str, typer.Argument(help="The account's email.")]
JsonOption = Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)]
EMAIL = TypeAdapter(Email)
LIST_COLUMNS = ("id", "email", "name", "role", "2fa", "active", "created_at")


def user_document(user: User) -> dict[str, Any]:
    """The account as the admin API shows it (same field names)."""
    return AdminUserResponse.from_model(user).model_dump(mode="json")


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("no password on stdin")
        return password
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _accepted_email(email: str) -> str:
    try:
        return EMAIL.validate_python(email)
    except PydanticValidationError as error:
        fail(f"the email is refused: {error.errors(include_url=False)[0]['msg']}")


@app.command()
def create(
    email: Annotated[str, typer.Option(help="The account's email (its login).")],
    role: Annotated[Role, typer.Option(help="user, admin or super_admin.")] = Role.USER,
    name: Annotated[str | None, typer.Option(help="Display name; defaults to the email.")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin's first line.")
    ] = False,
) -> None:
    """Create an account (the email and password follow the same rules as registration)."""
    email = _accepted_email(email)
    password = _read_password(password_stdin)

    async def work(settings: Settings) -> User:
        return await admin_service.create_user(
            settings, operator(), email=email, name=name or email, password=password, role=role
        )

    user = with_database(work)
    say(f"created {user.email} ({user.role.value}) with id {user.id}")


@app.command("list")
def list_users(
    role: Annotated[Role | None, typer.Option(help="Only accounts with this role.")] = None,
    active: Annotated[
        bool | None,
        typer.Option("--active/--inactive", help="Only active (or only deactivated) accounts."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List accounts, oldest first, with role, 2FA and activity."""

    async def work(_: Settings) -> list[dict[str, Any]]:
        users = await admin_service.all_users(role=role, is_active=active)
        return [user_document(user) for user in users]

    documents = with_database(work)
    if as_json:
        print_json({"users": documents})
        return
    table = Table(*LIST_COLUMNS)
    for document in documents:
        table.add_row(
            document["id"],
            document["email"],
            document["name"],
            document["role"],
            _yes_no(document["two_factor_enabled"]),
            _yes_no(document["is_active"]),
            document["created_at"],
        )
    console.print(table)
    say(f"{len(documents)} account(s)")


@app.command()
def show(email: EmailArgument, as_json: JsonOption = False) -> None:
    """One account: id, name, role, 2FA, activity, when it was created and last changed."""

    async def work(_: Settings) -> dict[str, Any]:
        return user_document(await admin_service.user_by_email(email))

    document = with_database(work)
    if as_json:
        print_json(document)
        return
    for field, value in document.items():
        say(f"{field}: {_yes_no(value) if isinstance(value, bool) else value}")


def _set_role(email: str, role: Role) -> str:
    async def work(_: Settings) -> str | None:
        user = await admin_service.user_by_email(email)
        if user.role is role:
            return None
        await admin_service.change_role(operator(), user, role)
        return user.email

    changed = with_database(work)
    if changed is None:
        nothing_to_do(f"{email} already has the role {role.value}")
    return changed


@app.command("grant-role")
def grant_role(
    email: EmailArgument,
    role: Annotated[Role, typer.Argument(help="user, admin or super_admin.")],
) -> None:
    """Give an account a role; its older access tokens stop working at once."""
    say(f"{_set_role(email, role)} is now {role.value}; its older access tokens no longer work")


@app.command("revoke-role")
def revoke_role(email: EmailArgument) -> None:
    """Take an account back to the plain `user` role; its older access tokens stop working."""
    say(f"{_set_role(email, Role.USER)} is now {Role.USER.value}")


def _set_activity(email: str, is_active: bool) -> str:
    async def work(_: Settings) -> str | None:
        user = await admin_service.user_by_email(email)
        if user.is_active == is_active:
            return None
        await admin_service.change_activity(operator(), user, is_active)
        return user.email

    changed = with_database(work)
    if changed is None:
        nothing_to_do(f"{email} is already {'active' if is_active else 'deactivated'}")
    return changed


@app.command()
def deactivate(email: EmailArgument) -> None:
    """Stop an account from signing in: its tokens stop working and its sessions end."""
    say(f"{_set_activity(email, False)} is deactivated; its tokens and sessions no longer work")


@app.command()
def activate(email: EmailArgument) -> None:
    """Let a deactivated account sign in again (with a new login)."""
    say(f"{_set_activity(email, True)} is active again")


@app.command()
def collisions(
    normalise: Annotated[
        bool,
        typer.Option(
            "--normalise",
            help="Rewrite each stored email not in its normalised form, unless it collides.",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Report accounts whose emails are one address once NFC-normalised and lower-cased (exit
    status 1 when there are any); they are never merged. Accounts stored in another form cannot
    log in until `--normalise` rewrites them."""

    async def work(_: Settings) -> dict[str, Any]:
        users = await admin_service.all_users()
        colliding = colliding_emails(user.email for user in users)
        stale = [user for user in users if user.email != normalise_email(user.email)]
        rewritten = []
        if normalise:
            for user in stale:
                if normalise_email(user.email) not in colliding:
                    rewritten.append(await _normalise(user))
        return {
            "collisions": [{"email": form, "accounts": group} for form, group in colliding.items()],
            "not_normalised": [user.email for user in stale if user.email not in rewritten],
            "normalised": rewritten,
        }

    report = with_database(work)
    if as_json:
        print_json(report)
    else:
        for collision in report["collisions"]:
            say(f"{collision['email']}: {', '.join(collision['accounts'])}")
        say(
            f"{len(report['collisions'])} collision(s); "
            f"{len(report['not_normalised'])} email(s) not in normalised form; "
            f"{len(report['normalised'])} rewritten"
        )
    if report["collisions"]:
        raise typer.Exit(1)


async def _normalise(user: User) -> str:
    """The account's email rewritten in its normalised form (audited)."""
    previous = user.email
    await repository.update_user(user, email=normalise_email(previous))
    await record(
        AuditAction.EMAIL_NORMALISED,
        actor=operator().actor,
        target_type=USER_TARGET,
        target_id=user.id,
        details={"from": previous, "to": user.email},
    )
    return user.email


SESSION_COLUMNS = ("id", "created_at", "last_used_at", "ip", "user_agent")


@app.command()
def sessions(email: EmailArgument, as_json: JsonOption = False) -> None:
    """The account's live sessions (one per login), the most recently used first."""

    async def work(settings: Settings) -> list[dict[str, Any]]:
        user = await admin_service.user_by_email(email)
        tokens = await session_service.all_sessions(settings, user.id)
        return [SessionResponse.of(token, None).model_dump(mode="json") for token in tokens]

    documents = with_database(work)
    if as_json:
        print_json({"sessions": documents})
        return
    table = Table(*SESSION_COLUMNS)
    for document in documents:
        table.add_row(*(str(document[column] or "") for column in SESSION_COLUMNS))
    console.print(table)
    say(f"{len(documents)} session(s)")


@app.command("end-sessions")
def end_sessions(email: EmailArgument) -> None:
    """End every session of the account: its access tokens stop working on their next request."""

    async def work(_: Settings) -> int:
        user = await admin_service.user_by_email(email)
        actor = operator()
        return await session_service.end_sessions_of(user, actor=actor.actor, actor_id=None)

    revoked = with_database(work)
    say(f"ended every session of {email} ({revoked} refresh token(s) revoked)")
