"""``archdoc show`` and ``archdoc impact`` on the terminal, in a pipe, or as JSON.

On a terminal the facts are rich tables (wrapped, never cut, user text never read as markup).
Anywhere else (a pipe, a file, CI) the output is for scripts: tab-separated lines with every id
whole, no box characters, no padding. ``--format json`` prints the mapping the others are drawn
from (:mod:`archdoc.render.summary`).
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from archdoc.analysis.graph import DependencyGraph
from archdoc.model.workspace import Workspace
from archdoc.render.summary import describe, impact_summary

__all__ = ["show_element", "show_impact", "render_show", "render_impact"]

_FACTS = [("kind", "kind_label"), ("description", "description"), ("technology", "technology"),
          ("environment", "environment"), ("parent", "parent"), ("owner", "owner"),
          ("data owner", "data_owner"), ("external", "external"), ("instances", "instances"),
          ("tags", "tags"), ("declared at", "declared_at")]
_TABLES = [
    ("Contains", "contains", ["id", "kind", "technology", "description"]),
    ("Runs", "runs", ["container", "node", "instances"]),
    ("Deployed on", "deployed_on", ["environment", "node", "instances"]),
    (
        "Uses",
        "uses",
        ["element", "description", "technology", "operation", "interaction", "criticality"],
    ),
    (
        "Used by",
        "used_by",
        ["element", "description", "technology", "operation", "interaction", "criticality"],
    ),
    ("Events", "events", ["event", "role", "reason"]),
    ("Failure modes", "failure_modes", ["impact", "mitigation", "fallback"]),
]


def show_element(
    workspace: Workspace, id: str, fmt: str = "text", out: TextIO | None = None
) -> None:
    render_show(describe(workspace, id), fmt, out or sys.stdout)


def show_impact(
    workspace: Workspace, id: str, fmt: str = "text", out: TextIO | None = None
) -> None:
    render_impact(impact_summary(DependencyGraph(workspace), id), fmt, out or sys.stdout)


def _terminal(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def _text(value: Any) -> str:
    """A value on one line: lists joined, ``None`` and ``False`` empty, whitespace runs (tabs and
    line breaks in user text) one space."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return " ".join(str(value).split())


def _facts(data: dict[str, Any]) -> list[tuple[str, str]]:
    facts = [(label, _text(data.get(key))) for label, key in _FACTS if key in data]
    facts += [(str(k), _text(v)) for k, v in data.get("properties", {}).items()]
    return [(k, v) for k, v in facts if v]


def render_show(
    data: dict[str, Any], fmt: str, out: TextIO, *, terminal: bool | None = None
) -> None:
    if fmt == "json":
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    tables = [(title, columns, [[_text(row.get(c)) for c in columns] for row in data[key]])
              for title, key, columns in _TABLES if data.get(key)]
    if terminal if terminal is not None else _terminal(out):
        _rich_show(data, tables, out)
        return
    lines = [f"{_text(data['name'])} ({data['id']})"]
    lines += [f"{k}\t{v}" for k, v in _facts(data)]
    for title, columns, rows in tables:
        lines += ["", title, "\t".join(columns), *("\t".join(row) for row in rows)]
    out.write("\n".join(lines) + "\n")


def render_impact(
    data: dict[str, Any], fmt: str, out: TextIO, *, terminal: bool | None = None
) -> None:
    if fmt == "json":
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    if not data["impacts"]:
        out.write(f"Nothing depends on {data['id']}: its failure affects no other element.\n")
        return
    title = (f"If {_text(data['name'])} ({data['id']}) fails: {data['breaks']} break, "
             f"{data['degrades']} degrade")
    columns = ["element", "effect", "distance", "chain"]
    rows = [[i["element"], i["effect"], str(i["distance"]), " -> ".join(i["chain"])]
            for i in data["impacts"]]
    if terminal if terminal is not None else _terminal(out):
        from rich.text import Text

        console = _console(out)
        console.print(_table(Text(title), columns, rows))
        return
    out.write("\n".join([title, "\t".join(columns), *("\t".join(r) for r in rows)]) + "\n")


def _console(out: TextIO) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, markup=False, emoji=False)


def _table(title: Any, columns: list[str], rows: list[list[str]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")  # wrap long ids, never cut them
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # user text is text, not markup
    return table


def _rich_show(data: dict[str, Any], tables: list[tuple[str, list[str], list[list[str]]]],
               out: TextIO) -> None:
    from rich.text import Text

    console = _console(out)
    heading = Text()
    heading.append(_text(data["name"]), style="bold")
    heading.append(f"  ({data['id']})")
    console.print(heading)
    for key, value in _facts(data):
        console.print(Text(f"  {key:12} {value}"), overflow="fold")
    for title, columns, rows in tables:
        console.print(_table(Text(title), columns, rows))
