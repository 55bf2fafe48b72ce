"""``archdoc drift``: the model against the dependencies running systems show."""


import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from archdoc.cli.model_commands import ReportFormatChoice
from archdoc.cli.options import ConfigOption
from archdoc.cli.output import fail
from archdoc.errors import ArchdocError, ObservedError

FileList = Optional[list[Path]]  # noqa: UP007 - typer reads the annotation at run time


def drift(
    config: ConfigOption = None,
    jaeger: Annotated[
        FileList,
        typer.Option(
            "--jaeger",
            help="Jaeger /api/dependencies JSON (or Zipkin's dependency list); repeatable.",
        ),
    ] = None,
    servicegraph: Annotated[
        FileList,
        typer.Option(
            "--servicegraph",
            help="traces_service_graph_request_total as Prometheus text or a query API "
            "answer; repeatable.",
        ),
    ] = None,
    compose: Annotated[
        FileList,
        typer.Option(
            "--compose", help="A Docker Compose file; repeat to merge several as compose does."
        ),
    ] = None,
    format: Annotated[
        ReportFormatChoice, typer.Option("--format", help="Report format.")
    ] = ReportFormatChoice.text,
    min_calls: Annotated[
        Optional[int],  # noqa: UP007
        typer.Option(
            "--min-calls",
            min=0,
            help="Ignore observed pairs with fewer calls (default: observed.min_calls, or 0).",
        ),
    ] = None,
    suggest: Annotated[
        bool,
        typer.Option(
            "--suggest", help="Print the model code that declares each undeclared dependency."
        ),
    ] = False,
) -> None:
    """Compare the model with observed dependencies (the files given, else `observed:` of the
    configuration). Exit code 0: clean; 1: errors found; 2: the model or a source could not load."""
    from archdoc.config import load_config
    from archdoc.drift import ObservedFiles, compare, read_observations
    from archdoc.project import load_project
    from archdoc.validation.registry import RuleContext, run_rules

    try:
        settings = load_config(config)
        given = ObservedFiles.under(
            Path.cwd(), jaeger=jaeger or [], servicegraph=servicegraph or [], compose=compose or []
        )
        if given:
            project = load_project(config=settings.model_copy(update={"observed": None}))
            observations = read_observations(given)
        else:
            project = load_project(config=settings)
            if project.observations is None:
                raise ObservedError(
                    "no observed sources to compare the model with",
                    location=settings.location(),
                    hint="pass --jaeger, --servicegraph or --compose, or set `observed:` in the "
                         "archdoc plugin's options")
            observations = project.observations
    except ArchdocError as exc:
        fail(exc, code=2)
    if min_calls is None:
        min_calls = settings.observed.min_calls if settings.observed else 0
    report = compare(project.workspace, observations, min_calls=min_calls)
    context = RuleContext(config=project.config, workspace=project.workspace, drift=report)
    diagnostics = run_rules(context, scopes=["observed"])
    if suggest:
        _print_suggestions(project, report, format.value)
    else:
        sys.stdout.write(_report(diagnostics, report, format.value))
    raise typer.Exit(1 if any(d.severity == "error" for d in diagnostics) else 0)


def _report(diagnostics: list[Any], report: Any, fmt: str) -> str:
    from archdoc.validation.report import format_report

    text = format_report(diagnostics, fmt)  # type: ignore[arg-type]
    if fmt != "json":
        return text
    payload = json.loads(text)
    payload["dependencies"] = [_edge_json(e) for e in report.edges]
    payload["unmapped"] = [
        {"name": s.name, "calls": s.calls, "source": str(s.source),
         "candidates": list(s.match.candidates), "ambiguous": s.match.ambiguous}
        for s in report.unmapped]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _edge_json(edge: Any) -> dict[str, Any]:
    return {
        "source": edge.source_id, "destination": edge.destination_id, "status": edge.status,
        "calls": edge.calls,
        "observed": [{"client": e.pair.client, "server": e.pair.server,
                      "connection_type": e.pair.connection_type, "calls": e.pair.calls,
                      "via": e.via or None, "how": e.how,
                      "sources": [str(s) for s in e.pair.sources]} for e in edge.evidence],
    }


def _print_suggestions(project: Any, report: Any, fmt: str) -> None:
    from archdoc.drift.suggest import format_suggestions, suggest

    suggestions = suggest(project.workspace, report, package=project.config.model)
    if fmt == "json":
        sys.stdout.write(json.dumps([
            {"source": s.source_id, "destination": s.destination_id, "file": s.file,
             "imports": list(s.imports), "code": s.code, "comment": s.comment}
            for s in suggestions], indent=2, ensure_ascii=False) + "\n")
        return
    if not suggestions:
        typer.echo("archdoc: no undeclared dependencies, nothing to suggest", err=True)
        return
    sys.stdout.write(format_suggestions(suggestions))


def register(app: typer.Typer) -> None:
    app.command()(drift)
