"""Mermaid sources of computed views: flowcharts styled as C4, sequence diagrams for flows.

Pure functions of a computed view. Node ids are ``n0``, ``n1``... in drawing order and
boundaries ``b0``, ``b1``..., so the source is stable and no user text ever appears outside a
quoted, escaped label.
"""

from __future__ import annotations

from collections.abc import Callable

from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.render.text import mermaid_message, mermaid_text
from archdoc.views.computed import (
    ComputedView,
    DeploymentBox,
    DeploymentView,
    NodeStyle,
    SequenceView,
    ViewNode,
)

__all__ = ["flowchart", "sequence_diagram", "deployment_flowchart", "render", "LinkFor",
           "no_links"]

LinkFor = Callable[[str], "str | None"]
"""Gives the URL of an element's page (relative to the page drawing it), or None."""


def no_links(_: str) -> None:
    return None


_SHAPES = {
    "person": ('(["', '"])'),
    "box": ('["', '"]'),
    "rounded": ('("', '")'),
    "cylinder": ('[("', '")]'),
    "queue": ('[["', '"]]'),
    "hexagon": ('{{"', '"}}'),
    "component": ('[/"', '"/]'),
    "folder": ('>"', '"]'),
}

_DASH = {"dashed": "stroke-dasharray:6 4", "dotted": "stroke-dasharray:2 3"}


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(node: ViewNode) -> str:
    parts = [
        f"<b>{mermaid_text(node.name)}</b>",
        f"<small>[{mermaid_text(node.kind_text)}]</small>",
    ]
    if node.description:
        parts.append(mermaid_text(_shorten(node.description, 90)))
    return "<br/>".join(parts)


def _url(url: str) -> str:
    return url.replace('"', "%22").replace(" ", "%20")


def _class_def(style: NodeStyle) -> str:
    parts = [f"fill:{style.fill}", f"stroke:{style.border}", f"color:{style.text}"]
    if style.line in _DASH:
        parts.append(_DASH[style.line])
    if style.width != 1:
        parts.append(f"stroke-width:{style.width}px")
    return ",".join(parts)


def flowchart(view: ComputedView, link_for: LinkFor = no_links) -> str:
    """A C4-styled Mermaid flowchart of a static view."""
    node_ids = {n.id: f"n{i}" for i, n in enumerate(view.nodes)}
    frame_ids = {b.id: f"b{i}" for i, b in enumerate(view.boundaries)}
    lines = [f"flowchart {view.direction}"]
    inner, members = view.frames()

    def emit(frame: str | None, indent: str) -> None:
        for node in members.get(frame, []):
            open_, close = _SHAPES.get(node.style.shape, _SHAPES["box"])
            lines.append(f"{indent}{node_ids[node.id]}{open_}{_label(node)}{close}")
        for boundary in inner.get(frame, []):
            lines.append(
                f"{indent}subgraph {frame_ids[boundary.id]}"
                f'["{mermaid_text(boundary.title)}"]'
            )
            emit(boundary.id, indent + "    ")
            lines.append(f"{indent}end")

    emit(None, "    ")
    for boundary in view.boundaries:
        dash = "stroke-dasharray:2 3" if boundary.kind == "group" else "stroke-dasharray:6 4"
        color = "#8c8496" if boundary.external else "#444444"
        lines.append(f"    style {frame_ids[boundary.id]} fill:none,stroke:{color},{dash}")
    link_styles: list[str] = []
    for index, edge in enumerate(view.edges):
        text = mermaid_text(edge.label) if edge.label else ""
        if edge.technology:
            text += ("<br/>" if text else "") + f"<small>[{mermaid_text(edge.technology)}]</small>"
        style = edge.style
        line = style.line if style else ("dashed" if edge.interaction == "async" else "solid")
        width = style.width if style else 1
        arrow = "-.->" if line in ("dashed", "dotted") else ("==>" if width >= 3 else "-->")
        label = f'|"{text}"|' if text else ""
        lines.append(
            f"    {node_ids[edge.source_id]} {arrow}{label} {node_ids[edge.destination_id]}"
        )
        if style is not None and (style.color != "#707070" or width != 1 or line == "dotted"):
            extra = f",stroke-width:{width}px" if width != 1 else ""
            extra += ",stroke-dasharray:2 3" if line == "dotted" else ""
            link_styles.append(f"    linkStyle {index} stroke:{style.color}{extra}")
    lines += link_styles
    classes: dict[str, str] = {}
    for node in view.nodes:
        definition = _class_def(node.style)
        name = classes.setdefault(definition, f"s{len(classes)}")
        lines.append(f"    class {node_ids[node.id]} {name}")
        if node.focus:
            lines.append(f"    class {node_ids[node.id]} focus")
    for definition, name in classes.items():
        lines.append(f"    classDef {name} {definition}")
    if any(n.focus for n in view.nodes):
        lines.append("    classDef focus stroke:#f59e0b,stroke-width:3px")
    for node in view.nodes:
        url = link_for(node.id)
        if url:
            lines.append(
                f'    click {node_ids[node.id]} href "{_url(url)}" "{mermaid_text(node.name)}"'
            )
    return "\n".join(lines) + "\n"


# -- sequence diagrams ------------------------------------------------------------------------


def sequence_diagram(view: SequenceView) -> str:
    """A Mermaid ``sequenceDiagram`` of a flow, steps numbered."""
    alias = {p.id: f"p{i}" for i, p in enumerate(view.participants)}
    lines = ["sequenceDiagram", "    autonumber"]
    for p in view.participants:
        keyword = "actor" if p.kind == "person" else "participant"
        lines.append(f"    {keyword} {alias[p.id]} as {mermaid_message(p.name)}")
    _sequence_items(view.items, alias, lines, "    ")
    return "\n".join(lines) + "\n"


_BLOCK_WORDS = {"alt": ("alt", "else"), "opt": ("opt", "else"), "loop": ("loop", "else"),
                "par": ("par", "and")}


def _sequence_items(
    items: list[FlowItem], alias: dict[str, str], lines: list[str], indent: str
) -> None:
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


# -- deployment -------------------------------------------------------------------------------


def deployment_flowchart(view: DeploymentView, link_for: LinkFor = no_links) -> str:
    """A Mermaid flowchart of an environment: nodes as nested boxes, containers inside."""
    boxes = view.boxes()
    box_ids = {b.id: f"d{i}" for i, b in enumerate(boxes)}
    deployed = view.deployed()
    container_ids = {c.id: f"i{i}" for i, c in enumerate(deployed)}
    lines = [f"flowchart {view.direction}"]

    def box_title(box: DeploymentBox) -> str:
        parts = [f"<b>{mermaid_text(box.name)}</b>"]
        kind = "Infrastructure" if box.kind == "infrastructure" else "Deployment Node"
        detail = f"{kind}: {box.technology}" if box.technology else kind
        parts.append(f"<small>[{mermaid_text(detail)}]</small>")
        if box.instances:
            parts.append(f"× {mermaid_text(box.instances)}")
        return "<br/>".join(parts)

    def emit(box: DeploymentBox, indent: str) -> None:
        if box.is_leaf:
            lines.append(f'{indent}{box_ids[box.id]}["{box_title(box)}"]')
            lines.append(f"{indent}class {box_ids[box.id]} infra")
            return
        lines.append(f'{indent}subgraph {box_ids[box.id]}["{box_title(box)}"]')
        for child in box.children:
            emit(child, indent + "    ")
        for c in box.containers:
            label = f"<b>{mermaid_text(c.name)}</b>"
            label += (
                "<br/><small>[Container"
                f"{': ' + mermaid_text(c.technology) if c.technology else ''}]</small>"
            )
            if c.instances:
                label += f"<br/>× {mermaid_text(c.instances)}"
            shape = ('[("', '")]') if c.kind == "database" else ('["', '"]')
            lines.append(f"{indent}    {container_ids[c.id]}{shape[0]}{label}{shape[1]}")
            lines.append(f"{indent}    class {container_ids[c.id]} {c.kind}")
        lines.append(f"{indent}end")
        lines.append(f"{indent}style {box_ids[box.id]} fill:none,stroke:#666666")

    for root in view.roots:
        emit(root, "    ")
    ids = {**box_ids, **container_ids}
    for edge in view.edges:
        arrow = "-.->" if edge.interaction == "async" or edge.between == "nodes" else "-->"
        label = f'|"{mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"    {ids[edge.source_id]} {arrow}{label} {ids[edge.destination_id]}")
    lines += [
        "    classDef container fill:#438dd5,stroke:#2e6295,color:#ffffff",
        "    classDef database fill:#438dd5,stroke:#2e6295,color:#ffffff",
        "    classDef queue fill:#438dd5,stroke:#2e6295,color:#ffffff",
        "    classDef infra fill:#ffffff,stroke:#666666,color:#000000",
    ]
    for c in deployed:
        url = link_for(c.container_id) if c.known else None
        if url:
            lines.append(
                f'    click {container_ids[c.id]} href "{_url(url)}" "{mermaid_text(c.name)}"'
            )
    return "\n".join(lines) + "\n"


def render(view: ComputedView | SequenceView | DeploymentView, link_for: LinkFor = no_links) -> str:
    """The Mermaid source of any view."""
    if isinstance(view, SequenceView):
        return sequence_diagram(view)
    if isinstance(view, DeploymentView):
        return deployment_flowchart(view, link_for)
    return flowchart(view, link_for)
