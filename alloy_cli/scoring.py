"""`alloy scoring`: the generator's scoring config: show it, list its versions, publish one,
activate an earlier one. Every change is audit-logged."""

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from alloy_api.scoring import service
from alloy_api.scoring.models import ScoringConfigVersion
from alloy_api.scoring.schemas import ScoringConfigRequest, ScoringConfigResponse
from alloy_api.settings import Settings
from alloy_cli.accounts import operator, with_database
from alloy_cli.common import JSON_OPTION_HELP, console, fail, nothing_to_do, print_json, say

app = typer.Typer(
    help="The scoring config programs are generated with: show, history, set, activate.",
    no_args_is_help=True,
)
JsonOption = Annotated[bool, typer.Option("--json", help=JSON_OPTION_HELP)]


def config_document(config: ScoringConfigVersion) -> dict[str, Any]:
    """The version as `GET /v1/admin/scoring_config` shows it (same field names)."""
    return ScoringConfigResponse.from_model(config).model_dump(mode="json")


RANGE_FIELDS = ("sets_min", "sets_max", "reps_min", "reps_max")


def _ranges_table(document: dict[str, Any]) -> Table:
    table = Table("role", *RANGE_FIELDS)
    for role, limits in document["set_rep_ranges"].items():
        table.add_row(role, *(str(limits[name]) for name in RANGE_FIELDS))
    return table


@app.command()
def show(as_json: JsonOption = False) -> None:
    """The active version: its weights and its set and rep ranges per exercise role."""

    async def work(_: Settings) -> dict[str, Any]:
        return config_document(await service.get_active_config())

    document = with_database(work)
    if as_json:
        print_json(document)
        return
    say(
        f"version {document['version']} (active), by {document['author']}"
        f" at {document['created_at']}"
    )
    weights = Table("weight", "value")
    for name, value in document["weights"].items():
        weights.add_row(name, f"{value:g}")
    console.print(weights)
    console.print(_ranges_table(document))


@app.command()
def history(
    limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Every version, newest first, and which one is active."""

    async def work(_: Settings) -> list[dict[str, Any]]:
        return [config_document(config) for config in await service.version_history(limit)]

    documents = with_database(work)
    if as_json:
        print_json({"versions": documents})
        return
    table = Table("version", "active", "author", "created_at")
    for document in documents:
        table.add_row(
            str(document["version"]),
            "yes" if document["is_active"] else "",
            document["author"],
            document["created_at"],
        )
    console.print(table)
    say(f"{len(documents)} version(s)")


def read_config_file(path: Path) -> ScoringConfigRequest:
    """A JSON file with `weights` and `set_rep_ranges` (what `show --json` prints will do)."""
    try:
        return ScoringConfigRequest.model_validate_json(path.read_bytes())
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']) or 'body'}: {item['msg']}"
            for item in error.errors(include_url=False)
        )
        fail(f"{path} is not a valid scoring config: {problems}")


@app.command("set")
def set_config(
    file: Annotated[
        Path, typer.Argument(help="JSON with weights and set_rep_ranges, as show --json prints.")
    ],
) -> None:
    """Publish the file as a new version and make it active; audited.

    A file equal to the active version is "nothing to do" (exit 1, no new version).
    """
    request = read_config_file(file)

    async def work(_: Settings) -> int | None:
        active = await service.get_active_config()
        if service.same_settings(active, request):
            return None
        return (await service.publish_version(operator(), request)).version

    version = with_database(work)
    if version is None:
        nothing_to_do(f"{file} has the settings of the active version")
    say(f"published scoring config version {version}; it is now the active one")


@app.command()
def activate(version: Annotated[int, typer.Argument(help="The version number to use.")]) -> None:
    """Make an existing version the active one again (programs generated next use it); audited."""

    async def work(_: Settings) -> bool:
        if (await service.config_version(version)).is_active:
            return False
        await service.activate_version(operator(), version)
        return True

    if not with_database(work):
        nothing_to_do(f"version {version} is already the active one")
    say(f"scoring config version {version} is now the active one")
