"""``archdoc import structurizr`` and ``archdoc import backstage``."""


from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from archdoc.cli.output import fail
from archdoc.errors import ArchdocError

if TYPE_CHECKING:
    from archdoc.importers import ImportResult

import_app = typer.Typer(
    name="import",
    help="Write a model package from a Structurizr workspace or Backstage catalog files.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class IdsChoice(str, Enum):
    dsl = "dsl"
    names = "names"


OutputOption = Annotated[
    Path,
    typer.Option("--output", "-o", metavar="DIR",
                 help="The package directory to write; no file in it is ever overwritten."),
]


def _site_configuration(result: "ImportResult", output: Path) -> dict[str, str]:
    """A ``mkdocs.yml`` beside the package when the project has no configuration yet, so that
    ``archdoc validate`` and ``mkdocs build`` work at once (an existing one is never touched)."""
    from archdoc.config import find_project

    root = output.resolve().parent
    _, found = find_project(root)
    if found is not None:
        return {}
    name = result.plan.name.replace("\\", "\\\\").replace('"', '\\"') or "Architecture"
    options = "" if output.name == "model" else f"\n      model: {output.name}"
    return {
        "mkdocs.yml": f'site_name: "{name}"\nplugins:\n  - search\n  - archdoc:{options or " {}"}\n'
    }


def _write(result: "ImportResult", output: Path) -> None:
    from archdoc.importers import write_package
    from archdoc.importers.output import write_files

    config = _site_configuration(result, output)
    try:
        written = write_package(result, output)
        if config:
            written += write_files(output.parent, config)
    except ArchdocError as exc:
        fail(exc, code=1)
    for path in written:
        typer.echo(f"created {path}")
    for notice in result.notices:
        typer.echo(str(notice), err=True)
    count = len(result.notices)
    summary = (f"archdoc: {count} note{'s' if count != 1 else ''} above on what was not carried "
               "over" if count else "archdoc: everything was carried over")
    typer.echo(summary, err=True)
    if config or output.name == "model":
        typer.echo("next: archdoc validate", err=True)
    else:
        typer.echo(f"next: archdoc validate (with `model: {output.name}` under the archdoc plugin "
                   "of mkdocs.yml, if it reads another package)", err=True)


@import_app.command("structurizr")
def structurizr(
    file: Annotated[Path, typer.Argument(
        help="A Structurizr DSL file (.dsl) or JSON workspace (.json).", metavar="FILE")],
    output: OutputOption = Path("model"),
    ids: Annotated[
        IdsChoice,
        typer.Option("--ids", help="dsl: keep the DSL identifiers as element ids (id=...) where "
                     "they differ from the names; names: derive every id from the names."),
    ] = IdsChoice.dsl,
) -> None:
    """Import a Structurizr workspace: elements, groups, relationships, deployment, views,
    styles."""
    from archdoc.importers import import_structurizr

    try:
        result = import_structurizr(file, keep_ids=ids is IdsChoice.dsl)
    except ArchdocError as exc:
        fail(exc, code=1)
    _write(result, output)


@import_app.command("backstage")
def backstage(
    files: Annotated[list[Path], typer.Argument(
        help="Catalog descriptor files (catalog-info.yaml).", metavar="FILE")],
    output: OutputOption = Path("model"),
) -> None:
    """Import Backstage catalog entities: System, Component, Resource, API, Domain, Group."""
    from archdoc.importers import import_backstage

    try:
        result = import_backstage(list(files))
    except ArchdocError as exc:
        fail(exc, code=1)
    _write(result, output)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
