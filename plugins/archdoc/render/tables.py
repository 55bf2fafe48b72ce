"""Markdown tables and the HTML wrapper of a diagram."""

from __future__ import annotations

from collections.abc import Sequence

from archdoc.render.text import html_text

__all__ = ["table", "facts", "diagram_block", "badge"]


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, align: Sequence[str] | None = None
) -> str:
    """A Markdown table; cells must already be escaped (they may hold links)."""
    if not rows:
        return ""
    align = align or ["l"] * len(headers)
    rule = {"l": "---", "r": "--:", "c": ":-:"}
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(rule[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(cell or "" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def facts(rows: Sequence[Sequence[str]]) -> str:
    """Key facts as a list: ``- **Kind:** Container``; cells must already be escaped."""
    return "\n".join(f"- **{key}:** {value}" for key, value in rows) + "\n"


def diagram_block(key: str, body: str, legend: str = "", *, engine: str = "mermaid") -> str:
    """A diagram as a raw HTML block: the drawing (an SVG laid out at build time) or the Mermaid
    source archdoc's script draws (``engine="mermaid"``: ``body`` is the source), then its key.

    A Mermaid source is HTML-escaped, so nothing in it can close the block or inject markup;
    Mermaid decodes the entities back before parsing.
    """
    if engine == "mermaid":
        body = f'<pre class="archdoc-mermaid">{html_text(body.rstrip())}</pre>'
    rendered = ' data-archdoc-rendered="true"' if engine != "mermaid" else ""
    return (
        f'\n<div class="archdoc-diagram archdoc-diagram--{engine}" '
        f'data-archdoc-view="{html_text(key)}"'
        f'{rendered} data-search-exclude>\n<div class="archdoc-diagram__canvas">\n'
        f"{body.rstrip()}\n</div>\n"
        f"{legend}\n</div>\n\n"
    )


_BADGE_CLASSES = {
    "critical": "critical", "high": "high", "medium": "medium", "low": "low",
    "async": "async", "sync": "sync", "healthy": "healthy", "critical path": "critical",
    "asynchronous": "async", "breaks": "critical", "degraded": "high",
}


def badge(text: str, kind: str | None = None) -> str:
    """A small coloured label (styled by archdoc.css; plain text elsewhere)."""
    cls = kind or _BADGE_CLASSES.get(text.lower()) or _css_name(text)
    return f'<span class="archdoc-badge archdoc-badge--{html_text(cls)}">{html_text(text)}</span>'


def _css_name(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "neutral"
