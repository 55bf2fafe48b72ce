"""The technologies page: each technology the model names, and what is built on it, talks with
it or runs on it."""

from __future__ import annotations

import glob
from collections.abc import Iterable

from archdoc.model.selectors import technology_names
from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_code
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup

__all__ = ["GROUP", "by_technology"]

PAGE_NAME = "technologies"


def by_technology(items: Iterable[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """``(technology text, what uses it)`` pairs -> each technology (split at commas; spellings
    that differ only in case are one, written as first met) with what uses it, in first-met
    order; technologies sorted by name, in any case."""
    spelling: dict[str, str] = {}
    users: dict[str, list[str]] = {}
    for text, user in items:
        for name in technology_names(text):
            key = name.casefold()
            spelling.setdefault(key, name)
            found = users.setdefault(key, [])
            if user not in found:
                found.append(user)
    return [(spelling[key], users[key]) for key in sorted(users, key=lambda k: (k, spelling[k]))]


def technologies_pages(context: SiteContext) -> list[Page]:
    ws, layout = context.workspace, context.layout
    path = layout.group(PAGE_NAME)
    elements = by_technology((e.technology, e.id) for e in ws.elements.values())
    relationships = by_technology(
        (r.technology, f"{context.element_link(path, r.source_id)} → "
                       f"{context.element_link(path, r.destination_id)}")
        for r in ws.relationships)
    nodes = by_technology(
        (node.technology, f"{md_cell(node.name)} ([{md_cell(env.name)}]"
                          f"({layout.md_link(path, layout.environment(env.id))}))")
        for env in ws.environments for node in ws.nodes_of(env.id))
    if not (elements or relationships or nodes):
        return []
    lines = ["# Technologies", "",
             "Each technology the model names (`technology=`; a comma separates several), with "
             "the elements built on it, the relationships that use it and the deployment nodes "
             "that run on it.", ""]
    if elements:
        lines += ["## Elements", "",
                  "`ws.view(include=[\"technology:NAME\"])` draws a technology's elements.", "",
                  table(["Technology", "Elements", "Selector"], [
                      [md_cell(name), ", ".join(context.element_link(path, id) for id in ids),
                       md_code("technology:" + glob.escape(name))] for name, ids in elements])]
    if relationships:
        lines += ["## Relationships", "",
                  table(["Technology", "Relationships", "Between"], [
                      [md_cell(name), str(len(pairs)), "<br>".join(pairs)]
                      for name, pairs in relationships])]
    if nodes:
        lines += ["## Deployment", "",
                  table(["Technology", "Nodes"], [
                      [md_cell(name), "<br>".join(found)] for name, found in nodes])]
    return [Page(path, "Technologies", "\n".join(lines) + "\n")]


GROUP = PageGroup(PAGE_NAME, technologies_pages)
