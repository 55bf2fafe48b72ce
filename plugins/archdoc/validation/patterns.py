"""Patterns that select elements in user rules: id globs, ``tag:``, ``kind:``."""

from __future__ import annotations

from fnmatch import fnmatchcase

from archdoc.model.elements import Element

__all__ = ["matches", "matches_any"]


def matches(element: Element, pattern: str) -> bool:
    """``shop.*`` (id glob), ``tag:critical``, ``kind:database``, ``external``."""
    if pattern.startswith("tag:"):
        return pattern[4:] in element.tags
    if pattern.startswith("kind:"):
        return element.kind == pattern[5:]
    if pattern == "external":
        return element.external
    return fnmatchcase(element.id, pattern)


def matches_any(element: Element, patterns: list[str]) -> bool:
    return any(matches(element, p) for p in patterns)
