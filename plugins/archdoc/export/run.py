"""Running an export: which views, which files, what the format dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archdoc.errors import ArchdocError, ReferenceNotFound
from archdoc.export.base import ExportFormat, ExportInput, file_name
from archdoc.model.workspace import Workspace
from archdoc.views import ViewIndex

__all__ = ["ExportResult", "run_export"]


@dataclass
class ExportResult:
    """The files of an export (name -> text; one unnamed document for single-file formats) and
    what the format could not carry, each said once."""

    files: dict[str, str]
    dropped: list[str] = field(default_factory=list)


def run_export(workspace: Workspace, fmt: ExportFormat, *, root: Path,
               view: str | None = None) -> ExportResult:
    """Render ``workspace`` in ``fmt``: the document, or one file per view (only ``view`` when
    given). An unknown view key is an error with the closest keys."""
    index = ViewIndex(workspace)
    source = ExportInput(workspace=workspace, views=index, root=root)
    dropped: list[str] = []
    if fmt.document is not None and fmt.view is None:
        if view is not None:
            from archdoc.export.registry import FORMATS

            per_view = ", ".join(f.name for f in FORMATS.values() if f.per_view)
            raise ArchdocError(f"--format {fmt.name} writes one document for the whole workspace",
                               hint=f"leave --view out, or pick a per-view format ({per_view})")
        document = fmt.document(source)
        return ExportResult({"": document.text}, list(dict.fromkeys(document.dropped)))
    assert fmt.view is not None
    keys = index.keys()
    if view is not None:
        if view not in index:
            import difflib

            close = difflib.get_close_matches(view, keys, n=3, cutoff=0.5)
            raise ReferenceNotFound(
                f"no view {view!r}",
                hint=("did you mean " + ", ".join(repr(c) for c in close) + "? " if close else "")
                + "`archdoc views` lists every view key")
        keys = [view]
    files: dict[str, str] = {}
    for key in keys:
        rendered = fmt.view(index[key], source)
        if rendered is None:
            if view is not None:
                raise ArchdocError(f"--format {fmt.name} cannot draw the view {view!r}",
                                   hint=f"{fmt.summary}")
            continue
        files[file_name(key, fmt.extension)] = rendered.text
        dropped += rendered.dropped
    return ExportResult(files, list(dict.fromkeys(dropped)))
