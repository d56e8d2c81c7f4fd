"""`alloy 2fa`: enrol an account in TOTP, show its state, reset it. Changes are audit-logged."""

import io
from typing import Annotated

import qrcode
import typer

from alloy_api.auth import admin_service, two_factor
from alloy_api.auth.schemas import TwoFactorStatusResponse
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import JSON_OPTION_HELP, console, nothing_to_do, print_json, say

app = typer.Typer(help="TOTP two-factor authentication of an account.", no_args_is_help=True)


def terminal_qr_code(text: str) -> str:
    code = qrcode.QRCode(border=1)
    code.add_data(text)
    drawing = io.StringIO()
    code.print_ascii(out=drawing, invert=True)
    return drawing.getvalue()


@app.command()
def enrol(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    code: Annotated[
        str | None,
        typer.Option(help="The first code from the app: finishes the enrolment and enables 2FA."),
    ] = None,
) -> None:
    """Start an enrolment (prints the otpauth URI and a QR code), or finish it with --code."""

    async def start(settings: Settings) -> str:
        user = await admin_service.user_by_email(email)
        enrolment = await two_factor.start_enrolment(settings, user, actor=operator().actor)
        return enrolment.otpauth_uri

    async def finish(settings: Settings) -> list[str]:
        user = await admin_service.user_by_email(email)
        return await two_factor.confirm_enrolment(
            settings, user, code or "", actor=operator().actor
        )

    if code is not None:
        recovery_codes = with_database(finish)
        console.print("2FA is enabled. Recovery codes (each works once; store them now):")
        console.print("\n".join(recovery_codes), highlight=False)
        return
    uri = with_database(start)
    console.print(uri, highlight=False, soft_wrap=True)
    console.print(terminal_qr_code(uri), highlight=False)
    console.print(f"Scan it, then run: alloy 2fa enrol {email} --code <6 digits>")


@app.command()
def status(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """Whether 2FA is enabled or pending, and how many recovery codes are left."""

    async def work(_: Settings) -> TwoFactorStatusResponse:
        return await two_factor.status(await admin_service.user_by_email(email))

    state = with_database(work)
    if as_json:
        print_json({"email": email.strip().lower(), **state.model_dump(mode="json")})
    elif state.enabled:
        say(f"{email}: enabled; {state.recovery_codes_remaining} recovery code(s) left")
    else:
        say(f"{email}: {'enrolment pending' if state.enrolment_pending else 'not enabled'}")


@app.command()
def reset(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove 2FA (or a pending enrolment) from an account; its owner must enrol again.

    An account without either is "nothing to do" (exit 1, nothing audited).
    """

    async def current(_: Settings) -> TwoFactorStatusResponse:
        return await two_factor.status(await admin_service.user_by_email(email))

    state = with_database(current)
    if not state.enabled and not state.enrolment_pending:
        nothing_to_do(f"{email} has no 2FA and no pending enrolment")
    if not yes:
        typer.confirm(f"Remove 2FA from {email}?", abort=True)

    async def work(_: Settings) -> None:
        await two_factor.reset(await admin_service.user_by_email(email), actor=operator().actor)

    with_database(work)
    removed = "2FA" if state.enabled else "the pending 2FA enrolment"
    say(f"{removed} removed from {email}; it can sign in with its password alone until it enrols")
