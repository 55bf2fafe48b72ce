"""Deployment blocks: the resource inventory of an environment."""

from __future__ import annotations

from archdoc.render.tables import table
from archdoc.render.text import md_cell
from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.context import SiteContext


@block(
    "inventory",
    "Resource inventory of an environment: node, technology, instances, properties.",
    "environment id",
)
def inventory(context: SiteContext, page: str, arg: str) -> str:
    ws = context.workspace
    if not any(e.id == arg for e in ws.environments):
        raise UnknownBlock(f"the model has no environment {arg!r}")
    rows = []
    for node in ws.nodes_of(arg):
        depth = node.id.count(".") - arg.count(".") - 1
        runs = ", ".join(
            context.element_link(page, i.container_id)
            + (f" × {md_cell(str(i.instances))}" if i.instances not in (None, 1) else "")
            for i in ws.instances
            if i.node_id == node.id
        )
        # Grouped properties (``network.cidr``) have tables of their own on the environment's page.
        props = "<br>".join(f"{md_cell(k)}: {md_cell(str(v))}" for k, v in node.properties.items()
                            if "." not in k)
        rows.append(["&nbsp;&nbsp;" * depth + md_cell(node.name),
                     "infrastructure" if node.kind == "infrastructure" else "node",
                     md_cell(node.technology), md_cell(str(node.instances or 1)), runs, props])
    if not rows:
        return "_This environment has no nodes._\n"
    return table(["Node", "Kind", "Technology", "Instances", "Runs", "Properties"], rows)


BLOCKS: tuple[Block, ...] = (inventory,)
