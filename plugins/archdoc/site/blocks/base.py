"""What a block is: a key, a one-line summary, the argument it takes, and its renderer.

Each subject module of this package (``dependencies``, ``events``...) declares its blocks in a
``BLOCKS`` tuple; :mod:`archdoc.site.blocks.registry` lists those modules, and so every block.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archdoc.errors import ArchdocError
from archdoc.site.context import SiteContext

__all__ = ["Block", "Renderer", "UnknownBlock", "block"]


class UnknownBlock(ArchdocError):
    """A page asks for a block key that the model does not give."""


Renderer = Callable[[SiteContext, str, str], str]
"""``(context, page path, argument) -> Markdown``."""


@dataclass(frozen=True)
class Block:
    """An embeddable block: ``name`` or ``name:<argument>`` in a ```archdoc fence."""

    name: str
    summary: str
    argument: str
    """What follows the colon (``""``: no argument)."""
    render: Renderer


def block(name: str, summary: str, argument: str = "") -> Callable[[Renderer], Block]:
    """Declare a renderer as the block ``name`` (listed by its module's ``BLOCKS``)."""

    def declare(render: Renderer) -> Block:
        return Block(name, summary, argument, render)

    return declare
