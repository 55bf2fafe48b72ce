"""The selectors of ``ws.view(include=..., exclude=...)``, as written by a user.

``"*"`` (what the built-in view of the scope draws), an id (``"shop.order-api"``), the children
(``"shop.*"``) or descendants (``"shop.**"``) of an element, ``"tag:NAME"``, ``"kind:KIND"``,
``"technology:NAME"`` (a glob, any case: ``"technology:postgres*"``). Which elements a selector
names depends on the model, and is resolved when the view is computed.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Literal

__all__ = ["Selector", "parse_selector", "selector_problem", "technology_names", "SELECTOR_HINT",
           "SELECTOR_KINDS"]

SELECTOR_KINDS: tuple[str, ...] = (
    "person", "system", "container", "database", "queue", "component",
)

SELECTOR_HINT = ('a selector is "*", an element or its id ("shop.order-api"), "shop.*" (its '
                 'children), "shop.**" (its descendants), "tag:NAME", "kind:KIND" or '
                 '"technology:NAME" ("technology:postgres*")')

SelectorKind = Literal["all", "element", "children", "descendants", "tag", "kind", "technology"]


def technology_names(technology: str) -> list[str]:
    """The technologies an element's ``technology`` names, comma-separated:
    ``"Elasticsearch, Kibana"`` -> ``["Elasticsearch", "Kibana"]``."""
    return [name for name in (part.strip() for part in technology.split(",")) if name]


@dataclass(frozen=True)
class Selector:
    """A parsed selector: what it selects and of what (an id, a tag, a kind or a technology)."""

    kind: SelectorKind
    value: str = ""

    def __str__(self) -> str:
        return {
            "all": "*", "element": self.value, "children": f"{self.value}.*",
            "descendants": f"{self.value}.**", "tag": f"tag:{self.value}",
            "kind": f"kind:{self.value}", "technology": f"technology:{self.value}",
        }[self.kind]

    def matches_technology(self, technology: str) -> bool:
        """For a ``technology:`` selector: whether one of the technologies an element's
        ``technology`` names matches the pattern (a glob, any case)."""
        pattern = self.value.casefold()
        return any(fnmatch.fnmatchcase(name.casefold(), pattern)
                   for name in technology_names(technology))


def parse_selector(text: str) -> Selector:
    """The selector a string stands for (call :func:`selector_problem` first)."""
    text = text.strip()
    if text == "*":
        return Selector("all")
    if text.startswith("tag:"):
        return Selector("tag", text[4:].strip())
    if text.startswith("kind:"):
        return Selector("kind", text[5:].strip())
    if text.startswith("technology:"):
        return Selector("technology", text[11:].strip())
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
    if selector.kind == "technology" and not selector.value:
        return "names no technology"
    if selector.kind == "kind" and selector.value not in SELECTOR_KINDS:
        return "names no kind of element (kinds: " + ", ".join(SELECTOR_KINDS) + ")"
    if selector.kind in ("children", "descendants", "element"):
        if not selector.value or "*" in selector.value:
            return ("is not an id, an id followed by .* or .**, tag:NAME, kind:KIND or "
                    "technology:NAME")
    return ""
