"""Readable, stable ids derived from names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify", "join_id"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
_HYPHENS = re.compile(r"-+")


def _is_word_char(char: str) -> bool:
    """Letters and digits of any script, and the marks that complete them (Devanagari vowels)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def slugify(name: str) -> str:
    """``"Order API"`` -> ``"order-api"``; ``"Straße"`` -> ``"strasse"``; ``"注文"`` -> ``"注文"``.

    Latin letters lose their accents; a name holding letters that have no ASCII form keeps
    them all (``"Order 注文"`` -> ``"order-注文"``), so two names that differ only in such
    letters never share an id. The result is lower case, holds letters, digits and single
    hyphens, and is never empty.
    """
    if name.isascii():  # the common case: no Unicode normalisation needed
        slug = name.lower().replace(" ", "-")
        # Most names are words and digits with single spaces or hyphens between them: their
        # slug is this, as the expression below would make it, for a fraction of the cost.
        if slug.replace("-", "").isalnum() and "--" not in slug and slug[0] != "-" \
                and slug[-1] != "-":
            return slug
        return _NON_WORD.sub("-", name.lower()).strip("-") or "element"
    folded = unicodedata.normalize("NFKD", name.casefold())
    unaccented = "".join(c for c in folded if not unicodedata.combining(c))
    if all(c.isascii() or not c.isalnum() for c in unaccented):
        slug = _NON_WORD.sub("-", unaccented.encode("ascii", "ignore").decode("ascii")).strip("-")
    else:
        # Letters with no ASCII form (CJK, Cyrillic, "ø"...): keep every word character as written.
        text = unicodedata.normalize("NFC", name.casefold())
        slug = _HYPHENS.sub("-", "".join(c if _is_word_char(c) else "-" for c in text)).strip("-")
    return slug or "element"


def join_id(parent_id: str | None, own: str) -> str:
    """The id of an element below ``parent_id``: the slugs joined by dots."""
    return own if parent_id is None else f"{parent_id}.{own}"
