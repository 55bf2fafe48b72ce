"""Embeddable blocks: every generated diagram and table, addressable by a key.

One module per subject (``diagrams``, ``dependencies``, ``impact``, ``events``, ``data``,
``flows``, ``deployment``, ``catalog``, ``elements``, ``observed``) declares its blocks;
:mod:`~archdoc.site.blocks.registry` lists them.
"""

from archdoc.site.blocks.base import Block, UnknownBlock
from archdoc.site.blocks.registry import BLOCKS, block_keys, render_block

__all__ = ["BLOCKS", "Block", "UnknownBlock", "block_keys", "render_block"]
