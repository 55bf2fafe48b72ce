"""The selectors of ``ws.view(include=..., exclude=...)``, as written by a user.

``"*"`` (what the built-in view of the scope draws), an id (``"shop.order-api"``), the children
(``"shop.*"``) or descendants (``"shop.**"``) of an element, ``"tag:NAME"``, ``"kind:KIND"``.
Which elements a selector names depends on the model, and is resolved when the view is computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Selector", "parse_selector", "selector_problem", "SELECTOR_HINT", "SELECTOR_KINDS"]

SELECTOR_KINDS: tuple[str, ...] = (
    "person", "system", "container", "database", "queue", "component",
)

SELECTOR_HINT = ('a selector is "*", an element or its id ("shop.order-api"), "shop.*" (its '
                 'children), "shop.**" (its descendants), "tag:NAME" or "kind:KIND"')

SelectorKind = Literal["all", "element", "children", "descendants", "tag", "kind"]


@dataclass(frozen=True)
class Selector:
    """A parsed selector: what it selects and of what (an id, a tag or a kind)."""

    kind: SelectorKind
    value: str = ""

    def __str__(self) -> str:
        return {
            "all": "*", "element": self.value, "children": f"{self.value}.*",
            "descendants": f"{self.value}.**", "tag": f"tag:{self.value}",
            "kind": f"kind:{self.value}",
        }[self.kind]


def parse_selector(text: str) -> Selector:
    """The selector a string stands for (call :func:`selector_problem` first)."""
    text = text.strip()
    if text == "*":
        return Selector("all")
    if text.startswith("tag:"):
        return Selector("tag", text[4:].strip())
    if text.startswith("kind:"):
        return Selector("kind", text[5:].strip())
    if text.endswith(".**"):
        return Selector("descendants", text[:-3])
    if text.endswith(".*"):
        return Selector("children", text[:-2])
    return Selector("element", text)


def selector_problem(text: str) -> str:
    """Why ``text`` is not a selector (``""`` when it is one)."""
    if not text.strip():
        return "is empty"
    selector = parse_selector(text)
    if selector.kind == "tag" and not selector.value:
        return "names no tag"
    if selector.kind == "kind" and selector.value not in SELECTOR_KINDS:
        return "names no kind of element (kinds: " + ", ".join(SELECTOR_KINDS) + ")"
    if selector.kind in ("children", "descendants", "element"):
        if not selector.value or "*" in selector.value:
            return "is not an id, an id followed by .* or .**, tag:NAME or kind:KIND"
    return ""
