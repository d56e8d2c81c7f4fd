"""The `alloy` command: serve, migrate, operate and check the API."""

import typer

from alloy_cli import (
    audit,
    cache,
    client,
    contracts,
    db,
    idempotency,
    loadtest,
    maintenance,
    openapi,
    scoring,
    synthetic,
    twofa,
    users,
)
from alloy_cli.doctor import doctor
from alloy_cli.seed import seed
from alloy_cli.serve import serve

app = typer.Typer(
    help=(
        "Alloy operations: serve, migrate, manage accounts, the audit log and the scoring config,"
        " check the setup and the contract, load-test.\n\n"
        "Exit codes of every command:\n\n"
        "* `0`: done;\n"
        "* `1`: refused or failed, with a one-line reason on stderr; also 'nothing to do' when a"
        " command that names one change finds it already made (nothing is changed or audited);\n"
        "* `2`: usage: an unknown command or option, or a value it does not take.\n\n"
        "Listings take `--json` (one JSON document, stable field names); tables keep whole lines"
        " when the output is not a terminal."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
)
app.command()(serve)
app.command()(seed)
app.command()(doctor)
app.add_typer(db.app, name="db")
app.add_typer(openapi.app, name="openapi")
app.add_typer(client.app, name="client")
app.add_typer(contracts.app, name="contracts")
app.add_typer(loadtest.app, name="loadtest")
app.add_typer(users.app, name="users")
app.add_typer(twofa.app, name="2fa")
app.add_typer(cache.app, name="cache")
app.add_typer(idempotency.app, name="idempotency")
app.add_typer(maintenance.app, name="maintenance")
app.command()(synthetic.synthetic)
app.add_typer(audit.app, name="audit")
app.add_typer(scoring.app, name="scoring")

if __name__ == "__main__":
    app()
