"""Graphviz SVG made fit for a page: stable, self-contained, with the page's own links.

Pure text transformations: :func:`clean_svg` runs once on a fresh layout; :func:`link_elements`
runs per page, replacing the ``archdoc:element:<id>`` placeholders of :mod:`archdoc.render.dot`
with URLs relative to that page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from archdoc.render.dot import ELEMENT_LINK

__all__ = ["clean_svg", "link_elements", "svg_size"]

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_TITLE = re.compile(r"<title>.*?</title>\n?", re.S)
_ID = re.compile(r'\s(id)="([^"]*)"')
_CLUSTER = re.compile(r'<g id="[^"]*?clust(\d+)" class="cluster[^"]*">\n(?:(?!<g\b).*\n)*?</g>\n')
_PAGE = re.compile(r'\b(id|xlink:href|href)="(#?)page\d+,\d+_')
_REF = re.compile(r'(xlink:href|href)="#([^"]*)"')
_ROOT = re.compile(r"<svg\b([^>]*)>")
_LINK = re.compile(r'<a xlink:href="' + re.escape(ELEMENT_LINK) + r'([^"]*)"')
_SIZE = re.compile(r'<svg\b[^>]*\bwidth="([0-9.]+)pt"[^>]*\bheight="([0-9.]+)pt"')


def clean_svg(svg: str, *, prefix: str, label: str) -> str:
    """Drop the XML prologue, comments (generator version, temporary names) and the per-node
    titles (hover text comes from the links' titles); prefix every id with ``prefix`` so that
    several diagrams on one page never share one; name the drawing for screen readers."""
    body = _PROLOGUE.sub("", svg, count=1)
    body = _COMMENT.sub("", body)
    body = _TITLE.sub("", body)
    body = body.replace("&#45;", "-")  # Graphviz writes every hyphen as an entity
    # A long-running dot sometimes prefixes the ids of a later graph with its page ("page0,1_"):
    # the same drawing must have the same ids whichever process drew it.
    if '="page' in body or '="#page' in body:  # rare: spare the scan of every drawing
        body = _PAGE.sub(lambda m: f'{m[1]}="{m[2]}', body)
    body = _clusters_in_order(body)
    body = _ID.sub(lambda m: f' id="{prefix}{m[2]}"', body)
    body = _REF.sub(lambda m: f'{m[1]}="#{prefix}{m[2]}"', body)
    body = _ROOT.sub(
        lambda m: (
            f'<svg{m[1]} class="archdoc-svg" role="img" '
            f'aria-label="{html.escape(label, quote=True)}">'
        ),
        body,
        count=1,
    )
    return "\n".join(line for line in body.splitlines() if line.strip()) + "\n"


def _clusters_in_order(svg: str) -> str:
    """Graphviz emits the frames of sibling clusters in an order that depends on its memory, not
    on the graph: put them in the order of the source (parents before their children, so each
    frame is drawn under what it holds)."""
    frames = list(_CLUSTER.finditer(svg))
    if len(frames) < 2 or any(a.end() != b.start() for a, b in zip(frames, frames[1:])):
        return svg
    ordered = sorted(frames, key=lambda m: int(m[1]))
    return svg[:frames[0].start()] + "".join(m[0] for m in ordered) + svg[frames[-1].end():]


def link_elements(svg: str, link_for: Callable[[str], str | None]) -> str:
    """Each element placeholder link becomes ``link_for(id)``; an element without a page is
    drawn without a link."""

    def replace(match: re.Match[str]) -> str:
        url = link_for(html.unescape(match[1]))
        if url is None:
            return "<a"
        return f'<a xlink:href="{html.escape(url, quote=True)}"'

    return _LINK.sub(replace, svg)


def svg_size(svg: str) -> tuple[float, float]:
    """The natural width and height of a Graphviz SVG, in points."""
    match = _SIZE.search(svg)
    return (float(match[1]), float(match[2])) if match else (0.0, 0.0)
