"""Every embeddable block by its key, and rendering one.

Generated pages are made of these blocks, and hand-written pages place any of them with a
fenced block::

    ```archdoc
    containers:shop
    ```

The blocks are those of the subject modules listed below, in that order (the order of the
block catalog): a new block is a renderer in its subject's module, a new subject one module
and one line here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from archdoc.site.blocks import (
    catalog,
    data,
    dependencies,
    deployment,
    diagrams,
    elements,
    events,
    flows,
    impact,
    observed,
    tags,
)
from archdoc.site.blocks.base import Block, UnknownBlock
from archdoc.site.context import SiteContext

__all__ = ["BLOCKS", "block_keys", "render_block"]


def _index(*subjects: Iterable[Block]) -> dict[str, Block]:
    found: dict[str, Block] = {}
    for blocks in subjects:
        for spec in blocks:
            if spec.name in found:
                raise RuntimeError(f"block {spec.name} declared twice")
            found[spec.name] = spec
    return found


BLOCKS: dict[str, Block] = {}
"""Every block by name, in catalog order."""
BLOCKS.update(_index(
    diagrams.BLOCKS,
    dependencies.BLOCKS,
    impact.BLOCKS,
    events.BLOCKS,
    data.BLOCKS,
    flows.BLOCKS,
    deployment.BLOCKS,
    catalog.blocks(BLOCKS),
    elements.BLOCKS,
    tags.BLOCKS,
    observed.BLOCKS,
))


def block_keys(context: SiteContext) -> list[str]:
    """Every key the model gives, for error hints and the docs."""
    ws = context.workspace
    keys = [k for k, spec in BLOCKS.items() if not spec.argument]
    keys += context.views.keys()
    keys += [f"flow-steps:{f.id}" for f in ws.flows]
    keys += [f"inventory:{e.id}" for e in ws.environments]
    keys += [f"impact:{c.id}" for c in ws.containers()]
    return keys


def render_block(context: SiteContext, key: str, page: str) -> str:
    """The Markdown of block ``key`` as it appears on ``page``; UnknownBlock if there is none."""
    key = key.strip()
    name, _, argument = key.partition(":")
    spec = BLOCKS.get(name)
    if spec is None or bool(spec.argument) != bool(argument):
        raise UnknownBlock(f"unknown archdoc block {key!r}", hint=_hint(context, key))
    try:
        return spec.render(context, page, argument)
    except UnknownBlock as exc:
        if exc.hint:
            raise
        raise UnknownBlock(exc.message, location=exc.location, hint=_hint(context, key)) from None


def _hint(context: SiteContext, key: str) -> str:
    close = difflib.get_close_matches(key, block_keys(context), n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(repr(c) for c in close) + "?"
    return "the blocks are listed in the archdoc docs (Embedding generated views)"
