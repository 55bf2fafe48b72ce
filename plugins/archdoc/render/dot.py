"""Graphviz DOT sources of computed views, styled as C4 diagrams.

Pure functions of a computed view. Sizes are chosen for reading at the diagram's natural size
(1 pt = 1.33 CSS px): element names at 12 pt, everything else at 10 pt, text wrapped at word
boundaries so boxes keep one width. Element links are written as ``archdoc:element:<id>``;
:func:`archdoc.render.svg.link_elements` turns them into the URLs of the page that shows the
drawing, so one layout serves every page.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache

from archdoc.views.computed import (
    ComputedView,
    DeploymentBox,
    DeploymentView,
    NodeStyle,
    SequenceView,
    ViewBoundary,
    ViewNode,
)

__all__ = ["static_dot", "deployment_dot", "sequence_dot", "render", "edge_labels", "ELEMENT_LINK",
           "EDGE_LABEL_LIMIT", "IconFile", "FONT"]

FONT = "Helvetica,Arial,sans-serif"
ELEMENT_LINK = "archdoc:element:"
"""Prefix of the placeholder URL of an element in a laid-out diagram."""

IconFile = Callable[[DeploymentBox], "str | None"]
"""The path of the PNG icon a deployment node is drawn with, or None."""

EDGE_LABEL_LIMIT = 60
"""Views with more relationships draw them without labels (each keeps its hover text): labels
laid out between the boxes of a dense view make it several times wider than it need be."""

NAME_WIDTH = 24
TEXT_WIDTH = 32
EDGE_WIDTH = 28
DESCRIPTION_LIMIT = 120


def _q(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _colour(value: str) -> str:
    """A colour Graphviz knows: ``#abc`` (which the model allows) as ``#aabbcc``."""
    if len(value) == 4 and value.startswith("#"):
        return "#" + "".join(2 * c for c in value[1:])
    return value


def _e(text: str) -> str:
    """A DOT string Graphviz reads as an escString (``tooltip``, ``URL``): its ``\\N``, ``\\G``...
    stand for the node's or graph's name, and it unescapes twice, so a backslash of the text is
    written as four (two here, doubled by :func:`_q`)."""
    return _q(text.replace("\\", "\\\\"))


def _h(text: str) -> str:
    """Text for an HTML-like label (where Graphviz reads ``\\N``, ``\\G``... too: a backslash
    of the text is written as two)."""
    return html.escape(" ".join(text.split()), quote=True).replace("\\", "\\\\")


@lru_cache(maxsize=1 << 14)
def _wrap(text: str, width: int) -> tuple[str, ...]:
    """The lines of a label (kept: an element's name is wrapped in every view that shows it)."""
    text = " ".join(text.split())
    if not text:
        return ()
    return tuple(
        textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lines(lines: Sequence[str], size: int | None = None, bold: bool = False) -> str:
    body = "<br/>".join(_h(line) for line in lines)
    if bold:
        body = f"<b>{body}</b>"
    if size is not None:
        body = f'<font point-size="{size}">{body}</font>'
    return body


def _node_label(node: ViewNode) -> str:
    parts = [_lines(_wrap(node.name, NAME_WIDTH), bold=True),
             _lines(_wrap(f"[{node.kind_text}]", TEXT_WIDTH), 10)]
    if node.description:
        parts.append(_lines(_wrap(_shorten(node.description, DESCRIPTION_LIMIT), TEXT_WIDTH), 10))
    return "<" + "<br/>".join(parts) + ">"


_SHAPES = {
    "box": ("box", []),
    "rounded": ("box", ["rounded"]),
    "person": ("box", ["rounded"]),
    "cylinder": ("cylinder", []),
    "queue": ("box3d", []),
    "hexagon": ("hexagon", []),
    "component": ("component", []),
    "folder": ("folder", []),
}


def _node_attrs(style: NodeStyle, focus: bool) -> list[str]:
    shape, extra = _SHAPES.get(style.shape, _SHAPES["box"])
    styles = ["filled", *extra]
    if style.line in ("dashed", "dotted"):
        styles.append(style.line)
    attrs = [
        f"shape={shape}",
        f"style={_q(','.join(styles))}",
        f"fillcolor={_q(_colour(style.fill))}",
        f"color={_q('#f59e0b' if focus else _colour(style.border))}",
        f"fontcolor={_q(_colour(style.text))}",
    ]
    width = 3 if focus else style.width
    if width != 1:
        attrs.append(f"penwidth={width}")
    return attrs


def _boundary_label(boundary: ViewBoundary) -> str:
    if boundary.kind == "group":
        return f"<{_lines([boundary.label], bold=True)}>"
    kind = boundary.kind_label
    if boundary.external and boundary.element_kind == "system":
        kind = "External " + kind
    return f"<{_lines([boundary.label], bold=True)}<br/>{_lines([f'[{kind}]'], 10)}>"


def _effort(nodes: int, edges: int) -> str:
    """Graph attributes that bound Graphviz's work on large views: fewer crossing-reduction
    passes and straighter lines (a 500-box, 1,500-arrow view lays out in seconds, not minutes)."""
    if nodes > 200 or edges > 600:
        return (", mclimit=0.1, remincross=false, nslimit=1, nslimit1=1, searchsize=30,"
                " splines=polyline")
    if nodes > 100 or edges > 300:
        return ", mclimit=0.5, nslimit=4, nslimit1=4"
    return ""


def _graph_header(name: str, direction: str, nodes: int = 0, edges: int = 0) -> list[str]:
    return [
        f"digraph {_q(name)} {{",
        f"  graph [rankdir={direction}, bgcolor=transparent, fontname={_q(FONT)}, fontsize=12,"
        f' nodesep=0.45, ranksep=0.65, pad=0.15, compound=true{_effort(nodes, edges)}];',
        f"  node [fontname={_q(FONT)}, fontsize=12, width=2.6, height=0.9, margin=\"0.18,0.1\"];",
        f"  edge [fontname={_q(FONT)}, fontsize=10, fontcolor=\"#333333\", arrowsize=0.8];",
    ]


def edge_labels(view: ComputedView) -> bool:
    """Whether the arrows of a view are labelled (see :data:`EDGE_LABEL_LIMIT`)."""
    return len(view.edges) <= EDGE_LABEL_LIMIT


def static_dot(view: ComputedView) -> str:
    """The DOT source of a static view."""
    node_ids = {n.id: f"n{i}" for i, n in enumerate(view.nodes)}
    frame_ids = {b.id: f"cluster_b{i}" for i, b in enumerate(view.boundaries)}
    lines = _graph_header(view.key, view.direction, len(view.nodes), len(view.edges))
    inner, members = view.frames()

    def emit(frame: str | None, indent: str) -> None:
        for node in members.get(frame, []):
            attrs = [f"label={_node_label(node)}", *_node_attrs(node.style, node.focus)]
            if node.link:
                attrs += [f"URL={_e(ELEMENT_LINK + node.id)}", f"tooltip={_e(node.name)}",
                          'target="_top"']
            attrs.append(f"class={_q('archdoc-node archdoc-node--' + node.kind)}")
            lines.append(f"{indent}{node_ids[node.id]} [{', '.join(attrs)}];")
        for boundary in inner.get(frame, []):
            lines.append(f"{indent}subgraph {frame_ids[boundary.id]} {{")
            dash = "dotted" if boundary.kind == "group" else "dashed"
            color = "#8c8496" if boundary.external else "#555555"
            lines.append(f"{indent}  graph [label={_boundary_label(boundary)}, labeljust=l, "
                         f'style="{dash},rounded", color={_q(color)}, fontcolor="#333333", '
                         f'margin=14, class="archdoc-boundary archdoc-boundary--{boundary.kind}"];')
            emit(boundary.id, indent + "  ")
            lines.append(f"{indent}}}")

    emit(None, "  ")
    names = {n.id: n.name for n in view.nodes}
    labelled = edge_labels(view)
    for edge in view.edges:
        attrs = []
        text_lines = _wrap(edge.label, EDGE_WIDTH)
        if edge.technology:
            text_lines_tech = _wrap(f"[{edge.technology}]", EDGE_WIDTH)
            label = "<br/>".join(p for p in (_lines(text_lines), _lines(text_lines_tech, 9)) if p)
        else:
            label = _lines(text_lines)
        if label and labelled:
            attrs.append(f"label=<{label}>")
        hover = f"{names[edge.source_id]} → {names[edge.destination_id]}"
        if edge.label or edge.technology:
            hover += ": " + " ".join(
                p for p in (edge.label, f"[{edge.technology}]" if edge.technology else "") if p
            )
        attrs.append(f"tooltip={_q(hover)}")
        style = edge.style
        if style is not None:
            attrs.append(f"color={_q(_colour(style.color))}")
            if style.line != "solid":
                attrs.append(f"style={style.line}")
            if style.width != 1:
                attrs.append(f"penwidth={style.width}")
        attrs.append(f"class={_q('archdoc-edge archdoc-edge--' + edge.interaction)}")
        lines.append(f"  {node_ids[edge.source_id]} -> {node_ids[edge.destination_id]} "
                     f"[{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- deployment -------------------------------------------------------------------------------

_CLUSTER_FILLS = ("#E5F5FD", "#EBF3E7", "#ECE8F6", "#FDF7E3")


def _box_label(box: DeploymentBox, wrap: int = TEXT_WIDTH) -> str:
    parts = [_lines(_wrap(box.name, NAME_WIDTH), bold=True)]
    if box.technology:
        parts.append(_lines(_wrap(f"[{box.technology}]", wrap), 10))
    if box.instances:
        parts.append(_lines([f"× {box.instances}"], 10))
    return "<" + "<br/>".join(parts) + ">"


def deployment_dot(view: DeploymentView, icon_file: IconFile | None = None) -> str:
    """The DOT source of a deployment view: nested nodes as clusters, leaf nodes drawn with their
    provider icon (``icon_file``), deployed containers as C4 boxes inside their nodes."""
    boxes = view.boxes()
    lines = _graph_header(view.key, view.direction, len(boxes) + len(view.deployed()),
                          len(view.edges))
    ids: dict[str, str] = {}
    anchor: dict[str, str] = {}
    """A node inside each cluster, to attach arrows to the cluster (``lhead``/``ltail``)."""
    counter = [0]

    def new_id(prefix: str) -> str:
        counter[0] += 1
        return f"{prefix}{counter[0]}"

    def emit(box: DeploymentBox, indent: str, depth: int) -> None:
        icon = icon_file(box) if icon_file else None
        if box.is_leaf:
            node = ids[box.id] = new_id("d")
            attrs = [f"label={_box_label(box, 22)}"]
            if icon:
                attrs += [
                    "shape=none",
                    f"image={_q(icon)}",
                    "imagescale=true",
                    "fixedsize=true",
                    "width=1.5",
                    f"height={1.9 + 0.25 * (1 + bool(box.technology) + bool(box.instances))}",
                    "labelloc=b",
                    'fontcolor="#2D3436"',
                ]
            else:
                attrs += ["shape=box", 'style="rounded,filled"', 'fillcolor="#ffffff"',
                          'color="#666666"', 'fontcolor="#2D3436"']
            attrs.append(f'class="archdoc-node archdoc-node--{box.kind}"')
            lines.append(f"{indent}{node} [{', '.join(attrs)}];")
            return
        cluster = ids[box.id] = new_id("cluster_d")
        lines.append(f"{indent}subgraph {cluster} {{")
        fill = _CLUSTER_FILLS[depth % len(_CLUSTER_FILLS)]
        lines.append(
            f"{indent}  graph [label={_box_label(box)}, labeljust=l, style=\"rounded,filled\", "
            f'fillcolor="{fill}", color="#AEB6BE", fontcolor="#2D3436", margin=12, '
            f'class="archdoc-boundary archdoc-boundary--{box.kind}"];'
        )
        if icon:
            node = new_id("icon")
            anchor[box.id] = node
            lines.append(
                f"{indent}  {node} [label=\"\", shape=none, image={_q(icon)}, imagescale=true, "
                "fixedsize=true, width=0.5, height=0.5];"
            )
        for child in box.children:
            emit(child, indent + "  ", depth + 1)
            anchor.setdefault(box.id, anchor.get(child.id, ids[child.id]))
        for container in box.containers:
            node = ids[container.id] = new_id("c")
            anchor.setdefault(box.id, node)
            parts = [
                _lines(_wrap(container.name, NAME_WIDTH), bold=True),
                _lines(
                    _wrap(
                        f"[Container{': ' + container.technology if container.technology else ''}]",
                        TEXT_WIDTH,
                    ),
                    10,
                ),
            ]
            if container.instances:
                parts.append(_lines([f"× {container.instances}"], 10))
            attrs = [f"label=<{'<br/>'.join(parts)}>",
                     *_node_attrs(container.style, False)]
            if container.known:
                attrs += [f"URL={_e(ELEMENT_LINK + container.container_id)}",
                          f"tooltip={_e(container.name)}", 'target="_top"']
            attrs.append(f'class="archdoc-node archdoc-node--{container.kind}"')
            lines.append(f"{indent}  {node} [{', '.join(attrs)}];")
        lines.append(f"{indent}}}")

    for root in view.roots:
        emit(root, "  ", 0)
    for edge in view.edges:
        source, destination = ids[edge.source_id], ids[edge.destination_id]
        attrs = []
        if source.startswith("cluster"):
            attrs.append(f"ltail={source}")
            source = anchor[edge.source_id]
        if destination.startswith("cluster"):
            attrs.append(f"lhead={destination}")
            destination = anchor[edge.destination_id]
        if edge.label:
            attrs.append(f"label=<{_lines(_wrap(edge.label, EDGE_WIDTH))}>")
        attrs.append('color="#7B8894"')
        if edge.interaction == "async" or edge.between == "nodes":
            attrs.append("style=dashed")
        attrs.append(f'class="archdoc-edge archdoc-edge--{edge.between}"')
        lines.append(f"  {source} -> {destination} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- dynamic views ----------------------------------------------------------------------------


def sequence_dot(view: SequenceView) -> str:
    """A flow as a graph with numbered arrows (a C4 dynamic diagram in graph form)."""
    from archdoc.model.flows import FlowMessage, walk

    ids = {p.id: f"n{i}" for i, p in enumerate(view.participants)}
    lines = _graph_header(view.key, "LR")
    for p in view.participants:
        node = ViewNode(
            id=p.id,
            name=p.name,
            kind=p.kind,
            kind_label=p.kind_label,
            technology=p.technology,
            description="",
            external=p.external,
            tags=[],
            boundary=None,
            style=p.style or NodeStyle("#ffffff", "#b91c1c", "#b91c1c", "box"),
        )
        lines.append(
            f"  {ids[p.id]} [label={_node_label(node)}, "
            f"{', '.join(_node_attrs(node.style, False))}];"
        )
    number = 0
    for item in walk(view.items):
        if isinstance(item, FlowMessage):
            number += 1
            text = f"{number}. {item.description}".strip()
            style = ", style=dashed" if item.kind == "reply" else ""
            lines.append(f"  {ids[item.source_id]} -> {ids[item.destination_id]} "
                         f"[label=<{_lines(_wrap(text, EDGE_WIDTH))}>{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(
    view: ComputedView | SequenceView | DeploymentView, icon_file: IconFile | None = None
) -> str:
    """The DOT source of any view."""
    if isinstance(view, SequenceView):
        return sequence_dot(view)
    if isinstance(view, DeploymentView):
        return deployment_dot(view, icon_file)
    return static_dot(view)
