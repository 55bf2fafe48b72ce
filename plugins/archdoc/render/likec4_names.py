"""LikeC4 identifiers and strings for archdoc's ids and text.

A LikeC4 name (an element, a tag, a view, a metadata key) is an ASCII identifier that is not
one of the language's keywords; archdoc's ids hold dots, tildes, hyphens and letters of any
script. :func:`identifier` maps one to the other the same way every time, and
:class:`Namespace` keeps the names of one scope unique (``api``, ``api_2``...) in the order
they are asked for, so the same model always gets the same names.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KEYWORDS", "identifier", "Namespace", "c4_string"]

KEYWORDS = frozenset("""
    BottomTop LeftRight RightLeft TopBottom alt amber and autoLayout blue border bottom break
    browser bucket catch color component crow cylinder dashed deployment deploymentNode
    description diagram diamond document dot dotted dynamic dynamicPredicateGroup element else
    exclude extend extends false finally from global gray green group head icon iconColor
    iconPosition iconSize icons if import include includeAncestors indigo instance instanceOf is
    it kind large left lg likec4lib line link loop max md medium metadata min mobile model
    multiple muted navigateTo node none normal not notation notes odiamond odot of onormal
    opacity open opt or padding par parallel person predicate predicateGroup primary queue rank
    rectangle red relationship rgb rgba right same secondary self sequence shape sink size sky
    slate sm small solid source specification storage style styleGroup summary super tag tail
    target technology textSize this title top true try variant vee view views when where with
    xl xlarge xs xsmall
""".split())
"""Every keyword of the LikeC4 grammar and its reserved words (``this``, ``it``...): a name
equal to one of them gets a trailing ``_``."""

_RUN = re.compile(r"_+")


def identifier(text: str, fallback: str = "element", *, hyphens: bool = False) -> str:
    """``"order-api"`` -> ``order_api``; ``"Straße"`` -> ``strasse``; ``"注文"`` ->
    ``u6ce8_u6587``; ``"3d"`` -> ``n3d``; ``"views"`` -> ``views_``.

    Letters lose their accents; a letter with no ASCII form becomes ``u`` and its code point,
    so two names that differ only in such letters stay apart. Everything else but ASCII
    letters, digits and ``_`` (and ``-`` with ``hyphens``, for tags) becomes ``_``.
    """
    folded = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    for char in folded:
        if char.isascii() and (char.isalnum() or char == "_" or (hyphens and char == "-")):
            out.append(char)
        elif unicodedata.combining(char):
            continue
        elif char.isalnum():
            plain = unicodedata.normalize("NFKD", char.casefold())
            if plain.isascii() and plain.isalnum():  # "ß" -> "ss"
                out.append(plain)
            else:
                out.append(f"_u{ord(char):x}_")
        else:
            out.append("_")
    name = _RUN.sub("_", "".join(out)).strip("_-") or fallback
    if name[0].isdigit():
        name = "n" + name
    if name in KEYWORDS:
        name += "_"
    return name


class Namespace:
    """Unique names within one scope: the first ``api`` is ``api``, the next ``api_2``."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def claim(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self.taken:
            name, n = f"{wanted}_{n}", n + 1
        self.taken.add(name)
        return name


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def c4_string(text: str) -> str:
    """A double-quoted LikeC4 string holding ``text`` exactly (newlines as ``\\n``)."""
    return '"' + text.translate(_ESCAPES) + '"'
