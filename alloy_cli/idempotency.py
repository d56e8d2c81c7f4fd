"""`alloy idempotency`: the kept outcomes of `Idempotency-Key` requests."""

from typing import Annotated

import typer

from alloy_api.audit.service import AuditAction, record
from alloy_api.idempotency.service import prune as prune_outcomes
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import console

app = typer.Typer(help="Idempotency keys kept in the database.", no_args_is_help=True)


@app.command()
def prune(
    older_than: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Prune outcomes older than this many seconds "
            "(default: ALLOY_IDEMPOTENCY_TTL_SECONDS, 24 h).",
        ),
    ] = None,
) -> None:
    """Delete kept outcomes older than their retention; audited. Serving processes also do it
    every ALLOY_IDEMPOTENCY_PRUNE_INTERVAL_SECONDS."""

    async def work(settings: Settings) -> tuple[int, int]:
        seconds = settings.idempotency_ttl_seconds if older_than is None else older_than
        pruned = await prune_outcomes(seconds)
        await record(
            AuditAction.IDEMPOTENCY_KEYS_PRUNED,
            actor=operator().actor,
            details={"older_than_seconds": seconds, "pruned": pruned},
        )
        return pruned, seconds

    pruned, seconds = with_database(work)
    if pruned:
        console.print(f"pruned {pruned} idempotency key(s) older than {seconds} s", highlight=False)
    else:
        console.print(f"nothing to prune: no idempotency key is older than {seconds} s")
