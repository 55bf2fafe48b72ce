"""Interaction blocks: events with their producers and consumers, synchronous and asynchronous
calls."""

from __future__ import annotations

from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell, md_code
from archdoc.site.blocks.base import Block, block
from archdoc.site.context import SiteContext


@block("events", "Each event with its producers and consumers, and why.")
def events(context: SiteContext, page: str, _: str) -> str:
    ws = context.workspace
    if not ws.events:
        return "_No events declared (`publishes` / `subscribes`)._\n"
    rows = []
    for name, event in ws.events.items():
        producers = "<br>".join(
            context.element_link(page, p.element_id)
            + (f" via {context.element_link(page, p.via_id)}" if p.via_id else "")
            for p in event.producers) or badge("no producer", "critical")
        consumers = "<br>".join(
            context.element_link(page, c.element_id)
            + (f": {md_cell(c.reason)}" if c.reason else "")
            for c in event.consumers
        ) or badge("no consumer", "high")
        rows.append([md_code(name), producers, consumers])
    return table(["Event", "Published by", "Consumed by (reason)"], rows)


def _calls(context: SiteContext, page: str, interaction: str) -> str:
    rows = []
    for r in context.workspace.relationships:
        src, dst = (
            context.workspace.elements.get(r.source_id),
            context.workspace.elements.get(r.destination_id),
        )
        if src is None or dst is None or r.interaction != interaction or src.kind == "person":
            continue
        rows.append(
            [
                context.element_link(page, r.source_id),
                context.element_link(page, r.destination_id),
                md_cell(r.operation or r.description),
                md_cell(r.technology),
            ]
        )
    if not rows:
        return f"_No {interaction}hronous calls._\n"
    return table(["From", "To", "Operation", "Technology"], rows)


@block("sync-calls", "Every synchronous call between services.")
def sync_calls(context: SiteContext, page: str, _: str) -> str:
    return _calls(context, page, "sync")


@block("async-calls", "Every asynchronous interaction between services.")
def async_calls(context: SiteContext, page: str, _: str) -> str:
    return _calls(context, page, "async")


BLOCKS: tuple[Block, ...] = (events, sync_calls, async_calls)
