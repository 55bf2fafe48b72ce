"""Where in the user's code a model object was declared."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SourceLocation", "caller_location", "relative_to_cwd"]

_PACKAGE_DIR = str(Path(__file__).resolve().parent) + os.sep


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A file and a 1-based line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{relative_to_cwd(self.file)}:{self.line}"


def relative_to_cwd(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


_cache: dict[str, bool] = {}


def _is_internal(filename: str) -> bool:
    internal = _cache.get(filename)
    if internal is None:
        internal = filename.startswith(_PACKAGE_DIR) or filename.startswith("<frozen ")
        if not internal:
            try:
                internal = os.path.realpath(filename).startswith(_PACKAGE_DIR)
            except (OSError, ValueError):
                internal = False
        _cache[filename] = internal
    return internal


def caller_location() -> SourceLocation | None:
    """The first frame on the stack outside archdoc (and contextlib): the user's call site."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not _is_internal(filename) and not filename.endswith("contextlib.py"):
            return SourceLocation(filename, frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None
