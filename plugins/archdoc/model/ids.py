"""Readable, stable ids derived from names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify", "join_id"]

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """``"Order API"`` -> ``"order-api"``; non-Latin names keep their letters.

    The result is lower case, holds letters, digits and single hyphens, and is never empty.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_name.lower()).strip("-")
    if slug:
        return slug
    # A name with no Latin letters at all (e.g. "注文"): keep its own word characters.
    slug = re.sub(r"[\W_]+", "-", name.lower(), flags=re.UNICODE).strip("-")
    return slug or "element"


def join_id(parent_id: str | None, own: str) -> str:
    """The id of an element below ``parent_id``: the slugs joined by dots."""
    return own if parent_id is None else f"{parent_id}.{own}"
