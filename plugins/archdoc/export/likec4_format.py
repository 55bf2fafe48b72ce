"""``--format likec4``: one LikeC4 source file (``.c4``): specification, model, views."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.render.likec4 import likec4_source

__all__ = ["FORMAT"]


def _document(source: ExportInput) -> Rendered:
    result = likec4_source(source.workspace, source.views)
    return Rendered(result.text, result.dropped)


FORMAT = ExportFormat(
    name="likec4", summary="One LikeC4 source file: specification, model, deployment and views.",
    extension=".c4", document=_document)
