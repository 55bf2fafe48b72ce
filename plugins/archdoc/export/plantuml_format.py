"""``--format plantuml``: C4-PlantUML, one diagram per view (sequence diagrams for flows)."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render import plantuml
from archdoc.views import AnyView

__all__ = ["FORMAT"]


def _view(view: AnyView, source: ExportInput) -> Rendered:
    diagram = plantuml.render(view)
    return Rendered(diagram.text, diagram.dropped)


FORMAT = ExportFormat(
    name="plantuml", summary="C4-PlantUML, one diagram per view; sequence diagrams for flows.",
    extension=".puml", view=_view)
