"""``archdoc new-adr`` and ``archdoc adr new|list|show|status|link``: thin shells over
archdoc.adr."""


import json
import os
import shlex
import subprocess
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from archdoc.cli.options import ConfigOption

from archdoc.errors import AdrError
from archdoc.source import relative_to_cwd

if TYPE_CHECKING:
    from archdoc.adr import Adr, AdrLog
    from archdoc.config import ArchdocConfig
    from archdoc.model.workspace import Workspace

__all__ = ["register", "adr_app"]

DirOption = Annotated[
    Optional[str],  # noqa: UP007
    typer.Option("--dir", help="The ADR directory (default: configured, or found).",
                 show_default=False),
]


class TemplateChoice(str, Enum):
    madr = "madr"
    nygard = "nygard"
    y_statement = "y-statement"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class LinkChoice(str, Enum):
    supersedes = "supersedes"
    amends = "amends"
    relates = "relates"


adr_app = typer.Typer(
    name="adr", help="The decision log: list, show, change status, link.",
    no_args_is_help=True, rich_markup_mode=None,
)


def _config(path: str | None) -> "ArchdocConfig":
    from archdoc.config import load_config

    return load_config(path, missing_ok=True)


def _workspace(config: "ArchdocConfig") -> "Workspace":
    try:
        from archdoc.project import load_workspace_for  # type: ignore[attr-defined]
    except ImportError:
        from archdoc.loader import load_workspace as load_workspace_for
    return load_workspace_for(config)  # type: ignore[no-any-return]


def _names(values: list[str] | None) -> list[str]:
    return [n.strip() for v in values or [] for n in v.split(",") if n.strip()]


def _open_editor(path: Path) -> None:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        typer.echo("warning: --edit: set $VISUAL or $EDITOR to open the new record", err=True)
        return
    try:
        subprocess.run([*shlex.split(editor), str(path)], check=False)  # noqa: S603
    except OSError as exc:
        raise AdrError(f"cannot start the editor {editor!r}: {exc.strerror}",
                       hint="check $VISUAL / $EDITOR") from None


def new_adr(
    title: Annotated[str, typer.Argument(help="The decision, e.g. 'Use PostgreSQL for orders'.")],
    template: Annotated[
        Optional[TemplateChoice],  # noqa: UP007
        typer.Option(
            "--template",
            "-t",
            help="madr (MADR 4, the default), nygard or y-statement.",
            show_default=False,
        ),
    ] = None,
    status: Annotated[str, typer.Option("--status", help="Initial status.")] = "proposed",
    supersedes: Annotated[
        Optional[list[int]],  # noqa: UP007
        typer.Option(
            "--supersedes", "-s", help="Number of an ADR this one supersedes (repeatable)."
        ),
    ] = None,
    amends: Annotated[
        Optional[list[int]],  # noqa: UP007
        typer.Option(
            "--amends", help="Number of an ADR this one amends (repeatable)."
        ),
    ] = None,
    relates: Annotated[
        Optional[list[int]],  # noqa: UP007
        typer.Option(
            "--relates", help="Number of a related ADR (repeatable)."
        ),
    ] = None,
    affects: Annotated[
        Optional[list[str]],  # noqa: UP007
        typer.Option(
            "--affects", help="Id of a model element this decision changes (repeatable)."
        ),
    ] = None,
    deciders: Annotated[
        Optional[list[str]],  # noqa: UP007
        typer.Option(
            "--deciders", help="Who decides: names separated by commas (repeatable)."
        ),
    ] = None,
    date: Annotated[
        Optional[str],  # noqa: UP007
        typer.Option(
            "--date", help="The decision date, YYYY-MM-DD (default: today)."
        ),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the record in $VISUAL/$EDITOR.")
    ] = False,
    dir: DirOption = None,
    config: ConfigOption = None,
) -> None:
    """Write a new ADR with the next free number and print its path."""
    import datetime as dt

    when = None
    if date is not None:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            raise AdrError(f"--date {date!r} is not a date in the form YYYY-MM-DD",
                           hint="write e.g. --date 2024-01-31") from None
    from archdoc.adr import NewAdr, create_adr

    cfg = _config(config)
    ids = _names(affects)
    workspace = _workspace(cfg) if ids else None
    record = create_adr(
        cfg,
        NewAdr(title=title, template=template.value if template else None, status=status,
               supersedes=list(supersedes or []), amends=list(amends or []),
               relates=list(relates or []), affects=ids, deciders=_names(deciders), date=when),
        directory=dir, workspace=workspace,
    )
    _say_where(cfg)
    typer.echo(_path_from_here(record.file))
    if edit:
        _open_editor(record.file)


def _path_from_here(path: Path) -> str:
    """``path`` relative to the working directory, ``../adr/0003-x.md`` included, so that the
    printed path opens from where the command ran (``$EDITOR "$(archdoc new-adr ...)"``)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _say_where(config: "ArchdocConfig") -> None:
    """When the project was found above the working directory, say so (on stderr)."""
    here = Path.cwd().resolve()
    if config.root.resolve() == here:
        return
    found = f" (found {_path_from_here(config.config_file)})" if config.config_file else \
        " (found .adr-dir)"
    typer.echo(f"archdoc: the project is {_path_from_here(config.root)}{found}; "
               "its decision log is used", err=True)


def _log(config: str | None, dir: str | None) -> "AdrLog":
    from archdoc.adr import load_log

    log = load_log(_config(config), directory=dir)
    for warning in log.warnings:
        typer.echo(f"{warning.location}: warning: {warning.message}", err=True)
    return log


def _record_json(log: "AdrLog", record: "Adr") -> dict[str, Any]:
    return {
        "number": record.number, "id": record.id, "title": record.title,
        "status": record.status, "date": record.date.isoformat() if record.date else None,
        "deciders": record.deciders, "affects": record.affects, "tags": record.tags,
        "links": [{"type": lk.kind, "target": lk.target, "declared": lk.declared}
                  for lk in log.links(record.number)],
        "file": relative_to_cwd(str(record.file)), "format": record.format,
        "problem": record.problem or None,
    }


@adr_app.command("list")
def list_adrs(
    status: Annotated[Optional[str], typer.Option(  # noqa: UP007
        "--status", help="Only records with this status.")] = None,
    format: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.text,
    dir: DirOption = None,
    config: ConfigOption = None,
) -> None:
    """The decision log: number, status, date and title of each record."""
    from archdoc.adr import normalise_status

    log = _log(config, dir)
    records = [r for r in log if status is None or r.status == normalise_status(status)]
    if format is ListFormat.json:
        typer.echo(json.dumps([_record_json(log, r) for r in records], indent=2,
                              ensure_ascii=False))
        return
    width = max((len(r.status) for r in records), default=6)
    for r in records:
        day = r.date.isoformat() if r.date else "-" * 10
        typer.echo(f"{r.id}  {r.status:<{width}}  {day}  {r.title}")


@adr_app.command("show")
def show_adr(
    number: Annotated[int, typer.Argument(help="The ADR number.")],
    dir: DirOption = None,
    config: ConfigOption = None,
) -> None:
    """One record: its fields, its links in both directions, and its text."""
    log = _log(config, dir)
    record = log.require(number)
    typer.echo(f"ADR-{record.id}: {record.title}")
    if record.problem:
        typer.echo(f"problem:  {record.problem} ({relative_to_cwd(str(record.file))}:"
                   f"{record.problem_line or 1}); archdoc will not change this record")
    typer.echo(f"status:   {record.status}")
    typer.echo(f"date:     {record.date.isoformat() if record.date else record.date_text or '-'}")
    if record.deciders:
        typer.echo(f"deciders: {', '.join(record.deciders)}")
    if record.affects:
        typer.echo(f"affects:  {', '.join(record.affects)}")
    for lk in log.links(record.number):
        other = log.get(lk.target) if lk.target is not None else None
        name = f"ADR-{other.id} {other.title}" if other else (lk.href or f"ADR {lk.target}")
        typer.echo(f"{lk.kind.replace('-', ' ')}: {name}")
    typer.echo(f"file:     {relative_to_cwd(str(record.file))}")
    typer.echo("")
    typer.echo(record.body.rstrip("\n"))


@adr_app.command("status")
def set_status(
    number: Annotated[int, typer.Argument(help="The ADR number.")],
    status: Annotated[str, typer.Argument(help="The new status, e.g. accepted.")],
    dir: DirOption = None,
    config: ConfigOption = None,
) -> None:
    """Change a record's status, following the lifecycle (only the status line changes)."""
    from archdoc.adr import change_status

    before, after = change_status(_config(config), number, status, directory=dir)
    typer.echo(f"{relative_to_cwd(str(after.file))}: {before.status} -> {after.status}")


@adr_app.command("link")
def link(
    source: Annotated[int, typer.Argument(help="The ADR that supersedes / amends / relates.")],
    target: Annotated[int, typer.Argument(help="The ADR it links to.")],
    type: Annotated[
        LinkChoice, typer.Option("--type", help="The kind of link.")
    ] = LinkChoice.relates,
    dir: DirOption = None,
    config: ConfigOption = None,
) -> None:
    """Link two records, writing both files (``A supersedes B`` also marks B superseded)."""
    from archdoc.adr import link_adrs

    first, second = link_adrs(_config(config), source, target, type.value, directory=dir)
    typer.echo(f"ADR-{first.id} {type.value} ADR-{second.id}")


def register(app: typer.Typer) -> None:
    """Add ``new-adr`` and the ``adr`` group to ``app``."""
    app.command("new-adr")(new_adr)
    adr_app.command("new")(new_adr)
    app.add_typer(adr_app, name="adr")
