"""Where in the user's code a model object was declared."""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
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


# Line tables by code object. ``frame.f_lineno`` scans the code's whole location table on each
# call (CPython 3.11), which made declaring an element cost time proportional to the size of
# the model file; a table built once per code object makes it a binary search. The code object
# is kept in the value so that its id cannot be reused while cached.
_line_tables: dict[int, tuple[object, list[int], list[int | None]]] = {}


def _line_of(frame: object) -> int:
    code = frame.f_code  # type: ignore[attr-defined]
    entry = _line_tables.get(id(code))
    if entry is None:
        table = list(code.co_lines())
        entry = _line_tables[id(code)] = (code, [t[0] for t in table], [t[2] for t in table])
    _, starts, lines = entry
    index = bisect_right(starts, frame.f_lasti) - 1  # type: ignore[attr-defined]
    line = lines[index] if index >= 0 else None
    return line if line is not None else frame.f_lineno  # type: ignore[attr-defined]


def caller_location() -> SourceLocation | None:
    """The first frame on the stack outside archdoc (and contextlib): the user's call site."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not _is_internal(filename) and not filename.endswith("contextlib.py"):
            return SourceLocation(filename, _line_of(frame))
        frame = frame.f_back  # type: ignore[assignment]
    return None
