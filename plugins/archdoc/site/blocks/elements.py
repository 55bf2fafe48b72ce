"""Element blocks: an element's incoming and outgoing relationships, elements by property."""

from __future__ import annotations

from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.context import SiteContext


def _relationship_table(context: SiteContext, page: str, arg: str, outgoing: bool) -> str:
    ws = context.workspace
    if arg not in ws.elements:
        raise UnknownBlock(f"the model has no element {arg!r}", hint=ws.suggest(arg))
    prefix = arg + "."
    rels = [r for r in ws.relationships
            if (r.source_id if outgoing else r.destination_id) in (arg,) or
            (r.source_id if outgoing else r.destination_id).startswith(prefix)]
    if not rels:
        return (
            f"_{md_text(context.name(arg))} has no "
            f"{'outgoing' if outgoing else 'incoming'} relationships._\n"
        )
    other = "destination_id" if outgoing else "source_id"
    own = "source_id" if outgoing else "destination_id"
    inside = any(getattr(r, own) != arg for r in rels)
    rows = []
    for r in rels:
        row = [
            md_cell(r.operation),
            context.element_link(page, getattr(r, other)),
            md_cell(r.description),
            md_cell(r.technology),
            r.interaction,
            badge(r.criticality) if r.criticality else "",
        ]
        if inside:  # the part of the element the relationship starts from (or ends at)
            row.insert(0, context.element_link(page, getattr(r, own)))
        rows.append(row)
    headers = ["Operation", "To" if outgoing else "From", "Description", "Technology",
               "Interaction", "Criticality"]
    if inside:
        headers.insert(0, "Part")
    return table(headers, rows)


@block(
    "outgoing",
    "What an element calls: operation, target, description (e.g. a gateway's routes).",
    "element id",
)
def outgoing(context: SiteContext, page: str, arg: str) -> str:
    return _relationship_table(context, page, arg, True)


@block("incoming", "What calls an element: operation, caller, description.", "element id")
def incoming(context: SiteContext, page: str, arg: str) -> str:
    return _relationship_table(context, page, arg, False)


@block(
    "properties",
    "Elements with the given properties, one column each (e.g. `properties:port,database`).",
    "property names, comma-separated",
)
def properties(context: SiteContext, page: str, arg: str) -> str:
    names = [n.strip() for n in arg.split(",") if n.strip()]
    elements = [
        e for e in context.workspace.elements.values() if any(n in e.properties for n in names)
    ]
    if not elements:
        raise UnknownBlock(f"no element of the model has the properties {', '.join(names)!r}",
                           hint="properties are declared with properties={...} on an element")
    rows = [
        [
            context.element_link(page, e.id),
            e.kind_label,
            *[md_cell(str(e.properties.get(n, ""))) for n in names],
        ]
        for e in elements
    ]
    return table(["Element", "Kind", *[md_cell(n) for n in names]], rows)


BLOCKS: tuple[Block, ...] = (outgoing, incoming, properties)
