"""What a page group is, and what its pages share: prose and blocks composed into a page.

Each module of this package is one page group (``home``, ``elements``, ``dependencies``...): it
declares ``GROUP``, and :mod:`archdoc.site.pages.registry` lists them in the order of the site.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from archdoc.site.blocks import render_block
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page

__all__ = ["PageGroup", "compose", "declared_in", "simple_page"]


@dataclass(frozen=True)
class PageGroup:
    """A group of generated pages (option ``pages``): its name and how to build its pages."""

    name: str
    """The name the ``pages`` option lists (``config.PageGroup``)."""
    build: Callable[[SiteContext], Iterable[Page]]
    """The group's pages; none when the model has nothing for them."""
    draws_views: bool = False
    """Whether its pages draw the model's static views (prepared together, before any page)."""


def compose(context: SiteContext, path: str, parts: list[str]) -> str:
    """Join prose, headings and block keys (a part without spaces that names a block)."""
    out = []
    for part in parts:
        if " " not in part and not part.startswith("#") and not part.startswith("_"):
            out.append(render_block(context, part, path))
        else:
            out.append(part + "\n")
    return "\n".join(out)


def simple_page(context: SiteContext, name: str, title: str, parts: list[str]) -> Page:
    """The one-page group ``name``: its title as heading, then ``parts`` composed."""
    path = context.layout.group(name)
    return Page(path, title, f"# {title}\n\n" + compose(context, path, parts))


def declared_in(context: SiteContext, file: str) -> str:
    """A model file as a page says where something is declared: relative to the model's root
    when inside it, else its name."""
    root = context.workspace.root
    if root is not None:
        rel = os.path.relpath(file, root)
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return os.path.basename(file)
