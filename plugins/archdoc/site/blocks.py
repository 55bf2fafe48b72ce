"""Embeddable blocks: every generated diagram and table, addressable by a key.

Generated pages are made of these blocks, and hand-written pages place any of them with a
fenced block::

    ```archdoc
    containers:shop
    ```
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archdoc.errors import ArchdocError
from archdoc.site.context import SiteContext

__all__ = ["BLOCKS", "BlockSpec", "UnknownBlock", "render_block", "block_keys"]


class UnknownBlock(ArchdocError):
    """A page asks for a block key that the model does not give."""


Renderer = Callable[[SiteContext, str, str], str]
"""``(context, page path, argument) -> Markdown``."""


@dataclass(frozen=True)
class BlockSpec:
    name: str
    summary: str
    argument: str
    """What follows the colon (``""``: no argument)."""
    render: Renderer


BLOCKS: dict[str, BlockSpec] = {}


def block(name: str, summary: str, argument: str = "") -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        BLOCKS[name] = BlockSpec(name, summary, argument, fn)
        return fn

    return register


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
    import difflib

    close = difflib.get_close_matches(key, block_keys(context), n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(repr(c) for c in close) + "?"
    return "the blocks are listed in the archdoc docs (Embedding generated views)"


# The blocks themselves live in these modules; importing them registers them.
from archdoc.site import blocks_diagrams, blocks_tables, drift  # noqa: E402,F401
