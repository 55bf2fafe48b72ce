"""``archdoc views``: every view of the model, by key."""


import json
import sys
from enum import Enum
from typing import Annotated

import typer

from archdoc.cli.options import ConfigOption

__all__ = ["register"]


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def views(
    config: ConfigOption = None,
    format: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.text,
) -> None:
    """Every view: its key (for ```archdoc blocks and `export --view`), kind, how many elements
    and relationships it draws, and its title. Piped text is tab-separated."""
    from archdoc.cli.model_commands import _load
    from archdoc.views import ViewIndex

    project = _load(config)
    summaries = ViewIndex(project.workspace).summaries()
    if format is ListFormat.json:
        payload = [{"key": s.key, "kind": s.kind, "title": s.title, "elements": s.elements,
                    "relationships": s.relationships} for s in summaries]
        sys.stdout.write(json.dumps({"views": payload}, indent=2, ensure_ascii=False) + "\n")
        return
    rows = [(s.key, s.kind, str(s.elements), str(s.relationships), s.title) for s in summaries]
    if not sys.stdout.isatty():
        sys.stdout.write("".join("\t".join(row) + "\n" for row in rows))
        return
    header = ("KEY", "KIND", "ELEMENTS", "RELATIONSHIPS", "TITLE")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) if i < 2 else row[i].rjust(widths[i]) for i in range(4)]
        sys.stdout.write("  ".join(cells) + "  " + row[4] + "\n")


def register(app: typer.Typer) -> None:
    app.command()(views)
