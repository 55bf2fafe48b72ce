"""``--format json``: archdoc's own document, the model and every view (see ``archdoc schema``)."""

from __future__ import annotations

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.export.document import export_json

__all__ = ["FORMAT"]


def _document(source: ExportInput) -> Rendered:
    return Rendered(export_json(source.workspace, root=source.root, views=source.views))


FORMAT = ExportFormat(
    name="json", summary="The model and its views as one JSON document (`archdoc schema`).",
    extension=".json", document=_document)
