"""The guide's example comment is the real output: ``docs/guide/review.md`` shows the golden comment
of the shop example, as written and as rendered (``ARCHDOC_UPDATE_GOLDEN=1`` rewrites it)."""

from __future__ import annotations

import re
from pathlib import Path

from archdoc.render.tables import diagram_block
from archdoc_testing import GOLDEN_DIR, UPDATE_GOLDEN

GUIDE = Path(__file__).resolve().parents[2] / "docs/guide/review.md"
START, END = "<!-- example-comment:start -->", "<!-- example-comment:end -->"


def rendered(comment: str) -> str:
    """The comment as MkDocs renders it: ``md_in_html`` reads Markdown inside ``<details
    markdown="1">``, and archdoc's script draws the diagram of a diagram block."""
    text = comment.replace("<details open>\n", '<details open markdown="1">\n')
    text = text.replace("<details>\n", '<details markdown="1">\n')
    return re.sub(
        r"```mermaid\n(.*?)```\n",
        lambda m: diagram_block("diff", m.group(1)).lstrip("\n"),
        text,
        flags=re.S,
    )


def example(comment: str) -> str:
    return "\n".join([
        START, '<details markdown="1">', "<summary>The comment's Markdown</summary>", "",
        "````markdown", comment.rstrip("\n"), "````", "", "</details>", "",
        rendered(comment).rstrip("\n"), END])


def test_the_guide_shows_the_golden_comment() -> None:
    expected = example((GOLDEN_DIR / "diff/shop.md").read_text(encoding="utf-8"))
    guide = GUIDE.read_text(encoding="utf-8")
    start, end = guide.index(START), guide.index(END) + len(END)
    if UPDATE_GOLDEN:
        GUIDE.write_text(guide[:start] + expected + guide[end:], encoding="utf-8", newline="\n")
        return
    assert guide[start:end] == expected, (
        "run with ARCHDOC_UPDATE_GOLDEN=1 to update docs/guide/review.md"
    )
