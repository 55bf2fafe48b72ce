"""What an export format is: a name, a kind (one document, or one file per view), a renderer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.model.workspace import Workspace
from archdoc.views import AnyView, ViewIndex

__all__ = ["ExportFormat", "ExportInput", "Rendered", "file_name"]


@dataclass
class ExportInput:
    """What a format renders from: the workspace and its views."""

    workspace: Workspace
    views: ViewIndex
    root: Path
    """The project root (for paths relative to it)."""


@dataclass
class Rendered:
    """A rendered document or view, and what the format could not carry (said once, on stderr)."""

    text: str
    dropped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExportFormat:
    """An output format of ``archdoc export``."""

    name: str
    summary: str
    """One line for ``archdoc export --help`` and the docs."""
    extension: str
    """File extension, with the dot (``.puml``)."""
    document: Callable[[ExportInput], Rendered] | None = None
    """One document for the whole workspace (json, structurizr, likec4, backstage)."""
    view: Callable[[AnyView, ExportInput], Rendered | None] | None = None
    """One file per view (plantuml, mermaid, d2, dot); None for a view the format skips."""

    @property
    def per_view(self) -> bool:
        return self.view is not None


def file_name(key: str, extension: str) -> str:
    """``containers:shop`` -> ``containers-shop.puml``."""
    return key.replace(":", "-").replace("/", "-") + extension
