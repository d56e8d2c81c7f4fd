"""The `alloy` command: serve, migrate, export and check the API."""

import typer

from alloy_cli import (
    cache,
    contracts,
    db,
    idempotency,
    loadtest,
    maintenance,
    openapi,
    synthetic,
    twofa,
    users,
)
from alloy_cli.seed import seed
from alloy_cli.serve import serve

app = typer.Typer(
    help="Alloy operations: serve, migrate, export and check the contract, load-test.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command()(serve)
app.command()(seed)
app.add_typer(db.app, name="db")
app.add_typer(openapi.app, name="openapi")
app.add_typer(contracts.app, name="contracts")
app.add_typer(loadtest.app, name="loadtest")
app.add_typer(users.app, name="users")
app.add_typer(twofa.app, name="2fa")
app.add_typer(cache.app, name="cache")
app.add_typer(idempotency.app, name="idempotency")
app.add_typer(maintenance.app, name="maintenance")
app.command()(synthetic.synthetic)

if __name__ == "__main__":
    app()
