"""Impact blocks: failure modes, blast radius, and what breaks if an element fails."""

from __future__ import annotations

from archdoc.analysis.impact import NearestImpacts
from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.context import SiteContext


@block("failure-modes", "Every failure mode: impact, mitigation, fallback, and what breaks.")
def failure_modes(context: SiteContext, page: str, _: str) -> str:
    rows = []
    for mode in context.workspace.failure_modes:
        if mode.element_id not in context.workspace.elements:
            continue
        breaks = sum(i.effect == "breaks" for i in context.impact(mode.element_id))
        rows.append([context.element_link(page, mode.element_id), md_cell(mode.impact),
                     md_cell(mode.mitigation), md_cell(mode.fallback), md_cell(mode.detection),
                     str(breaks)])
    if not rows:
        return "_No failure modes declared (`element.failure_mode(...)`)._\n"
    return table(["Element", "Impact", "Mitigation", "Fallback", "Detection", "Breaks"], rows)


@block("blast-radius", "Each service with how many elements break or degrade if it fails.")
def blast_radius(context: SiteContext, page: str, _: str) -> str:
    radii = context.blast_radii
    rows = []
    for unit in context.graph.service_units():
        breaks, degraded = radii.breaks[unit].bit_count(), radii.degraded[unit].bit_count()
        if breaks or degraded:
            rows.append((breaks, degraded, unit))
    rows.sort(key=lambda r: (-r[0], -r[1], context.graph.order[r[2]]))
    if not rows:
        return "_Nothing depends on anything else yet._\n"
    return table(["Element", "Breaks", "Degrades"],
                 [[context.element_link(page, u), str(b), str(d)] for b, d, u in rows],
                 align=["l", "r", "r"])


@block("impact", "What breaks or degrades if an element fails, with chains.", "element id")
def impact(context: SiteContext, page: str, arg: str) -> str:
    return impact_table(context, page, arg)


def impact_table(context: SiteContext, page: str, arg: str, *, limit: int | None = None) -> str:
    """The impact of ``arg`` failing; with ``limit``, the nearest rows and a count of the rest
    (an element page stays small even when a thousand services depend on it)."""
    if arg not in context.workspace.elements:
        raise UnknownBlock(f"the model has no element {arg!r}", hint=context.workspace.suggest(arg))
    nearest = (NearestImpacts.of(context.impact(arg)) if limit is None
               else context.nearest_impacts(arg, limit))
    shown, total, breaks = nearest.impacts, nearest.total, nearest.breaks
    if not total:
        return f"Nothing depends on {md_text(context.name(arg))}.\n"
    rows = [[context.element_link(page, i.element_id), badge(i.effect), str(i.distance),
             " → ".join(context.element_link(page, u) for u in i.chain)] for i in shown]
    text = table(["Element", "Effect", "Distance", "Chain"], rows, align=["l", "l", "r", "l"])
    if len(shown) < total:
        text += (
            f"\n{total} elements in all ({breaks} break, {total - breaks} degrade); "
            f"the {len(shown)} nearest are listed. `archdoc impact {arg}` lists every one.\n"
        )
    return text


BLOCKS: tuple[Block, ...] = (failure_modes, blast_radius, impact)
