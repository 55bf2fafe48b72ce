"""Reading generated Markdown back: the Mermaid sources of its diagrams, as Mermaid gets them."""

from __future__ import annotations

import html
import re

from archdoc.site import Layout

DIAGRAM = re.compile(
    r'<div class="archdoc-diagram" data-archdoc-view="(?P<key>[^"]*)"[^>]*>\n'
    r'<pre class="archdoc-mermaid">(?P<source>.*?)</pre>\n</div>',
    re.DOTALL,
)


def diagrams(markdown: str) -> dict[str, str]:
    """``{view key: Mermaid source}`` of every diagram block of a page (entities decoded, as
    the browser's ``textContent`` gives them to Mermaid)."""
    found = {}
    for match in DIAGRAM.finditer(markdown):
        found[html.unescape(match["key"])] = html.unescape(match["source"]) + "\n"
    return found


def page_of_view(layout: Layout, key: str) -> str:
    """The generated page that shows the view ``key``."""
    kind, _, arg = key.partition(":")
    if kind == "landscape":
        return layout.home()
    if kind in ("context", "containers", "components"):
        return layout.element(arg)
    if kind in ("flow", "flow-steps"):
        return layout.flow(arg)
    if kind in ("deployment", "inventory"):
        return layout.environment(arg)
    raise ValueError(key)
