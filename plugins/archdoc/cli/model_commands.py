"""``archdoc validate``, ``show``, ``impact``, ``export`` and ``schema``."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from archdoc.cli.options import ConfigOption

from archdoc.errors import ArchdocError
from archdoc.cli.output import fail



class ReportFormatChoice(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ExportFormatChoice(str, Enum):
    json = "json"
    diagrams = "diagrams"


def _load(config: str | None):  # type: ignore[no-untyped-def]
    from archdoc.project import load_project

    try:
        return load_project(config)
    except ArchdocError as exc:
        fail(exc, code=2)


def validate(
    config: ConfigOption = None,
    format: Annotated[ReportFormatChoice, typer.Option("--format", help="Report format.")] = ReportFormatChoice.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Check the model and the ADRs. Exit code 0: clean; 1: errors found; 2: the model could not load."""
    from archdoc.project import validate_project
    from archdoc.validation.report import format_report

    project = _load(config)
    diagnostics = validate_project(project)
    sys.stdout.write(format_report(diagnostics, format.value))
    failing = {"error", "warning"} if strict else {"error"}
    raise typer.Exit(1 if any(d.severity in failing for d in diagnostics) else 0)


class ListFormatChoice(str, Enum):
    text = "text"
    json = "json"


FormatOption = Annotated[ListFormatChoice, typer.Option(
    "--format", help="text (tables on a terminal, tab-separated lines in a pipe) or json.")]


def show(
    id: Annotated[str, typer.Argument(help="The id of an element, deployment node or environment, "
                                           "e.g. shop.order-api.")],
    config: ConfigOption = None,
    format: FormatOption = ListFormatChoice.text,
) -> None:
    """An element: what it is, its relationships in and out, events, failure modes, deployments.
    A deployment node or an environment: what it holds and runs."""
    from archdoc.cli.views import show_element

    project = _load(config)
    try:
        show_element(project.workspace, id, format.value)
    except ArchdocError as exc:
        fail(exc, code=2)


def impact(
    id: Annotated[str, typer.Argument(help="The element that fails, e.g. shop.orders-db.")],
    config: ConfigOption = None,
    format: FormatOption = ListFormatChoice.text,
) -> None:
    """What breaks (or degrades) if this element fails, with the chain of dependencies."""
    from archdoc.cli.views import show_impact

    project = _load(config)
    try:
        show_impact(project.workspace, id, format.value)
    except ArchdocError as exc:
        fail(exc, code=2)


def export(
    config: ConfigOption = None,
    format: Annotated[ExportFormatChoice, typer.Option("--format", help="Export format.")] = ExportFormatChoice.json,
    environment: Annotated[
        Optional[str],  # noqa: UP007
        typer.Option("--environment", "-e", help="With --format diagrams: the environment to draw."),
    ] = None,
) -> None:
    """The whole workspace as JSON in a stable order (see `archdoc schema`), or the `diagrams`
    Python script that draws an environment's deployment view."""
    project = _load(config)
    if format is ExportFormatChoice.json:
        from archdoc.export import export_json

        sys.stdout.write(export_json(project.workspace, root=project.config.root))
        return
    from archdoc.errors import ReferenceNotFound
    from archdoc.render.deployment_diagram import deployment_script

    environments = [e.id for e in project.workspace.environments]
    if environment is None and len(environments) == 1:
        environment = environments[0]
    if environment not in environments:
        fail(ReferenceNotFound(
            f"no environment {environment!r}" if environment else "which environment? the model has "
            f"{len(environments)}",
            hint="pass --environment with one of: " + (", ".join(environments) or "(none declared)"),
        ), code=2)
    sys.stdout.write(deployment_script(project.workspace, environment, filename=environment).source)


def schema() -> None:
    """The JSON Schema of `archdoc export --format json`."""
    from archdoc.export import export_schema

    sys.stdout.write(export_schema())


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(show)
    app.command()(impact)
    app.command()(export)
    app.command()(schema)
