"""Structurizr DSL identifiers, view keys and strings for archdoc's ids and text.

An identifier of the DSL is ASCII (``\\w[a-zA-Z0-9_-]*``) and case-insensitive; a view key is
``[a-zA-Z0-9_-]+``. :func:`identifier` and :func:`view_key` map archdoc's ids to them the same way
every time, and :class:`Namespace` keeps the names of one scope unique, ignoring case, in the
order they are asked for.

A DSL string is double-quoted, and the DSL reads exactly two escapes in it, after it has
substituted ``${NAME}`` with a constant or an environment variable: ``\\"`` (a quote) and
``\\n`` (a line break); every other backslash is itself. So :class:`Strings` writes a quote
as ``\\"`` and a line break as ``\\n``; ``${NAME}`` as ``${archdoc.dollar}{NAME}`` (the
constant ``archdoc.dollar`` is ``$``; as Structurizr replaces every occurrence of a constant
once for each it finds, it misreads a text holding ``${archdoc.dollar}`` itself beside another
``${``, which is said); a backslash that ends the text is followed by ``${archdoc.empty}`` (an
empty constant), as the quote after it would be read as escaped. A
backslash followed by ``n`` has no spelling at all: it is written with an invisible word joiner
(U+2060) between the two, which ``archdoc import structurizr`` removes; a carriage return
has none either and becomes a line break.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["identifier", "view_key", "Namespace", "Strings", "DOLLAR", "EMPTY", "WORD_JOINER"]

DOLLAR = "archdoc.dollar"
"""The constant holding ``$``, to write ``${`` without a substitution."""
EMPTY = "archdoc.empty"
"""The empty constant, written after a backslash that ends a string."""
WORD_JOINER = "\u2060"

RESERVED = frozenset({"this", "element", "relationship"})
"""Identifiers the DSL reads as something else (``this``; ``element.``/``relationship.``
expressions in views)."""

_RUN = re.compile(r"_+")
_SUBSTITUTION = re.compile(r"\$(?=\{[a-zA-Z0-9\-_.]+?\})")


def _ascii(text: str, keep: str) -> str:
    """``text`` folded to ASCII letters, digits and the characters of ``keep``; anything else
    ``_``, a letter with no ASCII form ``u`` and its code point."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if char.isascii() and (char.isalnum() or char in keep):
            out.append(char)
        elif unicodedata.combining(char):
            continue
        elif char.isalnum():
            plain = unicodedata.normalize("NFKD", char.casefold())
            out.append(plain if plain.isascii() and plain.isalnum() else f"_u{ord(char):x}_")
        else:
            out.append("_")
    return _RUN.sub("_", "".join(out))


def identifier(text: str, fallback: str = "element") -> str:
    """``"order-api"`` -> ``order-api``; ``"Person(x)"`` -> ``Person_x``; ``"注文"`` ->
    ``u6ce8_u6587``; ``"this"`` -> ``this_``."""
    name = _ascii(text, "_-").strip("_-") or fallback
    if name.lower() in RESERVED:
        name += "_"
    return name


def view_key(text: str) -> str:
    """``"containers:shop"`` -> ``containers-shop``; ``"components:shop.api"`` ->
    ``components-shop-api``."""
    return _ascii(text.replace(":", "-").replace(".", "-"), "_-").strip("_") or "view"


@dataclass
class Namespace:
    """Unique names in one scope, ignoring case: the first ``api`` is ``api``, the next
    ``api_2``."""

    taken: set[str] = field(default_factory=set)

    def claim(self, wanted: str) -> str:
        name, n = wanted, 2
        while name.lower() in self.taken:
            name, n = f"{wanted}_{n}", n + 1
        self.taken.add(name.lower())
        return name


@dataclass
class Strings:
    """Writes DSL strings, and remembers what they needed: the constants, the text that the DSL
    cannot hold exactly."""

    needs_dollar: bool = False
    needs_empty: bool = False
    joined: list[str] = field(default_factory=list)
    """Texts with a backslash before an ``n`` (written with a word joiner)."""
    returns: list[str] = field(default_factory=list)
    """Texts with a carriage return (written as a line break)."""
    resubstituted: list[str] = field(default_factory=list)
    """Texts holding ``${archdoc.dollar}`` itself beside another ``${``: Structurizr replaces
    every occurrence of a constant once for each it found, so it reads the ``$`` written for
    the first as the start of the constant again."""

    def __call__(self, text: str) -> str:
        """``text`` as a double-quoted DSL string."""
        value = text
        if "\r" in value:
            self.returns.append(text)
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if "\\n" in value:
            self.joined.append(text)
            value = value.replace("\\n", "\\" + WORD_JOINER + "n")
        if _SUBSTITUTION.search(value):
            self.needs_dollar = True
            if "${" + DOLLAR + "}" in value and len(_SUBSTITUTION.findall(value)) > 1:
                self.resubstituted.append(text)
            value = _SUBSTITUTION.sub("${" + DOLLAR + "}", value)
        value = value.replace('"', '\\"').replace("\n", "\\n")
        if value.endswith("\\"):
            self.needs_empty = True
            value += "${" + EMPTY + "}"
        return '"' + value + '"'
