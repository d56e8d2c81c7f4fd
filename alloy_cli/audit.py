"""`alloy audit list`: the audit log, newest first, filtered by action, actor and time."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from alloy_api.audit.schemas import AuditEventResponse
from alloy_api.audit.service import recent_events
from alloy_api.auth import admin_service
from alloy_api.settings import Settings
from alloy_cli.accounts import with_database
from alloy_cli.common import JSON_OPTION_HELP, console, print_json, say

app = typer.Typer(help="The audit log of security events and admin changes.", no_args_is_help=True)

RELATIVE_AGE = re.compile(r"(\d+)([mhd])")
AGE_UNITS = {"m": "minutes", "h": "hours", "d": "days"}
COLUMNS = ("created_at", "action", "outcome", "actor", "target", "ip", "details")


def parse_since(text: str, now: datetime) -> datetime:
    """`30m`, `24h`, `7d` before `now`, or an ISO 8601 date or datetime (UTC unless it says)."""
    relative = RELATIVE_AGE.fullmatch(text.strip())
    if relative:
        amount, unit = relative.groups()
        return now - timedelta(**{AGE_UNITS[unit]: int(amount)})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise typer.BadParameter(
            f"{text!r} is neither an age (30m, 24h, 7d) nor an ISO 8601 date or time"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ActorFilter:
    """An actor as stored (`cli:alice`, `user:<id>`), or an account's email (its events)."""

    text: str

    @property
    def is_email(self) -> bool:
        return "@" in self.text and ":" not in self.text

    async def criteria(self) -> dict[str, Any]:
        if self.is_email:
            user = await admin_service.user_by_email(self.text)
            return {"actor_id": user.id}
        return {"actor": self.text}


def _target(event: dict[str, Any]) -> str:
    if event["target_type"] is None:
        return ""
    return f"{event['target_type']}:{event['target_id'] or ''}"


def events_table(events: list[dict[str, Any]]) -> Table:
    table = Table(*COLUMNS)
    for event in events:
        table.add_row(
            event["created_at"],
            event["action"],
            event["outcome"],
            event["actor"],
            _target(event),
            event["ip"] or "",
            orjson.dumps(event["details"], option=orjson.OPT_SORT_KEYS).decode(),
        )
    return table


@app.command("list")
def list_events(
    action: Annotated[
        str | None, typer.Option(help="Only this action (login_failed, role_granted, ...).")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(help="Only events by this actor: cli:<os user>, user:<id>, or an email."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only events since: an age (30m, 24h, 7d) or an ISO 8601 date/time."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)] = False,
) -> None:
    """The newest audit events (newest first) that match every filter given."""
    since_moment = parse_since(since, datetime.now(UTC)) if since else None

    async def work(_: Settings) -> list[dict[str, Any]]:
        criteria = await ActorFilter(actor).criteria() if actor else {}
        events = await recent_events(limit=limit, action=action, since=since_moment, **criteria)
        return [AuditEventResponse.from_model(event).model_dump(mode="json") for event in events]

    events = with_database(work)
    if as_json:
        print_json({"events": events})
        return
    console.print(events_table(events))
    say(f"{len(events)} event(s), newest first" + (f" (at most {limit})" if events else ""))
