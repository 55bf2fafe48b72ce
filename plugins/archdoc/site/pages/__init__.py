"""The generated pages: one module per page group (``home``, ``elements``, ``dependencies``...)
declares its ``GROUP``; :mod:`~archdoc.site.pages.registry` lists them."""

from archdoc.site.pages.base import PageGroup
from archdoc.site.pages.registry import GROUPS, generate_pages

__all__ = ["GROUPS", "PageGroup", "generate_pages"]
