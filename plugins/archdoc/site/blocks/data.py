"""Data blocks: each datastore, its owner and who else touches it."""

from __future__ import annotations

from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell
from archdoc.site.blocks.base import Block, block
from archdoc.site.context import SiteContext


@block(
    "data-ownership", "Each datastore, its owner, who else reads or writes it; violations marked."
)
def data_ownership(context: SiteContext, page: str, _: str) -> str:
    """The verdicts of :mod:`archdoc.analysis.data`, the analysis ``archdoc validate`` checks."""
    rows = []
    for verdict in context.data_ownership:
        db = verdict.datastore
        problems = []
        if verdict.unowned:
            problems.append(badge("no owner", "high"))
        if verdict.shared_writes:
            problems.append(badge("shared writes", "critical"))
        if verdict.foreign_reads:
            problems.append(badge("foreign reads", "high"))
        rows.append([
            context.element_link(page, db.id), md_cell(db.technology),
            context.element_link(page, db.data_owner_id) if db.data_owner_id else "—",
            ", ".join(context.element_link(page, w) for w in verdict.writes) or "—",
            ", ".join(context.element_link(page, r) for r in verdict.reads) or "—",
            " ".join(problems) or badge("healthy"),
        ])
    if not rows:
        return "_No datastores in the model (`system.database(...)`)._\n"
    return table(
        ["Datastore", "Technology", "Owner", "Also written by", "Also read by", "Status"], rows
    )


BLOCKS: tuple[Block, ...] = (data_ownership,)
