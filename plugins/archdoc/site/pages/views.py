"""A page per view the model defines with ``ws.view(...)``, and their index."""

from __future__ import annotations

from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks import render_block
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup, declared_in


def view_pages(context: SiteContext) -> list[Page]:
    """A page per view the model defines, and their index (none without views)."""
    ws, layout = context.workspace, context.layout
    if not ws.views:
        return []
    index = layout.views()
    rows = []
    for view in ws.views:
        computed = context.views.static(view.key)
        size = f"{len(computed.nodes)} / {len(computed.edges)}" if computed else ""
        rows.append([f"[{md_text(view.name)}]({layout.md_link(index, layout.view(view.id))})",
                     md_cell(view.description), f"`{view.key}`", size])
    pages = [Page(index, "Views", "# Views\n\nViews the model defines with `ws.view(...)`.\n\n"
                  + table(["View", "Description", "Key", "Elements / relationships"], rows),
                  section="Views")]
    for view in ws.views:
        path = layout.view(view.id)
        parts = [f"# {md_text(view.name)}", ""]
        if view.description:
            parts += [md_text(view.description), ""]
        parts.append(render_block(context, view.key, path))
        computed = context.views.static(view.key)
        if computed is not None and computed.nodes:
            parts += ["## Elements", "", table(["Element", "Kind", "Technology", "Description"], [
                [context.element_link(path, n.id), n.kind_label, md_cell(n.technology),
                 md_cell(n.description)] for n in computed.nodes])]
        if view.location:
            parts += ["", f"<small>Declared in `{declared_in(context, view.location.file)}:"
                      f"{view.location.line}`.</small>"]
        pages.append(Page(path, view.name, "\n".join(parts) + "\n", in_nav=len(ws.views) <= 30,
                          section="Views"))
    return pages


GROUP = PageGroup("views", view_pages, draws_views=True)
