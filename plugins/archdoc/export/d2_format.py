"""``--format d2``: one D2 diagram per view (sequence diagrams for flows)."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render.d2 import d2_source
from archdoc.views import AnyView

__all__ = ["FORMAT"]


def _view(view: AnyView, source: ExportInput) -> Rendered:
    result = d2_source(view, source.workspace.styles)
    return Rendered(result.text, result.dropped)


FORMAT = ExportFormat(
    name="d2", summary="One D2 diagram per view: nested containers, sequence diagrams for flows.",
    extension=".d2", view=_view)
