"""The key of a diagram: what its shapes, colours, boundaries and lines mean.

Only what the drawing uses is listed, so the key of a small view stays small.
"""

from __future__ import annotations

from dataclasses import dataclass

from archdoc.render.text import html_text
from archdoc.views.computed import (
    ComputedView,
    DeploymentView,
    EdgeStyle,
    NodeStyle,
    SequenceView,
)
from archdoc.views.styles import CRITICAL_LINE

__all__ = ["LegendEntry", "legend", "legend_html"]


@dataclass(frozen=True)
class LegendEntry:
    """One line of a key: a swatch and what it stands for."""

    swatch: str
    """``node``, ``edge``, ``boundary`` or ``group``."""
    label: str
    fill: str = "#ffffff"
    border: str = "#555555"
    shape: str = "box"
    line: str = "solid"
    width: int = 1


def _node_label(kind_label: str, external: bool, style: NodeStyle) -> str:
    label = ("External " if external and kind_label == "Software System" else "") + kind_label
    if external and kind_label != "Software System":
        label += " (external)"
    if style.tags:
        label += " · tagged " + ", ".join(style.tags)
    return label


def _edge_label(style: EdgeStyle) -> str:
    if style.meaning:
        return style.meaning
    if style.tags:
        return "Relationship tagged " + ", ".join(style.tags)
    if style.color == CRITICAL_LINE and style.width >= 3:
        return "Critical dependency" + (" (asynchronous)" if style.line == "dashed" else "")
    return "Asynchronous (events, messages)" if style.line == "dashed" else "Synchronous call"


def legend(view: ComputedView | SequenceView | DeploymentView) -> list[LegendEntry]:
    """The entries of the key of a view, in a stable order."""
    entries: dict[tuple[object, ...], LegendEntry] = {}

    def add(entry: LegendEntry) -> None:
        entries.setdefault((entry.swatch, entry.label, entry.fill, entry.border, entry.shape,
                            entry.line, entry.width), entry)

    if isinstance(view, ComputedView):
        for node in view.nodes:
            s = node.style
            add(LegendEntry("node", _node_label(node.kind_label, node.external, s), s.fill,
                            s.border, s.shape, s.line, s.width))
        if any(n.focus for n in view.nodes):
            add(LegendEntry("node", "The element this view is about", "#ffffff", "#f59e0b", "box",
                            "solid", 3))
        for boundary in view.boundaries:
            if boundary.kind == "group":
                add(LegendEntry("group", "Group", line="dotted"))
            else:
                add(LegendEntry("boundary", "Boundary: the parts of a system or container",
                                line="dashed"))
        for edge in view.edges:
            if edge.style is not None:
                add(LegendEntry("edge", _edge_label(edge.style), border=edge.style.color,
                                line=edge.style.line, width=edge.style.width))
    elif isinstance(view, SequenceView):
        if any(p.kind == "person" for p in view.participants):
            add(LegendEntry("node", "Person (stick figure)", "#ffffff", "#555555", "person"))
        add(LegendEntry("node", "Participant: a system, container or component"))
        add(LegendEntry("edge", "Call (numbered step)", border="#333333"))
        add(LegendEntry("edge", "Reply", border="#333333", line="dashed"))
    else:
        add(LegendEntry("group", "Deployment node (nested nodes inside)", "#E5F5FD", "#AEB6BE"))
        for container in view.deployed():
            s = container.style
            kind = {"database": "Database", "queue": "Queue"}.get(container.kind, "Container")
            add(LegendEntry("node", f"{kind} instance", s.fill, s.border, s.shape))
        if any(e.between == "containers" and e.interaction == "sync" for e in view.edges):
            add(LegendEntry("edge", "Call between containers", border="#7B8894"))
        if any(e.between == "nodes" or e.interaction == "async" for e in view.edges):
            add(LegendEntry("edge", "Asynchronous, or a connection between nodes",
                            border="#7B8894", line="dashed"))
    return list(entries.values())


_DASH = {"dashed": "6 4", "dotted": "2 3"}


def _swatch(entry: LegendEntry) -> str:
    dash = f' stroke-dasharray="{_DASH[entry.line]}"' if entry.line in _DASH else ""
    fill, border = html_text(entry.fill), html_text(entry.border)
    width = max(1, entry.width)
    if entry.swatch == "edge":
        return (
            f'<svg width="34" height="14" aria-hidden="true"><line x1="2" y1="7" x2="26" y2="7" '
            f'stroke="{border}" stroke-width="{width}"{dash}/><path d="M26 3 L32 7 L26 11 z" '
            f'fill="{border}"/></svg>'
        )
    if entry.swatch in ("boundary", "group"):
        return (
            f'<svg width="34" height="18" aria-hidden="true"><rect x="1" y="1" width="32" '
            'height="16" rx="3" '
            f'fill="{fill if entry.swatch == "group" and fill != "#ffffff" else "none"}" '
            f'stroke="{border}"{dash}/></svg>'
        )
    if entry.shape == "cylinder":
        body = (f'<path d="M2 4 a14 3 0 0 1 28 0 v10 a14 3 0 0 1 -28 0 z" fill="{fill}" '
                f'stroke="{border}" stroke-width="{width}"{dash}/>'
                f'<path d="M2 4 a14 3 0 0 0 28 0" fill="none" stroke="{border}"/>')
    elif entry.shape == "person":
        body = (f'<circle cx="16" cy="5" r="4" fill="{fill}" stroke="{border}"/>'
                f'<rect x="6" y="9" width="20" height="8" rx="4" fill="{fill}" stroke="{border}" '
                f'stroke-width="{width}"{dash}/>')
    else:
        rx = "4" if entry.shape == "rounded" else "1"
        body = (
            f'<rect x="2" y="2" width="28" height="14" rx="{rx}" fill="{fill}" stroke="{border}" '
            f'stroke-width="{width}"{dash}/>'
        )
        if entry.shape == "queue":
            body += f'<path d="M30 2 l3 3 v14 h-28 l-3 -3" fill="none" stroke="{border}"/>'
    return f'<svg width="34" height="20" aria-hidden="true">{body}</svg>'


def legend_html(entries: list[LegendEntry]) -> str:
    """The key as one line of HTML (wrapping on narrow screens)."""
    if not entries:
        return ""
    items = "".join(f'<span class="archdoc-legend__item">{_swatch(e)}{html_text(e.label)}</span>'
                    for e in entries)
    return f'<div class="archdoc-legend" aria-label="Key">{items}</div>'
