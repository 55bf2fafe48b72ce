"""``--format mermaid``: one Mermaid diagram per view (flowcharts; sequence diagrams for flows)."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render import mermaid
from archdoc.views import AnyView

__all__ = ["FORMAT"]


def _view(view: AnyView, source: ExportInput) -> Rendered:
    return Rendered(mermaid.render(view))


FORMAT = ExportFormat(
    name="mermaid",
    summary="One Mermaid diagram per view: flowcharts, sequence diagrams for flows.",
    extension=".mmd",
    view=_view,
)
