"""Escaping user text for each place it lands: Markdown tables, HTML, Mermaid."""

from __future__ import annotations

import html

__all__ = ["md_cell", "md_code", "md_text", "html_text", "mermaid_text", "mermaid_message"]

_MD_SPECIAL = str.maketrans({
    "\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
    "#": "\\#", "<": "&lt;", ">": "&gt;", "&": "&amp;", "!": "\\!",
    # attr_list reads a trailing `{...}` of a heading or a table cell as HTML attributes
    "{": "\\{", "}": "\\}",
})


def md_text(text: str) -> str:
    """User text shown as written inside Markdown (no markup, no HTML)."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def md_cell(text: str) -> str:
    """User text for a Markdown table cell: one line, pipes escaped, no HTML."""
    return md_text(text)


def md_code(text: str) -> str:
    """User text as inline code (an event name, a tag): one line, shown as written. A code
    span shows backslashes and entities literally, so nothing is escaped; backticks, which
    would end it, are dropped. Pipes are safe: Python-Markdown's tables skip code spans."""
    code = " ".join(text.replace("`", "").split())
    return f"`{code}`" if code else ""


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


# Mermaid entity codes: `#35;` is `#`, `#quot;` is `"`... They are decoded into the SVG text,
# so no character of the user's text can end a label, start a comment or inject markup.
_MERMAID = {
    "#": "#35;", "&": "#38;", "<": "#60;", ">": "#62;", '"': "#34;", "`": "#96;",
    "%": "#37;", "|": "#124;", ";": "#59;", "{": "#123;", "}": "#125;", "[": "#91;",
    "]": "#93;", "(": "#40;", ")": "#41;", "\\": "#92;", ":": "#58;", "=": "#61;",
}
_MERMAID_TABLE = str.maketrans(_MERMAID)


def mermaid_text(text: str) -> str:
    """User text inside a quoted Mermaid label, line breaks kept as ``<br/>``. A backslash
    before ``n`` is followed by an invisible word joiner: in a label with markup, Mermaid
    would draw ``\\n`` as written as a line break."""
    lines = [line.strip().translate(_MERMAID_TABLE).replace("#92;n", "#92;\u2060n")
             for line in text.strip().splitlines()]
    return "<br/>".join(line for line in lines if line)


def mermaid_message(text: str) -> str:
    """User text at the end of a sequence-diagram line (messages, notes, block labels)."""
    return mermaid_text(text)
