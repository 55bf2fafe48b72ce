"""The generated section of the navigation, built from the pages' sections."""

from __future__ import annotations

from typing import Any

from archdoc.site.layout import Page

__all__ = ["navigation"]


def navigation(pages: list[Page]) -> list[Any]:
    """MkDocs ``nav`` entries: pages in order, those of a section grouped under its title (a
    section's index page first, as "All <section>")."""
    entries: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for page in pages:
        if not page.in_nav:
            continue
        if not page.section:
            entries.append({page.title: page.path})
            continue
        group = groups.get(page.section)
        if group is None:
            group = groups[page.section] = []
            entries.append({page.section: group})
        title = f"All {page.section.lower()}" if page.path.endswith("/index.md") else page.title
        group.append({title: page.path})
    return entries
