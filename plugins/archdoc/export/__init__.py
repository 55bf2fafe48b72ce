"""Exports: the model and its views in archdoc's JSON and in the formats of other tools.

``archdoc export --format FORMAT``: every format is one module of this package, registered in
:mod:`archdoc.export.registry`. A per-view format renders one computed view at a time (a pure
function of it); a document format renders the whole workspace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    # The document's names are loaded on first use: the registry of formats lives in this
    # package too, and listing the formats (`archdoc --help`) should not compute views.
    if name in __all__:
        from archdoc.export import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
