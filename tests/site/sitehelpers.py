"""Reading generated Markdown back: the Mermaid sources of its diagrams, as Mermaid gets them."""

from __future__ import annotations

import html
import re

from archdoc.site import Layout

DIAGRAM = re.compile(
    r'<div class="archdoc-diagram archdoc-diagram--mermaid" '
    r'data-archdoc-view="(?P<key>[^"]*)"[^>]*>\n'
    r'<div class="archdoc-diagram__canvas">\n'
    r'<pre class="archdoc-mermaid">(?P<source>.*?)</pre>\n</div>',
    re.DOTALL,
)
DRAWING = re.compile(
    r'<div class="archdoc-diagram archdoc-diagram--graphviz" '
    r'data-archdoc-view="(?P<key>[^"]*)"[^>]*>\n'
    r'<div class="archdoc-diagram__canvas">\n(?P<svg><svg\b.*?</svg>)\n</div>',
    re.DOTALL,
)


def diagrams(markdown: str) -> dict[str, str]:
    """``{view key: Mermaid source}`` of every diagram block of a page (entities decoded, as
    the browser's ``textContent`` gives them to Mermaid)."""
    found = {}
    for match in DIAGRAM.finditer(markdown):
        found[html.unescape(match["key"])] = html.unescape(match["source"]) + "\n"
    return found


def drawings(markdown: str) -> dict[str, str]:
    """``{view key: SVG}`` of every diagram laid out at build time on a page."""
    return {html.unescape(m["key"]): m["svg"] for m in DRAWING.finditer(markdown)}


def page_of_view(layout: Layout, key: str) -> str:
    """The generated page that shows the view ``key``."""
    kind, _, arg = key.partition(":")
    if kind == "landscape":
        return layout.home()
    if kind in ("context", "containers", "components", "neighbourhood"):
        return layout.element(arg)
    if kind == "view":
        return layout.view(arg)
    if kind in ("flow", "flow-steps"):
        return layout.flow(arg)
    if kind in ("deployment", "inventory"):
        return layout.environment(arg)
    raise ValueError(key)
