"""The changed neighbourhood of a diff as a Mermaid flowchart.

Drawn: the elements added, removed or changed, and the two ends of every relationship added,
removed or changed; unchanged relationships among those elements give the context. Added,
removed, changed and unchanged things each have a class of their own (and removed ones a
dashed line), so they stand apart in colour and in shape. Node ids are ``n0``, ``n1``... in
declaration order, and user text only ever appears inside quoted, escaped labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archdoc.diff.describe import value_words
from archdoc.diff.review import Review
from archdoc.model.elements import KIND_LABELS
from archdoc.render.text import mermaid_text

__all__ = ["Diagram", "LEGEND", "neighbourhood_diagram"]

NODE_LIMIT = 40
"""Elements drawn at most; the rest are counted below the diagram."""

CLASSES = """\
    classDef added fill:#dcfce7,stroke:#15803d,color:#14532d,stroke-width:2px
    classDef removed fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d,stroke-width:2px,stroke-dasharray:6 3
    classDef changed fill:#fef3c7,stroke:#b45309,color:#78350f,stroke-width:2px
    classDef context fill:#f3f4f6,stroke:#9ca3af,color:#374151"""

_LINKS = {
    "added": "stroke:#15803d,stroke-width:3px",
    "removed": "stroke:#b91c1c,stroke-width:2px",
    "changed": "stroke:#b45309,stroke-width:3px",
    "context": "stroke:#9ca3af,stroke-width:1px",
}
_ARROWS = {"added": "==>", "removed": "-.->", "changed": "-->", "context": "-->"}
_SHAPES = {
    "person": ('(["', '"])'),
    "database": ('[("', '")]'),
    "queue": ('[["', '"]]'),
}

LEGEND = "green: added · red, dashed: removed · amber: changed · grey: unchanged, for context"


@dataclass(frozen=True)
class Diagram:
    source: str
    """The Mermaid flowchart."""
    drawn: int
    """Elements drawn."""
    total: int
    """Elements in the changed neighbourhood (more than ``drawn`` when it was cut)."""


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def neighbourhood_diagram(review: Review, *, limit: int = NODE_LIMIT) -> Diagram | None:
    """The flowchart of what changed and what it touches; None when no element or
    relationship changed."""
    doc = review.document
    status: dict[str, str] = {}
    for entry in doc.elements.added:
        status[entry.id] = "added"
    for entry in doc.elements.removed:
        status[entry.id] = "removed"
    for changed in doc.elements.changed:
        status[changed.id] = "changed"
    edges: list[tuple[str, str, str, str]] = []
    """(status, source, destination, label)"""
    for r in doc.relationships.added:
        edges.append(("added", r.source, r.destination, _shorten(r.description, 40)))
    for r in doc.relationships.removed:
        edges.append(("removed", r.source, r.destination, _shorten(r.description, 40)))
    changed_ids = set()
    for c in doc.relationships.changed:
        changed_ids.add(c.id)
        facts = "; ".join(
            f"{k}: {_short_value(v.from_)} → {_short_value(v.to)}"
            for k, v in c.changes.items()
            if k != "description"
        )
        description = (
            c.changes["description"].to
            if "description" in c.changes
            else _description(review, c.id)
        )
        edges.append(("changed", c.source, c.destination,
                      "\n".join(x for x in (_shorten(str(description or ""), 40), facts) if x)))
    for s, d in ((e[1], e[2]) for e in edges):
        status.setdefault(s, "context")
        status.setdefault(d, "context")
    if not status:
        return None
    order = _declaration_order(review)
    rank = {"added": 0, "removed": 0, "changed": 0, "context": 1}
    ids = sorted(status, key=lambda i: order.get(i, len(order)))
    kept = sorted(ids, key=lambda i: rank[status[i]])[:limit]
    drawn = [i for i in ids if i in set(kept)]
    node = {id: f"n{n}" for n, id in enumerate(drawn)}
    added_or_changed = {r.id for r in doc.relationships.added} | changed_ids
    for r in review.head_snapshot.export.get("relationships", []):
        if (
            r["id"] not in added_or_changed
            and r["source_id"] in node
            and r["destination_id"] in node
        ):
            edges.append(
                (
                    "context",
                    r["source_id"],
                    r["destination_id"],
                    _shorten(r.get("description", ""), 40),
                )
            )
    lines = ["flowchart LR"]
    for id in drawn:
        lines.append(f"    {node[id]}{_node_label(review, id, status[id])}")
    styles: dict[str, list[int]] = {}
    index = 0
    for state, source, destination, label in edges:
        if source not in node or destination not in node:
            continue
        text = f'|"{mermaid_text(label)}"|' if label.strip() else ""
        lines.append(f"    {node[source]} {_ARROWS[state]}{text} {node[destination]}")
        styles.setdefault(state, []).append(index)
        index += 1
    for state in ("added", "removed", "changed", "context"):
        if styles.get(state):
            lines.append(f"    linkStyle {','.join(map(str, styles[state]))} {_LINKS[state]}")
    for state in ("added", "removed", "changed", "context"):
        members = [node[i] for i in drawn if status[i] == state]
        if members:
            lines.append(f"    class {','.join(members)} {state}")
    lines.append(CLASSES)
    return Diagram(source="\n".join(lines) + "\n", drawn=len(drawn), total=len(ids))


def _short_value(value: Any) -> str:
    return _shorten(value_words(value).strip('"'), 24)


def _description(review: Review, relationship_id: str) -> str:
    for r in review.head_snapshot.export.get("relationships", []):
        if r["id"] == relationship_id:
            return str(r.get("description", ""))
    return ""


def _declaration_order(review: Review) -> dict[str, int]:
    order: dict[str, int] = {}
    for snapshot in (review.head_snapshot, review.base_snapshot):
        for element in snapshot.export.get("elements", []):
            order.setdefault(element["id"], len(order))
    return order


def _node_label(review: Review, id: str, state: str) -> str:
    element = review.element(id)
    if element is None:
        return f'["{mermaid_text(id)}"]'
    kind = KIND_LABELS.get(element["kind"], element["kind"])
    if element.get("technology"):
        kind += f": {element['technology']}"
    mark = {"added": " · added", "removed": " · removed", "changed": " · changed"}.get(state, "")
    open_, close = _SHAPES.get(element["kind"], ('["', '"]'))
    return f"{open_}{mermaid_text(element['name'])}<br/>{mermaid_text(f'[{kind}]{mark}')}{close}"
