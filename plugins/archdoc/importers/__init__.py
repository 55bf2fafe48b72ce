"""Imports: a Structurizr workspace or Backstage catalog files as an archdoc model package.

Each source format has its reader, which returns a :class:`~archdoc.importers.plan.Plan` (the
model in the terms of archdoc's API, with notices of what it could not carry over); one writer
turns any plan into the package a person would have written::

    result = import_structurizr(Path("workspace.dsl"))
    write_package(result, Path("model"))
"""

from __future__ import annotations

from pathlib import Path

from archdoc.importers.conventions import settle
from archdoc.importers.output import WouldOverwrite, write_files
from archdoc.importers.plan import ImportSourceError, Notice, Plan
from archdoc.importers.pywriter import SPLIT_ABOVE, write_model

__all__ = [
    "ImportResult",
    "ImportSourceError",
    "Notice",
    "WouldOverwrite",
    "import_structurizr",
    "import_backstage",
    "write_package",
]


class ImportResult:
    """The files of the model package, and what the source held that they do not."""

    def __init__(self, plan: Plan, tool: str, *, split_above: int = SPLIT_ABOVE) -> None:
        self.plan = plan
        self.files = write_model(plan, tool=tool, split_above=split_above)
        files: dict[str, int] = {}
        for notice in plan.notices:
            if notice.location is not None:
                files.setdefault(notice.location.file, len(files))
        self.notices: list[Notice] = sorted(
            plan.notices, key=lambda n: (files[n.location.file], n.location.line)
            if n.location is not None else (-1, 0))
        """What the package does not carry, by file (in the order they were read) and line."""


def import_structurizr(path: Path, *, keep_ids: bool = True,
                       split_above: int = SPLIT_ABOVE) -> ImportResult:
    """A Structurizr DSL file (``.dsl``) or JSON workspace (``.json``)."""
    if path.suffix.lower() == ".json":
        from archdoc.importers.structurizr_json import read_workspace_json

        plan, hints = read_workspace_json(path, keep_ids=keep_ids)
    else:
        from archdoc.importers.dsl_model import DslImporter

        importer = DslImporter(path, keep_ids=keep_ids)
        plan, hints = importer.run(), importer.hints
    settle(plan, hints)
    return ImportResult(plan, "archdoc import structurizr", split_above=split_above)


def import_backstage(paths: list[Path], *, split_above: int = SPLIT_ABOVE) -> ImportResult:
    """Backstage catalog descriptor files (``catalog-info.yaml``, several documents each)."""
    from archdoc.importers.backstage import read_catalog

    plan = read_catalog(paths)
    return ImportResult(plan, "archdoc import backstage", split_above=split_above)


def write_package(result: ImportResult, directory: Path) -> list[Path]:
    """Write the package into ``directory``; an existing file is never overwritten."""
    return write_files(directory, result.files)
