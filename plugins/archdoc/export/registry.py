"""Every export format, by name. Adding a format: one module, one line here.

A format named ``<name>`` is the ``FORMAT`` of the module ``archdoc.export.<name>_format``; it
is imported when it is first asked for, so that a command (or ``archdoc --help``, which lists
the names) does not load every renderer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archdoc.export.base import ExportFormat

__all__ = ["FORMATS", "FORMAT_NAMES", "export_format"]

FORMAT_NAMES: tuple[str, ...] = (
    "json",
    "mermaid",
    "diagrams",
    "backstage",
    "plantuml",
    "dot",
    "likec4",
    "d2",
    "structurizr",
    "graphml",
)
"""The formats, in the order ``archdoc export --help`` and the docs list them."""


class _Formats(Mapping[str, "ExportFormat"]):
    """The formats by name, each module imported on first use."""

    def __getitem__(self, name: str) -> ExportFormat:
        if name not in FORMAT_NAMES:
            raise KeyError(name)
        fmt: ExportFormat = import_module(f"archdoc.export.{name}_format").FORMAT
        return fmt

    def __iter__(self) -> Iterator[str]:
        return iter(FORMAT_NAMES)

    def __len__(self) -> int:
        return len(FORMAT_NAMES)


FORMATS: Mapping[str, ExportFormat] = _Formats()
"""Every format by name, in the order of :data:`FORMAT_NAMES`."""


def export_format(name: str) -> ExportFormat | None:
    return FORMATS.get(name)
