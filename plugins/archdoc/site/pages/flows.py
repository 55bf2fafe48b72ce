"""A page per flow (its sequence diagram and steps), and their index."""

from __future__ import annotations

from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks import render_block
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup


def flow_pages(context: SiteContext) -> list[Page]:
    ws, layout = context.workspace, context.layout
    if not ws.flows:
        return []
    index = layout.flows()
    rows = [
        [
            f"[{md_text(f.name)}]({layout.md_link(index, layout.flow(f.id))})",
            md_cell(f.description),
            str(sum(1 for _ in f.messages())),
        ]
        for f in ws.flows
    ]
    pages = [Page(index, "Flows", "# Flows\n\n" + table(["Flow", "Description", "Steps"], rows),
                  section="Flows")]
    for flow in ws.flows:
        path = layout.flow(flow.id)
        parts = [f"# {md_text(flow.name)}", ""]
        if flow.description:
            parts += [md_text(flow.description), ""]
        parts += [render_block(context, f"flow:{flow.id}", path), "## Steps", "",
                  render_block(context, f"flow-steps:{flow.id}", path)]
        pages.append(Page(path, flow.name, "\n".join(parts) + "\n", in_nav=len(ws.flows) <= 30,
                          section="Flows"))
    return pages


GROUP = PageGroup("flows", flow_pages)
