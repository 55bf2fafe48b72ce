"""Reading the pipe tables of generated pages, as a reader sees them (shared by the example tests)."""

from __future__ import annotations

import re

__all__ = ["plain", "tables", "table_with"]


def plain(cell: str) -> str:
    """A Markdown table cell as the reader sees it: links and badges reduced to their text."""
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"<[^>]+>", "", cell)
    return cell.replace("\\", "").replace("`", "").replace("&nbsp;", "").strip()


def tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every pipe table of a page: (headers, rows), cells as plain text."""
    found = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines) - 1:
        if lines[i].startswith("|") and re.match(r"^\|[\s:|-]+\|$", lines[i + 1].strip()):
            headers = [plain(c) for c in lines[i].strip().strip("|").split(" | ")]
            rows = []
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                rows.append([plain(c) for c in lines[j].strip()[1:-1].split(" | ")])
                j += 1
            found.append((headers, rows))
            i = j
        else:
            i += 1
    return found


def table_with(markdown: str, *headers: str) -> list[dict[str, str]]:
    """The rows, as dicts, of the first table that has all these headers."""
    for head, rows in tables(markdown):
        if all(h in head for h in headers):
            return [dict(zip(head, row)) for row in rows]
    raise AssertionError(f"no table with headers {headers}")
