"""Diagrams on pages: each computed view drawn by the engine that suits it, with its key.

Static and deployment views are laid out at build time by Graphviz into SVG that the page
holds (readable at its natural size, linked, no script needed); flows are Mermaid sequence
diagrams drawn in the browser from the site's own copy of Mermaid. Without Graphviz, every view
is drawn with Mermaid and the build says so once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archdoc.layout.graphviz import GraphvizError, GraphvizLayout, graphviz_available
from archdoc.render import dot, mermaid
from archdoc.render.icons import icon_file, node_icon
from archdoc.render.legend import legend, legend_html
from archdoc.render.svg import clean_svg, link_elements
from archdoc.render.tables import diagram_block
from archdoc.render.text import md_text
from archdoc.views.computed import (
    AnyView,
    ComputedView,
    DeploymentBox,
    DeploymentView,
    SequenceView,
)

__all__ = ["DiagramSettings", "Drawing", "MAX_VIEW_ELEMENTS",
           "MAX_VIEW_RELATIONSHIPS"]

MAX_VIEW_ELEMENTS = 1000
"""Views with more elements are listed, not drawn (``diagrams: {max_view_elements: N}``)."""
MAX_VIEW_RELATIONSHIPS = 3000


@dataclass
class DiagramSettings:
    """The ``diagrams:`` options a site is built with."""

    engine: str = "graphviz"
    """``graphviz`` (static and deployment views laid out at build time) or ``mermaid``."""
    deployment: str = "diagrams"
    """``diagrams``: deployment nodes drawn with provider icons; ``mermaid``: as boxes."""
    max_view_elements: int = MAX_VIEW_ELEMENTS
    max_view_relationships: int = MAX_VIEW_RELATIONSHIPS


def deployment_icon(box: DeploymentBox) -> str | None:
    """The provider icon file drawn in a deployment node's box (None: no icon)."""
    name, _ = node_icon(box.icon, box.technology, box.name)
    return icon_file(name)


def _prefix(key: str) -> str:
    return "archdoc-" + re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") + "-"


@dataclass
class Drawing:
    """Draws views for pages; holds the Graphviz process of a build (call :meth:`close`)."""

    settings: DiagramSettings = field(default_factory=DiagramSettings)
    notice: Callable[[str], None] = lambda text: None
    _graphviz: GraphvizLayout | None = None
    _graphviz_failed: bool = False
    _sources: dict[str, str] = field(default_factory=dict)
    """The DOT source of each view :meth:`prepare` laid out, by key, until it is drawn."""

    def close(self) -> None:
        if self._graphviz is not None:
            self._graphviz.close()
            self._graphviz = None

    def _layout(self) -> GraphvizLayout | None:
        if self._graphviz is None and not self._graphviz_failed:
            if not graphviz_available():
                self._graphviz_failed = True
                self.notice("Graphviz `dot` is not installed: diagrams are drawn in the browser "
                            "with Mermaid instead of laid out at build time, and deployment views "
                            "lose their provider icons; install the `graphviz` package of your "
                            "system to get them")
                return None
            self._graphviz = GraphvizLayout()
        return self._graphviz

    def engine_for(self, view: AnyView) -> str:
        if isinstance(view, SequenceView):
            return "mermaid"
        if isinstance(view, DeploymentView) and self.settings.deployment == "mermaid":
            return "mermaid"
        if self.settings.engine == "mermaid":
            return "mermaid"
        return "graphviz" if self._layout() is not None else "mermaid"

    def too_large(self, view: AnyView) -> bool:
        if not isinstance(view, ComputedView):
            return False
        return (len(view.nodes) > self.settings.max_view_elements
                or len(view.edges) > self.settings.max_view_relationships)

    def prepare(self, views: Iterable[AnyView]) -> None:
        """Lay out, side by side, the views about to be drawn with Graphviz (each drawing is then
        taken from memory when its page asks for it)."""
        sources = []
        for view in views:
            if isinstance(view, SequenceView) or self.too_large(view) \
                    or self.engine_for(view) != "graphviz":
                continue
            icons = deployment_icon if isinstance(view, DeploymentView) else None
            source = self._sources[view.key] = dot.render(view, icons)
            sources.append(source)
        layout = self._layout() if sources else None
        if layout is not None:
            layout.prefetch(sources)

    def svg(self, view: ComputedView | DeploymentView) -> str:
        """The view laid out by Graphviz, cleaned, element links left as placeholders."""
        layout = self._layout()
        if layout is None:
            raise GraphvizError("Graphviz `dot` is not installed",
                                hint="install the `graphviz` package of your system")
        source = self._sources.pop(view.key, None)
        if source is None:
            icons = deployment_icon if isinstance(view, DeploymentView) else None
            source = dot.render(view, icons)
        return clean_svg(layout.svg(source), prefix=_prefix(view.key), label=view.title)

    def draw(self, view: AnyView, link_for: Callable[[str], str | None]) -> str:
        """The HTML block showing ``view`` on a page (links made by ``link_for``)."""
        if self.too_large(view):
            assert isinstance(view, ComputedView)
            return (f"\n_{md_text(view.title)}: {len(view.nodes)} elements and {len(view.edges)} "
                    "relationships are more than this site draws (`diagrams: {max_view_elements: "
                    f"{self.settings.max_view_elements}, max_view_relationships: "
                    f"{self.settings.max_view_relationships}}}`); the tables and the dependency "
                    "matrix list them._\n\n")
        key = legend_html(legend(view))
        if self.engine_for(view) == "graphviz":
            assert not isinstance(view, SequenceView)
            try:
                svg = link_elements(self.svg(view), link_for)
            except GraphvizError as exc:
                self.notice(f"{view.key}: {exc.message}; drawn with Mermaid instead")
            else:
                if isinstance(view, ComputedView) and not dot.edge_labels(view):
                    key = (f'<p class="archdoc-diagram__note">{len(view.edges)} relationships: '
                           "point at an arrow to read its label.</p>\n" + key)
                return diagram_block(view.key, svg, key, engine="graphviz")
        source = mermaid.render(view, link_for)
        return diagram_block(view.key, source, key, engine="mermaid")
