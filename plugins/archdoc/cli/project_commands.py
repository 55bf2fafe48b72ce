"""``archdoc init``."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from archdoc.cli.output import fail
from archdoc.errors import ArchdocError


def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to create the workspace (created if missing).")
    ] = Path("."),
    name: Annotated[
        Optional[str],  # noqa: UP007 - typer reads the annotation at run time
        typer.Option("--name", help="The system's name (default: the directory's name)."),
    ] = None,
) -> None:
    """Create mkdocs.yml, docs/, adr/0001, a small model/ package and a CI workflow."""
    from archdoc.scaffold import scaffold

    try:
        result = scaffold(directory, name=name)
    except ArchdocError as exc:
        fail(exc, code=1)
    for path in result.files:
        typer.echo(f"created {path}")
    typer.echo(f"next: cd {directory} && archdoc validate && mkdocs serve")


def register(app: typer.Typer) -> None:
    """Add the project commands to ``app``."""
    app.command()(init)
