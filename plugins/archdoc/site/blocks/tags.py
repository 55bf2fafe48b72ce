"""Tag blocks: the index of the model's tags."""

from __future__ import annotations

from archdoc.model.views import STYLE_KEYS
from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_code
from archdoc.site.blocks.base import Block, block
from archdoc.site.context import SiteContext

@block("tags",
       "Each tag: the elements and relationships that carry it, and the style that draws it.")
def tags(context: SiteContext, page: str, _: str) -> str:
    ws = context.workspace
    elements: dict[str, list[str]] = {}
    relationships: dict[str, list[str]] = {}
    for element in ws.elements.values():
        for tag in element.tags:
            elements.setdefault(tag, []).append(context.element_link(page, element.id))
    for r in ws.relationships:
        pair = (f"{context.element_link(page, r.source_id)} → "
                f"{context.element_link(page, r.destination_id)}")
        for tag in r.tags:
            found = relationships.setdefault(tag, [])
            if pair not in found:
                found.append(pair)
    if not elements and not relationships:
        return ("_No element or relationship has tags: `tags=[...]` on an element or a "
                "relationship._\n")
    styles: dict[str, dict[str, object]] = {}
    for style in ws.styles:  # later styles of a tag win, key by key, as in the diagrams
        values = styles.setdefault(style.tag, {})
        values.update((key, getattr(style, key)) for key in STYLE_KEYS
                      if getattr(style, key) is not None)
    rows = [[md_code(tag), ", ".join(elements.get(tag, [])),
             "<br>".join(relationships.get(tag, [])),
             md_cell(", ".join(f"{key} {value}" for key, value in sorted(
                 styles.get(tag, {}).items(), key=lambda item: STYLE_KEYS.index(item[0]))))]
            for tag in sorted({*elements, *relationships}, key=lambda t: (t.casefold(), t))]
    return table(["Tag", "Elements", "Relationships", "Style"], rows)


BLOCKS: tuple[Block, ...] = (tags,)
