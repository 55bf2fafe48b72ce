"""What a model declares about drawing it: views a user defines, and styles by tag.

``ws.view(...)`` records a view *specification* (which elements to draw); archdoc computes the
view from it when it draws it. ``ws.style(tag, ...)`` says how elements and relationships with a
tag look in every view.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

from archdoc.errors import ModelError
from archdoc.model.records import Record
from archdoc.source import caller_location

__all__ = [
    "View",
    "Style",
    "Direction",
    "Shape",
    "LineStyle",
    "DIRECTIONS",
    "SHAPES",
    "LINE_STYLES",
    "STYLE_KEYS",
    "check_style",
    "check_group",
]

Direction = Literal["TB", "LR", "BT", "RL"]
DIRECTIONS: tuple[str, ...] = ("TB", "LR", "BT", "RL")
"""Top to bottom (the default), left to right, bottom to top, right to left."""

Shape = Literal["box", "rounded", "cylinder", "person", "queue", "hexagon", "component", "folder"]
SHAPES: tuple[str, ...] = ("box", "rounded", "cylinder", "person", "queue", "hexagon", "component",
                           "folder")
LineStyle = Literal["solid", "dashed", "dotted"]
LINE_STYLES: tuple[str, ...] = ("solid", "dashed", "dotted")

STYLE_KEYS: tuple[str, ...] = ("color", "border", "text", "shape", "line", "width")
"""The keys ``ws.style(tag, ...)`` takes."""

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class View(Record):
    """A view a user defines with ``ws.view(...)``: what to draw, from which scope."""

    id: str
    """The view's id; its key is ``view:<id>``."""
    name: str
    description: str = ""
    scope_id: str | None = None
    """``of=``: a system (drawn at container level) or a container (component level); None:
    the landscape level."""
    include: list[str] = ["*"]
    """Selectors, elements given as their ids."""
    exclude: list[str] = []
    around_id: str | None = None
    """``around=``: the element whose neighbourhood is drawn."""
    depth: int = 1
    """With ``around``: how many hops from it."""
    direction: Direction | None = None
    """TB, LR, BT or RL; None: the site's default (TB unless configured)."""

    @property
    def key(self) -> str:
        return f"view:{self.id}"


class Style(Record):
    """How elements and relationships tagged ``tag`` are drawn; unset keys keep the default."""

    tag: str
    color: str | None = None
    """Fill of an element; colour of a relationship's line."""
    border: str | None = None
    """An element's border colour."""
    text: str | None = None
    """Colour of an element's text."""
    shape: Shape | None = None
    """An element's shape."""
    line: LineStyle | None = None
    """A relationship's line (an element's border): solid, dashed or dotted."""
    width: int | None = None
    """A relationship's line width (an element's border width), in points (1-8)."""


def check_style(call: str, values: dict[str, object]) -> dict[str, object]:
    """The style keys of a ``ws.style`` call, checked at the user's call site."""
    out: dict[str, object] = {}
    for key, value in values.items():
        if key not in STYLE_KEYS:
            close = difflib.get_close_matches(key, STYLE_KEYS, n=1)
            raise ModelError(
                f"{call}(): unknown style key {key!r}",
                location=caller_location(),
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + "style keys: " + ", ".join(STYLE_KEYS),
            )
        if value is None:
            continue
        if key in ("color", "border", "text"):
            if not isinstance(value, str) or not _HEX.fullmatch(value):
                raise ModelError(
                    f"{call}(): {key}={value!r} is not a colour",
                    location=caller_location(),
                    hint=f'give a hex colour such as {key}="#fb923c"',
                )
        elif key == "shape" and value not in SHAPES:
            raise ModelError(
                f"{call}(): shape={value!r} is not one of " + ", ".join(SHAPES),
                location=caller_location(), hint="use one of " + ", ".join(SHAPES),
            )
        elif key == "line" and value not in LINE_STYLES:
            raise ModelError(
                f"{call}(): line={value!r} is not one of " + ", ".join(LINE_STYLES),
                location=caller_location(), hint="use one of " + ", ".join(LINE_STYLES),
            )
        elif key == "width" and (isinstance(value, bool) or not isinstance(value, int)
                                 or not 1 <= value <= 8):
            raise ModelError(
                f"{call}(): width={value!r} is not a line width from 1 to 8",
                location=caller_location(), hint="write width=3",
            )
        out[key] = value
    return out


def check_group(value: object, call: str) -> str:
    """``"Checkout"`` or ``"Outer/Inner"``: a group path, checked at the user's call site."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ModelError(
            f"{call}(): group must be a string, not {type(value).__name__} ({value!r})",
            location=caller_location(), hint='write group="Checkout" or group="Outer/Inner"',
        )
    parts = [p.strip() for p in value.split("/")]
    if not all(parts):
        raise ModelError(
            f"{call}(): group {value!r} has an empty part",
            location=caller_location(), hint='name every level: group="Outer/Inner"',
        )
    return "/".join(parts)
