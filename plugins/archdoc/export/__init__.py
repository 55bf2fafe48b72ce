"""Exports: the model and its views in archdoc's JSON and in the formats of other tools.

``archdoc export --format FORMAT``: every format is one module of this package, registered in
:mod:`archdoc.export.registry`. A per-view format renders one computed view at a time (a pure
function of it); a document format renders the whole workspace.
"""

from archdoc.export.document import (
    ViewSummaryRecord,
    WorkspaceDocument,
    export_document,
    export_json,
    export_schema,
    view_record,
)

__all__ = [
    "ViewSummaryRecord",
    "WorkspaceDocument",
    "export_document",
    "export_json",
    "export_schema",
    "view_record",
]
