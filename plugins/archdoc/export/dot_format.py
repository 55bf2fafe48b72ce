"""``--format dot``: one Graphviz graph per view, the layout the site draws, without its links."""

from __future__ import annotations

import re

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render import dot
from archdoc.views import AnyView

__all__ = ["FORMAT", "without_links"]

_LINK = re.compile(r', URL="' + re.escape(dot.ELEMENT_LINK) + r'(?:[^"\\]|\\.)*"'
                   r'(, tooltip="(?:[^"\\]|\\.)*"), target="_top"')
"""The attributes ``render.dot`` gives a linked box: a placeholder URL for the site's pages,
its tooltip, its target."""


def without_links(source: str) -> str:
    """A DOT source of ``render.dot`` with the site's element links taken out (the tooltips,
    each the element's name, stay)."""
    return _LINK.sub(r"\1", source)


def _view(view: AnyView, source: ExportInput) -> Rendered:
    return Rendered(without_links(dot.render(view)))


FORMAT = ExportFormat(
    name="dot", summary="One Graphviz graph per view: the site's layout, without its links.",
    extension=".dot", view=_view)
