"""Terminal views of the model, as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from archdoc.analysis.graph import DependencyGraph
from archdoc.analysis.impact import impact_of
from archdoc.errors import ReferenceNotFound
from archdoc.model.elements import Element
from archdoc.model.workspace import Workspace

__all__ = ["show_element", "show_impact"]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _element(workspace: Workspace, id: str) -> Element:
    element = workspace.get(id)
    if element is None:
        raise ReferenceNotFound(f"no element with id {id!r}", hint=workspace.suggest(id))
    return element


def show_element(workspace: Workspace, id: str) -> None:
    element = _element(workspace, id)
    console = _console()
    console.print(f"[bold]{element.name}[/bold]  ({element.id})")
    facts = [
        ("kind", element.kind_label),
        ("description", element.description),
        ("technology", element.technology),
        ("parent", element.parent_id or ""),
        ("owner", element.owner),
        ("data owner", element.data_owner_id or ""),
        ("external", "yes" if element.external else ""),
        ("tags", ", ".join(element.tags)),
        ("declared at", str(element.location) if element.location else ""),
    ]
    facts += [(k, str(v)) for k, v in element.properties.items()]
    for key, value in facts:
        if value:
            console.print(f"  {key:12} {value}", markup=False)
    children = workspace.children_of(element.id)
    if children:
        table = Table(title="Contains", title_justify="left")
        for col in ("id", "kind", "technology", "description"):
            table.add_column(col)
        for c in children:
            table.add_row(c.id, c.kind_label, c.technology, c.description)
        console.print(table)
    out, into = workspace.relationships_of(element.id)
    for title, rels, other in (("Uses", out, "destination_id"), ("Used by", into, "source_id")):
        if not rels:
            continue
        table = Table(title=title, title_justify="left")
        for col in ("element", "description", "technology", "operation", "interaction", "criticality"):
            table.add_column(col)
        for r in rels:
            table.add_row(getattr(r, other), r.description, r.technology, r.operation,
                          r.interaction, r.criticality or "")
        console.print(table)
    events = [
        (name, role, link.reason)
        for name, event in workspace.events.items()
        for role, links in (("publishes", event.producers), ("subscribes", event.consumers))
        for link in links if link.element_id == element.id
    ]
    if events:
        table = Table(title="Events", title_justify="left")
        for col in ("event", "role", "reason"):
            table.add_column(col)
        for row in events:
            table.add_row(*row)
        console.print(table)
    modes = [m for m in workspace.failure_modes if m.element_id == element.id]
    if modes:
        table = Table(title="Failure modes", title_justify="left")
        for col in ("impact", "mitigation", "fallback"):
            table.add_column(col)
        for m in modes:
            table.add_row(m.impact, m.mitigation, m.fallback)
        console.print(table)


def show_impact(workspace: Workspace, id: str) -> None:
    element = _element(workspace, id)
    graph = DependencyGraph(workspace)
    impacts = impact_of(graph, element.id)
    console = _console()
    if not impacts:
        console.print(f"Nothing depends on {element.id}: its failure affects no other element.")
        return
    breaks = sum(i.effect == "breaks" for i in impacts)
    table = Table(
        title=f"If {element.name} ({element.id}) fails: {breaks} break, "
        f"{len(impacts) - breaks} degrade",
        title_justify="left",
    )
    for col in ("element", "effect", "distance", "chain"):
        table.add_column(col)
    for i in impacts:
        table.add_row(i.element_id, i.effect, str(i.distance), " -> ".join(i.chain))
    console.print(table)
