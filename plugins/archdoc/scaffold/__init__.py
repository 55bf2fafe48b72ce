"""``archdoc init``: a new architecture workspace, ready to validate and build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from archdoc.errors import ArchdocError

__all__ = ["ScaffoldError", "scaffold", "SCAFFOLD_FILES"]

_FILES = Path(__file__).resolve().parent / "files"

SCAFFOLD_FILES = [
    "mkdocs.yml",
    "docs/index.md",
    "adr/0001-record-architecture-decisions.md",
    "model/__init__.py",
    ".github/workflows/architecture.yml",
    ".gitignore",
]
"""What ``archdoc init`` writes, relative to the target directory."""


class ScaffoldError(ArchdocError):
    """``archdoc init`` would overwrite a file."""


@dataclass(frozen=True)
class Scaffolded:
    directory: Path
    files: list[Path]


def scaffold(
    directory: Path, *, name: str | None = None, today: dt.date | None = None
) -> Scaffolded:
    """Write the workspace files into ``directory``; nothing is written if any already exists."""
    name = name or directory.resolve().name or "architecture"
    existing = [f for f in SCAFFOLD_FILES if (directory / f).exists()]
    if existing:
        raise ScaffoldError(
            f"{directory / existing[0]} already exists; "
            "archdoc init writes nothing over existing files"
            + (f" ({len(existing) - 1} more exist)" if len(existing) > 1 else ""),
            hint="run it in an empty directory, or remove or rename: " + ", ".join(existing),
        )
    from archdoc.model.ids import slugify

    values = {
        "name": name,
        "name_id": slugify(name),
        "date": (today or dt.date.today()).isoformat(),
    }
    written = []
    for relative in SCAFFOLD_FILES:
        source = _FILES / relative.replace(".gitignore", "gitignore").replace(".github/", "github/")
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{ " + key + " }}", value)
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:  # never overwrite, even in a race
            handle.write(text)
        written.append(target)
    return Scaffolded(directory, written)
