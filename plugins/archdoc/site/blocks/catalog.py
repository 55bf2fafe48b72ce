"""Catalog blocks: the build's validation findings, the rule catalog, the block catalog."""

from __future__ import annotations

from collections.abc import Mapping

from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks.base import Block, block
from archdoc.site.context import SiteContext
from archdoc.source import relative_to_cwd
from archdoc.validation.registry import all_rules


@block("validation", "The findings of `archdoc validate` at build time.")
def validation(context: SiteContext, page: str, _: str) -> str:
    if not context.diagnostics:
        return "No findings: the model and the decision log are consistent.\n"
    rows = [[badge(d.severity, "critical" if d.severity == "error" else "high"), f"`{d.rule}`",
             md_cell(d.message),
             md_cell(f"{relative_to_cwd(d.location.file)}:{d.location.line}") if d.location else ""]
            for d in context.diagnostics]
    return table(["Severity", "Rule", "Message", "Where"], rows)


@block("rules", "The catalog of validation rules with their default severity.")
def rules(context: SiteContext, page: str, _: str) -> str:
    parts = []
    for r in all_rules().values():
        parts.append(
            f"### `{r.id}`\n\n{badge(r.severity, 'critical' if r.severity == 'error' else 'high')} "
            f"· {r.scope}\n\n**{md_text(r.summary)}** {r.explanation}\n"
        )
    return "\n".join(parts)


def blocks(catalog: Mapping[str, Block]) -> tuple[Block, ...]:
    """The catalog blocks; the ``blocks`` block lists ``catalog`` (the registry's, which holds
    it)."""

    @block("blocks", "The catalog of embeddable blocks.")
    def blocks_catalog(context: SiteContext, page: str, _: str) -> str:
        rows = [[f"`{spec.name}" + (f":<{spec.argument}>`" if spec.argument else "`"),
                 md_cell(spec.summary)] for spec in catalog.values()]
        return table(["Key", "What it shows"], rows)

    return (validation, rules, blocks_catalog)
