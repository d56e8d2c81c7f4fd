"""`alloy 2fa`: enrol an account in TOTP, show its state, reset it. Changes are audit-logged."""

import io
from typing import Annotated

import qrcode
import typer

from alloy_api.auth import admin_service, two_factor
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console

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
def status(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Whether 2FA is enabled or pending, and how many recovery codes are left."""

    async def work(_: Settings) -> str:
        state = await two_factor.status(await admin_service.user_by_email(email))
        if state.enabled:
            return f"enabled; {state.recovery_codes_remaining} recovery code(s) left"
        return "enrolment pending" if state.enrolment_pending else "not enabled"

    console.print(f"{email}: {with_database(work)}")


@app.command()
def reset(
    email: Annotated[str, typer.Argument(help="The account's email.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove 2FA from an account (its owner must enrol again)."""
    if not yes:
        typer.confirm(f"Remove 2FA from {email}?", abort=True)

    async def work(_: Settings) -> None:
        await two_factor.reset(await admin_service.user_by_email(email), actor=operator().actor)

    with_database(work)
    console.print(f"2FA removed from {email}")
