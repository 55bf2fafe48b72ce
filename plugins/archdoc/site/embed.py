"""Finding the ```archdoc blocks of a hand-written page and replacing them."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["embed_blocks"]

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")


def embed_blocks(markdown: str, render: Callable[[str, int], str]) -> str:
    """Replace each top-level fenced block of language ``archdoc`` with ``render(key, line)``
    for every key it lists (one per line; blank lines and ``#`` comments are skipped).

    Fences inside other fences (a Markdown example of the syntax) are left alone.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        fence, indent = match["fence"], match["indent"]
        closing = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = i + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        block = lines[i + 1:end]
        if match["info"].strip() == "archdoc":
            parts = []
            for offset, key in enumerate(block, 1):
                if key.strip() and not key.strip().startswith("#"):
                    parts.append(render(key.strip(), i + 1 + offset))
            out.append("\n".join(parts))
        else:
            out.extend(lines[i:end + 1])
        i = end + 1
    return "\n".join(out)
