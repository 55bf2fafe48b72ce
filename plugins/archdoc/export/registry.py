"""Every export format, by name. Adding a format: one module, one line here."""

from __future__ import annotations

from archdoc.export import backstage_format, diagrams_format, json_format, mermaid_format
from archdoc.export.base import ExportFormat

__all__ = ["FORMATS", "export_format"]

FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    json_format.FORMAT,
    mermaid_format.FORMAT,
    diagrams_format.FORMAT,
    backstage_format.FORMAT,
)}


def export_format(name: str) -> ExportFormat | None:
    return FORMATS.get(name)
