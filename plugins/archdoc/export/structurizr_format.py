"""``--format structurizr``: one Structurizr DSL workspace (``workspace.dsl``)."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render.structurizr import structurizr_source

__all__ = ["FORMAT"]


def _document(source: ExportInput) -> Rendered:
    result = structurizr_source(source.workspace, source.views)
    return Rendered(result.text, result.dropped)


FORMAT = ExportFormat(
    name="structurizr",
    summary="One Structurizr DSL workspace: model, groups, deployment, styles and every view.",
    extension=".dsl", document=_document)
