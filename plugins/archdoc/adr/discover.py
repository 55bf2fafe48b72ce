"""Finding the ADR directory and the records in it, and reading numbers from file names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from archdoc.source import SourceLocation, relative_to_cwd

if TYPE_CHECKING:
    from archdoc.config import ArchdocConfig

__all__ = [
    "CONVENTIONAL_DIRS",
    "FileName",
    "adr_files",
    "find_adr_dir",
    "is_adr_file",
    "parse_file_name",
]

CONVENTIONAL_DIRS: tuple[str, ...] = ("adr", "doc/adr", "docs/adr", "docs/decisions")
"""Where teams keep ADRs, searched in this order when nothing is configured."""

_NOT_ADRS = re.compile(
    r"^(readme|index|toc|_?template(-[^.]*)?|adr-template|_.*)\.(md|markdown)$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(?P<prefix>(?:adr|ADR|Adr)[-_ ]?)?(?P<num>\d{1,7})(?:[-_. ]|$)")
_DATED = re.compile(r"^(?P<date>(?:19|20)\d{6})(?:[-_]|$)")


@dataclass(frozen=True)
class FileName:
    """What a record's file name says."""

    number: int | None
    """The number in ``0007-x.md`` / ``ADR-0007-x.md``; None for unnumbered or dated names."""
    prefix: str = ""
    """``ADR-`` in ``ADR-0007-x.md``."""
    width: int = 4
    """Digits of the number as written."""
    dated: dt.date | None = None
    """The date of a log4brains ``20240131-x.md`` name."""


def parse_file_name(name: str) -> FileName:
    """Read the number (or the log4brains date) from a record's file name."""
    dated = _DATED.match(name)
    if dated:
        try:
            return FileName(None, dated=dt.datetime.strptime(dated["date"], "%Y%m%d").date())
        except ValueError:
            pass
    numbered = _NUMBERED.match(name)
    if numbered:
        return FileName(int(numbered["num"]), numbered["prefix"] or "", len(numbered["num"]))
    return FileName(None)


def is_adr_file(path: Path) -> bool:
    """A Markdown file that is not a README, index, template or hidden file."""
    name = path.name
    return (
        path.suffix.lower() in (".md", ".markdown")
        and not name.startswith(".")
        and not _NOT_ADRS.match(name)
        and path.is_file()
    )


def adr_files(directory: Path) -> list[Path]:
    """The record files directly in ``directory``, sorted by name (empty if it does not exist).

    A directory that cannot be listed is an :class:`AdrError` naming it.
    """
    if not directory.is_dir():
        return []
    try:
        return sorted((p for p in directory.iterdir() if is_adr_file(p)), key=lambda p: p.name)
    except OSError as exc:
        from archdoc.errors import AdrError

        raise AdrError(f"cannot read the ADR directory {relative_to_cwd(str(directory))}: "
                       f"{exc.strerror or exc}",
                       hint="check the directory's permissions") from None


def _adr_dir_file(root: Path) -> Path | None:
    marker = root / ".adr-dir"
    if not marker.is_file():
        return None
    try:
        text = marker.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return root / text if text else None


def find_adr_dir(config: ArchdocConfig, override: str | Path | None = None) -> Path:
    """The ADR directory of the project.

    In order: ``override`` (``--dir``), ``adr_dir`` when set in the configuration, the directory
    named in adr-tools' ``.adr-dir``, then the first existing of ``adr``, ``doc/adr``,
    ``docs/adr`` and ``docs/decisions``; ``adr`` when none exists yet.
    """
    root = config.root
    if override is not None:
        path = Path(override)
        return _a_directory(path if path.is_absolute() else Path.cwd() / path, "--dir", None)
    if "adr_dir" in config.model_fields_set:
        return _a_directory(config.adr_path, "adr_dir", config.location("adr_dir"))
    from_marker = _adr_dir_file(root)
    if from_marker is not None:
        return _a_directory(from_marker, ".adr-dir", SourceLocation(str(root / ".adr-dir"), 1))
    for candidate in CONVENTIONAL_DIRS:
        if (root / candidate).is_dir():
            return root / candidate
    return _a_directory(config.adr_path, "`adr_dir` (default `adr`)", config.location())


def _a_directory(path: Path, source: str, location: SourceLocation | None) -> Path:
    """``path``, unless it exists and is not a directory (then nothing could be read or written)."""
    if path.exists() and not path.is_dir():
        from archdoc.errors import ConfigError

        raise ConfigError(
            f"{source} names {relative_to_cwd(str(path))}, which is a file, not a directory",
            location=location,
            hint="point it at the directory of the decision records (e.g. `adr_dir: doc/adr`)",
        )
    return path
