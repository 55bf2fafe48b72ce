"""``archdoc validate``, ``show``, ``impact``, ``export`` and ``schema``."""


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


def _format_names() -> list[str]:
    from archdoc.export.registry import FORMAT_NAMES

    return list(FORMAT_NAMES)


def _load(config: str | None):  # type: ignore[no-untyped-def]
    from archdoc.project import load_project

    try:
        return load_project(config)
    except ArchdocError as exc:
        fail(exc, code=2)


def validate(
    config: ConfigOption = None,
    format: Annotated[
        ReportFormatChoice, typer.Option("--format", help="Report format.")
    ] = ReportFormatChoice.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    baseline: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option(
            "--baseline",
            help="Report and fail only on findings that are not in this baseline file.",
            show_default=False,
        ),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option(
            "--write-baseline",
            help="Record today's findings in this file (then exit 0).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the model and the ADRs. Exit code 0: clean; 1: errors found; 2: the model could not
    load."""
    from archdoc.project import validate_project
    from archdoc.validation.report import format_report

    project = _load(config)
    diagnostics = validate_project(project)
    if write_baseline is not None:
        from archdoc.validation.baseline import write_baseline as record

        try:
            count = record(write_baseline, diagnostics)
        except ArchdocError as exc:
            fail(exc, code=2)
        sys.stdout.write(format_report(diagnostics, format.value))
        typer.echo(
            f"archdoc: recorded {count} finding{'s' * (count != 1)} "
            f"in the baseline {write_baseline}",
            err=True,
        )
        raise typer.Exit(0)
    if baseline is not None:
        diagnostics = _without_baseline(diagnostics, baseline, format)
    else:
        sys.stdout.write(format_report(diagnostics, format.value))
    failing = {"error", "warning"} if strict else {"error"}
    raise typer.Exit(1 if any(d.severity in failing for d in diagnostics) else 0)


def _without_baseline(diagnostics: list, path: Path, format: ReportFormatChoice) -> list:  # type: ignore[type-arg]
    """Print the findings the baseline does not know; return them."""
    from archdoc.validation.baseline import apply_baseline, read_baseline
    from archdoc.validation.report import format_json, format_report

    try:
        result = apply_baseline(diagnostics, read_baseline(path))
    except ArchdocError as exc:
        fail(exc, code=2)
    if format is ReportFormatChoice.json:
        sys.stdout.write(format_json(result.new, extra={"baseline": {
            "file": str(path), "known": result.known, "fixed": len(result.fixed)}}))
    else:
        sys.stdout.write(format_report(result.new, format.value))
    note = (
        f"archdoc: {result.known} known finding{'s' * (result.known != 1)} "
        f"in the baseline {path} not shown"
    )
    if result.fixed:
        note += (f"; {len(result.fixed)} of its entries no longer found: update it with "
                 f"--write-baseline {path}")
    typer.echo(note, err=True)
    return result.new


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


def schema(
    diff: Annotated[
        bool, typer.Option("--diff", help="The schema of `archdoc diff --format json` instead.")
    ] = False,
) -> None:
    """The JSON Schema of `archdoc export --format json` (or, with --diff, of
    `archdoc diff --format json`)."""
    if diff:
        from archdoc.diff.document import diff_schema

        sys.stdout.write(diff_schema())
        return
    from archdoc.export import export_schema

    sys.stdout.write(export_schema())


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(show)
    app.command()(impact)
    app.command()(export)
    app.command()(schema)
