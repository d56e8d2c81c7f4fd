"""`alloy openapi export`: the OpenAPI 3.1 document the code describes."""

from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from quart import Quart

from alloy_api.app import create_app
from alloy_cli.common import console, load_settings, run

app = typer.Typer(help="The OpenAPI document.")


async def build_openapi_document(application: Quart) -> dict[str, Any]:
    async with application.app_context():
        return application.extensions["QUART_SCHEMA"].openapi_provider.schema()


@app.command()
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print (or write) the OpenAPI 3.1 document as JSON."""
    openapi_document = run(build_openapi_document(create_app(load_settings())))
    document = orjson.dumps(
        openapi_document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
    ).decode()
    if output is None:
        typer.echo(document)
        return
    output.write_text(document + "\n", encoding="utf-8")
    console.print(f"wrote {output}")
