"""``--format diagrams``: a Python script for the ``diagrams`` package per deployment view."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render.diagrams_script import diagrams_script
from archdoc.views import AnyView, DeploymentView

__all__ = ["FORMAT"]


def _view(view: AnyView, source: ExportInput) -> Rendered | None:
    if not isinstance(view, DeploymentView):
        return None
    script = diagrams_script(view, filename=view.environment_id)
    dropped = [f"deployment node {id}: its icon is unknown, drawn with a generic one"
               for id in script.unknown_icons]
    dropped += [f"the relationship {pair}: one end is a node that holds nothing to attach it to"
                for pair in script.unreachable]
    return Rendered(script.source, dropped)


FORMAT = ExportFormat(
    name="diagrams",
    summary="A `diagrams` (Python) script per deployment view, drawn with provider icons.",
    extension=".py",
    view=_view,
)
