"""The look of elements and relationships: C4 defaults by kind, then the model's styles by tag."""

from __future__ import annotations

from collections.abc import Iterable

from archdoc.model.records import Relationship
from archdoc.model.views import Style
from archdoc.analysis.graph import combined_interaction, highest_criticality
from archdoc.views.computed import EdgeStyle, NodeStyle

__all__ = ["KIND_STYLES", "EXTERNAL_STYLE", "node_style", "edge_style", "StyleSheet",
           "CRITICAL_LINE"]

KIND_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle(fill="#08427b", border="#052e56", text="#ffffff", shape="person"),
    "system": NodeStyle(fill="#1168bd", border="#0b4884", text="#ffffff", shape="box"),
    "container": NodeStyle(fill="#438dd5", border="#2e6295", text="#ffffff", shape="box"),
    "database": NodeStyle(fill="#438dd5", border="#2e6295", text="#ffffff", shape="cylinder"),
    "queue": NodeStyle(fill="#438dd5", border="#2e6295", text="#ffffff", shape="queue"),
    "component": NodeStyle(fill="#85bbf0", border="#5d82a8", text="#000000", shape="box"),
}
"""The C4 model's colours: people darkest, components lightest."""

EXTERNAL_STYLE = {"fill": "#8c8496", "border": "#6b6477", "text": "#ffffff"}
"""Systems (and their parts) outside the organisation's control: grey."""

UNKNOWN_STYLE = NodeStyle(fill="#ffffff", border="#b91c1c", text="#b91c1c", shape="box",
                          line="dashed")

LINE_COLOR = "#707070"
CRITICAL_LINE = "#c2410c"
"""Critical relationships are drawn thick, in this orange."""


class StyleSheet:
    """The model's ``ws.style`` declarations, merged per tag in declaration order."""

    def __init__(self, styles: Iterable[Style]) -> None:
        self.by_tag: dict[str, dict[str, object]] = {}
        for style in styles:
            values = {k: v for k, v in style.model_dump(exclude={"tag", "location"}).items()
                      if v is not None}
            self.by_tag.setdefault(style.tag, {}).update(values)

    def for_tags(self, tags: Iterable[str]) -> tuple[dict[str, object], tuple[str, ...]]:
        """The merged style of these tags (in the order the model declared the styles)."""
        wanted = set(tags)
        merged: dict[str, object] = {}
        used: list[str] = []
        for tag, values in self.by_tag.items():
            if tag in wanted:
                merged.update(values)
                used.append(tag)
        return merged, tuple(used)


def node_style(kind: str, external: bool, tags: Iterable[str], sheet: StyleSheet) -> NodeStyle:
    base = KIND_STYLES.get(kind)
    if base is None:
        return UNKNOWN_STYLE
    fill, border, text = base.fill, base.border, base.text
    if external:
        fill, border, text = (
            EXTERNAL_STYLE["fill"],
            EXTERNAL_STYLE["border"],
            EXTERNAL_STYLE["text"],
        )
    own, used = sheet.for_tags(tags)
    return NodeStyle(
        fill=str(own.get("color", fill)), border=str(own.get("border", border)),
        text=str(own.get("text", text)), shape=str(own.get("shape", base.shape)),
        line=str(own.get("line", "solid")), width=int(own.get("width", 1)),  # type: ignore[call-overload]
        tags=used,
    )


def edge_style(relationships: list[Relationship], sheet: StyleSheet) -> EdgeStyle:
    """Asynchronous: dashed; critical: thick orange; then the styles of the relationships' tags."""
    asynchronous = combined_interaction(relationships) == "async"
    critical = highest_criticality(relationships) == "critical"
    own, used = sheet.for_tags(t for r in relationships for t in r.tags)
    return EdgeStyle(
        color=str(own.get("color", CRITICAL_LINE if critical else LINE_COLOR)),
        line=str(own.get("line", "dashed" if asynchronous else "solid")),
        width=int(own.get("width", 3 if critical else 1)),  # type: ignore[call-overload]
        tags=used,
    )
