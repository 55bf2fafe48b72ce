"""``archdoc validate``, ``show``, ``impact``, ``export`` and ``schema``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from archdoc.cli.options import ConfigOption

from archdoc.errors import ArchdocError
from archdoc.cli.output import fail



class ReportFormatChoice(str, Enum):
    text = "text"
    json = "json"
    github = "github"


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


def show(
    id: Annotated[str, typer.Argument(help="The element id, e.g. shop.order-api.")],
    config: ConfigOption = None,
) -> None:
    """An element: what it is, its relationships in and out, events and failure modes."""
    from archdoc.cli.views import show_element

    project = _load(config)
    try:
        show_element(project.workspace, id)
    except ArchdocError as exc:
        fail(exc, code=2)


def impact(
    id: Annotated[str, typer.Argument(help="The element that fails, e.g. shop.orders-db.")],
    config: ConfigOption = None,
) -> None:
    """What breaks (or degrades) if this element fails, with the chain of dependencies."""
    from archdoc.cli.views import show_impact

    project = _load(config)
    try:
        show_impact(project.workspace, id)
    except ArchdocError as exc:
        fail(exc, code=2)


def export(
    config: ConfigOption = None,
    format: Annotated[str, typer.Option(
        "--format", help="Export format: " + ", ".join(_format_names()) + ".")] = "json",
    view: Annotated[
        Optional[str],  # noqa: UP007
        typer.Option("--view", help="For a per-view format: only this view (by key), to stdout."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option("--output", "-o", help="A file (one-document formats) or a directory (one "
                     "file per view)."),
    ] = None,
    environment: Annotated[
        Optional[str],  # noqa: UP007
        typer.Option("--environment", "-e", help="With --format diagrams: the environment to draw "
                     "(the same as --view deployment:ENV)."),
    ] = None,
) -> None:
    """The model and its views in another tool's format. One-document formats (json,
    structurizr, likec4, backstage) go to stdout or -o FILE; per-view formats (plantuml,
    mermaid, d2, dot, diagrams) write one file per view into -o DIR, or the view named by
    --view to stdout. What a format cannot carry is said once on stderr."""
    from archdoc.cli.files import write_export
    from archdoc.export.registry import export_format
    from archdoc.export.run import run_export

    fmt = export_format(format)
    if fmt is None:
        fail(ArchdocError(f"unknown export format {format!r}",
                          hint="formats: " + ", ".join(_format_names())), code=2)
    project = _load(config)
    if environment is not None:
        view = f"deployment:{environment}"
    elif fmt.name == "diagrams" and view is None and output is None:
        environments = [e.id for e in project.workspace.environments]
        if len(environments) == 1:
            view = f"deployment:{environments[0]}"
    try:
        if fmt.per_view and view is None and output is None:
            raise ArchdocError(
                f"--format {fmt.name} writes one file per view",
                hint="pass -o DIR for every view, or --view KEY for one on stdout "
                     "(`archdoc views` lists the keys)")
        result = run_export(project.workspace, fmt, root=project.config.root, view=view)
        write_export(result, output)
    except ArchdocError as exc:
        fail(exc, code=2)
    for text in result.dropped:
        typer.echo(f"archdoc export: {fmt.name} cannot carry: {text}", err=True)


def _format_names() -> list[str]:
    from archdoc.export.registry import FORMATS

    return list(FORMATS)


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
