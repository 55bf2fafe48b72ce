"""Every export format, by name. Adding a format: one module, one line here."""

from __future__ import annotations

from archdoc.export import (backstage_format, d2_format, diagrams_format, dot_format,
                            graphml_format, json_format, likec4_format, mermaid_format,
                            plantuml_format, structurizr_format)
from archdoc.export.base import ExportFormat

__all__ = ["FORMATS", "export_format"]

FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    json_format.FORMAT,
    mermaid_format.FORMAT,
    diagrams_format.FORMAT,
    backstage_format.FORMAT,
    plantuml_format.FORMAT,
    dot_format.FORMAT,
    likec4_format.FORMAT,
    d2_format.FORMAT,
    structurizr_format.FORMAT,
    graphml_format.FORMAT,
)}


def export_format(name: str) -> ExportFormat | None:
    return FORMATS.get(name)
