"""Readable, stable ids derived from names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_ID_BYTES", "check_id", "slugify", "join_id"]

MAX_ID_BYTES = 200
"""Longest id, in UTF-8 bytes: an id names a page file (``elements/<id>.md``), and file systems
allow 255 bytes per name."""
_BAD_ID = re.compile(r"[\s/\\#?%]")

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


def check_id(id: str, call: str, *, explicit: bool) -> str:
    """``id`` if it can name a page: not empty, no blank or dot-empty part, no spaces, slashes,
    ``#``, ``?`` or ``%``, at most :data:`MAX_ID_BYTES`; else a ModelError at the user's call."""
    from archdoc.errors import ModelError
    from archdoc.source import caller_location

    problem = ""
    if explicit:
        if not id.strip():
            problem = "is empty"
        elif _BAD_ID.search(id):
            problem = "holds a space, a slash, '#', '?' or '%'"
        elif any(not part for part in id.split(".")):
            problem = "has an empty part between dots"
    size = len(id.encode("utf-8"))
    if not problem and size > MAX_ID_BYTES:
        shown = id if len(id) <= 60 else id[:40] + "…" + id[-12:]
        problem = (f"{shown!r} is {len(id)} characters long ({size} bytes in UTF-8); an id names a "
                   f"page file, at most {MAX_ID_BYTES} bytes")
    if not problem:
        return id
    what = f"id={id!r}" if explicit and len(id) <= 60 else "the id"
    raise ModelError(
        f"{call}(): {what} {problem}",
        location=caller_location(),
        hint=("pass a shorter name, or a short id= (ids are what pages, ADRs and the CLI use)"
              if size > MAX_ID_BYTES else
              "write an id like 'order-api' (letters, digits, dashes; dots only between parts)"),
    )
