"""The architecture site as Markdown pages: generated from a project, knowing nothing of MkDocs."""

from archdoc.site.context import SiteContext
from archdoc.site.pages import generate_pages
from archdoc.site.layout import Layout, Page
from archdoc.site.blocks import BLOCKS, UnknownBlock, render_block

__all__ = [
    "BLOCKS",
    "Layout",
    "Page",
    "SiteContext",
    "UnknownBlock",
    "generate_pages",
    "render_block",
]
