"""Mermaid sources: C4-styled flowcharts for static views, sequence diagrams for flows."""

from __future__ import annotations

from collections.abc import Callable

from archdoc.model.elements import Element
from archdoc.model.flows import Flow, FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.model.workspace import Workspace
from archdoc.render.text import mermaid_message, mermaid_text
from archdoc.views.c4 import View

__all__ = ["flowchart", "sequence_diagram", "C4_CLASSES", "LinkFor"]

LinkFor = Callable[[str], "str | None"]
"""Gives the URL of an element's page (relative to the page drawing it), or None."""

C4_CLASSES = """\
    classDef person fill:#08427b,stroke:#052e56,color:#ffffff
    classDef system fill:#1168bd,stroke:#0b4884,color:#ffffff
    classDef container fill:#438dd5,stroke:#2e6295,color:#ffffff
    classDef database fill:#438dd5,stroke:#2e6295,color:#ffffff
    classDef queue fill:#438dd5,stroke:#2e6295,color:#ffffff
    classDef component fill:#85bbf0,stroke:#5d82a8,color:#000000
    classDef external fill:#8c8496,stroke:#6b6477,color:#ffffff
    classDef focus stroke:#f59e0b,stroke-width:3px"""

_SHAPES = {
    "person": ('(["', '"])'),
    "system": ('["', '"]'),
    "container": ('["', '"]'),
    "component": ('["', '"]'),
    "database": ('[("', '")]'),
    "queue": ('[["', '"]]'),
}


def _label(element: Element) -> str:
    kind = element.kind_label + (f": {element.technology}" if element.technology else "")
    if element.external and element.kind == "system":
        kind = "External " + kind
    parts = [f"<b>{mermaid_text(element.name)}</b>", f"<small>[{mermaid_text(kind)}]</small>"]
    if element.description:
        parts.append(mermaid_text(_shorten(element.description, 90)))
    return "<br/>".join(parts)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _url(url: str) -> str:
    return url.replace('"', "%22").replace(" ", "%20")


def flowchart(view: View, workspace: Workspace, link_for: LinkFor, *, direction: str = "TB") -> str:
    """A C4-styled Mermaid flowchart of a static view.

    Node ids are ``n0``, ``n1``... in the view's element order, so the source is stable and
    no user text ever appears outside a quoted, escaped label.
    """
    node = {id: f"n{i}" for i, id in enumerate(view.element_ids)}
    lines = [f"flowchart {direction}"]
    boundary = set(view.boundary_ids)

    def declare(id: str, indent: str) -> None:
        element = workspace.elements[id]
        open_, close = _SHAPES[element.kind]
        lines.append(f"{indent}{node[id]}{open_}{_label(element)}{close}")

    for id in view.element_ids:
        if id not in boundary:
            declare(id, "    ")
    if view.boundary_ids and view.subject_id:
        subject = workspace.elements[view.subject_id]
        title = f"{subject.name} [{subject.kind_label}]"
        lines.append(f'    subgraph b0["{mermaid_text(title)}"]')
        for id in view.boundary_ids:
            declare(id, "        ")
        lines.append("    end")
        lines.append("    style b0 fill:none,stroke:#444444,stroke-dasharray:6 4")
    critical_links: list[int] = []
    for index, edge in enumerate(view.edges):
        text = mermaid_text(edge.label) if edge.label else ""
        if edge.technology:
            text += ("<br/>" if text else "") + f"<small>[{mermaid_text(edge.technology)}]</small>"
        arrow = "-.->" if edge.interaction == "async" else ("==>" if edge.criticality == "critical" else "-->")
        if edge.criticality == "critical":
            critical_links.append(index)
        label = f'|"{text}"|' if text else ""
        lines.append(f"    {node[edge.source_id]} {arrow}{label} {node[edge.destination_id]}")
    if critical_links:
        lines.append(f"    linkStyle {','.join(map(str, critical_links))} stroke:#c2410c,stroke-width:3px")
    for id in view.element_ids:
        element = workspace.elements[id]
        cls = "external" if element.external else element.kind
        lines.append(f"    class {node[id]} {cls}")
        if id == view.subject_id and id not in boundary:
            lines.append(f"    class {node[id]} focus")
    lines.append(C4_CLASSES)
    for id in view.element_ids:
        url = link_for(id)
        if url:
            name = mermaid_text(workspace.elements[id].name)
            lines.append(f'    click {node[id]} href "{_url(url)}" "{name}"')
    return "\n".join(lines) + "\n"


def sequence_diagram(flow: Flow, workspace: Workspace) -> str:
    """A Mermaid ``sequenceDiagram`` of a flow, steps numbered."""
    ids = flow.participant_ids()
    alias = {id: f"p{i}" for i, id in enumerate(ids)}
    lines = ["sequenceDiagram", "    autonumber"]
    for id in ids:
        element = workspace.elements.get(id)
        name = element.name if element else id
        keyword = "actor" if element is not None and element.kind == "person" else "participant"
        lines.append(f"    {keyword} {alias[id]} as {mermaid_message(name)}")
    _sequence_items(flow.items, alias, lines, "    ")
    return "\n".join(lines) + "\n"


_BLOCK_WORDS = {"alt": ("alt", "else"), "opt": ("opt", "else"), "loop": ("loop", "else"),
                "par": ("par", "and")}


def _sequence_items(items: list[FlowItem], alias: dict[str, str], lines: list[str], indent: str) -> None:
    for item in items:
        if isinstance(item, FlowMessage):
            arrow = "-->>" if item.kind == "reply" else "->>"
            text = item.description
            if item.technology:
                text = f"{text} [{item.technology}]" if text else f"[{item.technology}]"
            lines.append(f"{indent}{alias[item.source_id]}{arrow}{alias[item.destination_id]}: "
                         f"{mermaid_message(text) or ' '}")
        elif isinstance(item, FlowNote):
            over = ",".join(alias[o] for o in item.over_ids[:2])
            lines.append(f"{indent}Note over {over}: {mermaid_message(item.text) or ' '}")
        elif isinstance(item, FlowBlock):
            first, other = _BLOCK_WORDS[item.kind]
            for n, branch in enumerate(item.branches):
                word = first if n == 0 else other
                lines.append(f"{indent}{word} {mermaid_message(branch.label)}".rstrip())
                if branch.items:
                    _sequence_items(branch.items, alias, lines, indent + "    ")
                elif alias:
                    lines.append(f"{indent}    Note over {next(iter(alias.values()))}: (nothing)")
            lines.append(f"{indent}end")
