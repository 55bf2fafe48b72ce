"""Views with something drawn over them: the drift of each arrow from what production shows.

A pure transformation of a computed view: the arrows keep their ends and relationships and
take the style of their status; a dependency that was observed but is not in the model becomes
an arrow of its own (no relationship behind it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from archdoc.views.computed import ComputedView, EdgeStyle, ViewEdge

__all__ = ["DRIFT_STYLES", "with_drift"]

DRIFT_STYLES: dict[str, EdgeStyle] = {
    "seen": EdgeStyle(color="#15803d", line="solid", width=2, meaning="Declared and seen"),
    "unseen": EdgeStyle(color="#9ca3af", line="dotted", width=2,
                        meaning="Declared, never seen"),
    "undeclared": EdgeStyle(color="#b91c1c", line="dashed", width=3,
                            meaning="Seen, not declared"),
    "unjudged": EdgeStyle(color="#707070", line="solid", width=1,
                          meaning="Not judged (asynchronous, or an end no source observes)"),
}


def with_drift(view: ComputedView, statuses: Mapping[tuple[str, str], str], *,
               key: str, labels: Mapping[tuple[str, str], str] | None = None) -> ComputedView:
    """``view`` with each arrow styled by its drift status (``statuses``, lifted to the view's
    elements), and one arrow per undeclared dependency; ``labels`` label the new arrows."""
    drawn = {node.id for node in view.nodes}
    edges = []
    for edge in view.edges:
        # "undeclared" on a drawn arrow: calls between parts of its ends that no relationship
        # declares, beside the ones declared
        status = statuses.get((edge.source_id, edge.destination_id), "unjudged")
        edges.append(replace(edge, style=DRIFT_STYLES[status]))
    present = {(e.source_id, e.destination_id) for e in view.edges}
    for (source, destination), status in statuses.items():
        if status != "undeclared" or (source, destination) in present:
            continue
        if source in drawn and destination in drawn:
            edge = ViewEdge(source, destination, [], DRIFT_STYLES["undeclared"],
                            note=(labels or {}).get((source, destination), "not declared"))
            edges.append(edge)
    order = {node.id: i for i, node in enumerate(view.nodes)}
    edges.sort(key=lambda e: (order[e.source_id], order[e.destination_id]))
    return replace(view, key=key, edges=edges, title=f"{view.title}, against production")
