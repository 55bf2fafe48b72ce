"""A page per deployment environment: its diagram, inventory and property tables."""

from __future__ import annotations

from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks import render_block
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup


def deployment_pages(context: SiteContext) -> list[Page]:
    pages = []
    for env in context.workspace.environments:
        path = context.layout.environment(env.id)
        parts = [f"# {md_text(env.name)}", ""]
        if env.description:
            parts += [md_text(env.description), ""]
        parts += [render_block(context, f"deployment:{env.id}", path), "## Inventory", "",
                  render_block(context, f"inventory:{env.id}", path)]
        parts += _property_tables(context, env.id)
        pages.append(Page(path, env.name, "\n".join(parts) + "\n", section="Deployment"))
    return pages


def _property_tables(context: SiteContext, environment_id: str) -> list[str]:
    """Tables built from node properties grouped by prefix: ``network.cidr`` -> a Network table."""
    nodes = context.workspace.nodes_of(environment_id)
    names = [n.name for n in nodes]
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for node in nodes:
        # Two nodes of the same name (an ALB in each subnet) are told apart by their parent.
        label = node.name
        if names.count(node.name) > 1 and node.parent_id in context.workspace.nodes:
            label = f"{context.workspace.nodes[node.parent_id].name} › {node.name}"
        for key, value in node.properties.items():
            if "." in key:
                group, field = key.split(".", 1)
                groups.setdefault(group, {}).setdefault(label, {})[field] = str(value)
    parts = []
    for group, by_node in groups.items():
        fields = list(dict.fromkeys(f for values in by_node.values() for f in values))
        rows = [
            [md_cell(node)] + [md_cell(values.get(f, "")) for f in fields]
            for node, values in by_node.items()
        ]
        parts += [f"## {md_text(_heading(group))}", "",
                  table(["Node", *[md_cell(_heading(f)) for f in fields]], rows)]
    return parts


def _heading(key: str) -> str:
    """``security-group`` -> ``Security group``; ``CIDR`` stays ``CIDR``."""
    text = key.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


GROUP = PageGroup("deployment", deployment_pages, draws_views=True)
