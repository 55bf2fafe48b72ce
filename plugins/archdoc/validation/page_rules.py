"""Rules over the site's hand-written pages (``scope="pages"``): run by ``archdoc validate``.

The MkDocs build checks the same blocks while it renders them; these rules let CI find what
``mkdocs build --strict`` would refuse without building the site.
"""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.validation.base import Finding, RuleContext, rule

__all__: list[str] = []


@rule(
    "unknown-block", severity="error", scope="pages",
    summary="A ```archdoc fence in a hand-written page names a block the model does not give.",
    explanation="""A page of the docs directory embeds generated views and tables with a fenced
    block of language `archdoc`, one key per line (`containers:shop`, `dependencies`). A key that
    is not a block, or whose id names nothing in the model (a typo, a renamed element), would
    print an error box on the page, and `mkdocs build --strict` fails on it. The hint names the
    closest keys; the block catalog of the docs lists them all.""",
)
def unknown_blocks(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.pages is not None and ctx.block_problems is not None
    for page in ctx.pages:
        yield from ctx.block_problems(page)
