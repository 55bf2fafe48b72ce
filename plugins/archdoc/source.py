"""Where in the user's code a model object was declared."""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, FrameType

__all__ = ["SourceLocation", "caller_location", "relative_to_cwd"]

_PACKAGE_DIR = str(Path(__file__).resolve().parent) + os.sep


@dataclass(frozen=True, slots=True, eq=False)
class SourceLocation:
    """A file and a 1-based line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{relative_to_cwd(self.file)}:{self.line}"

    # Written out (not generated) so that a location taken at a call and one made from a file
    # and a line compare equal when they name the same place.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceLocation):
            return NotImplemented
        return self.file == other.file and self.line == other.line

    def __hash__(self) -> int:
        return hash((self.file, self.line))


def relative_to_cwd(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


_skipped: dict[str, bool] = {}
"""Whether frames of a file are skipped (archdoc's own, contextlib's), by file name."""


def _is_skipped(filename: str) -> bool:
    skipped = filename.startswith(_PACKAGE_DIR) or filename.startswith("<frozen ") \
        or filename.endswith("contextlib.py")
    if not skipped:
        try:
            skipped = os.path.realpath(filename).startswith(_PACKAGE_DIR)
        except (OSError, ValueError):
            skipped = False
    _skipped[filename] = skipped
    return skipped


# Line tables by code object. ``frame.f_lineno`` scans the code's whole location table on each
# call (CPython 3.11), which made declaring an element cost time proportional to the size of
# the model file; a table built once per code object makes it a binary search. Building the
# table is itself most of the cost of a large model file's locations, and most locations are
# never shown, so a call site keeps its code object and instruction offset and finds its line
# when it is first read. The code object is kept in the value so that its id cannot be reused
# while cached.
_line_tables: dict[int, tuple[object, list[int], list[int | None]]] = {}


def _line_table(code: CodeType) -> tuple[object, list[int], list[int | None]]:
    table = list(code.co_lines())
    entry = _line_tables[id(code)] = (code, [t[0] for t in table], [t[2] for t in table])
    return entry


_get_line = SourceLocation.__dict__["line"].__get__
_set_file = SourceLocation.__dict__["file"].__set__
_set_line = SourceLocation.__dict__["line"].__set__


class _CallSite(SourceLocation):
    """A location taken at a call of the model API: the line is looked up when first read.

    It is a ``SourceLocation`` in every way a reader can tell (its fields, equality, hash,
    copies and pickles, which are plain ``SourceLocation``\\ s)."""

    __slots__ = ("_code", "_lasti")
    _code: CodeType
    _lasti: int

    @property
    def line(self) -> int:
        try:
            return _get_line(self)  # type: ignore[no-any-return]
        except AttributeError:
            pass
        code = self._code
        entry = _line_tables.get(id(code))
        if entry is None:
            entry = _line_table(code)
        index = bisect_right(entry[1], self._lasti) - 1
        line = entry[2][index] if index >= 0 else None
        line = 1 if line is None else line
        _set_line(self, line)
        return line

    @line.setter
    def line(self, value: int) -> None:
        _set_line(self, value)

    def __repr__(self) -> str:
        return f"SourceLocation(file={self.file!r}, line={self.line!r})"

    def __reduce__(self) -> tuple[type[SourceLocation], tuple[str, int]]:
        return SourceLocation, (self.file, self.line)


# A call site made without an ``__init__``: the slots are set directly. Every model call makes
# one, so this is hot.
_new = object.__new__
_set_code = _CallSite.__dict__["_code"].__set__
_set_lasti = _CallSite.__dict__["_lasti"].__set__


def caller_location() -> SourceLocation | None:
    """The first frame on the stack outside archdoc (and contextlib): the user's call site.

    It is called by archdoc's own code, so the search starts at that code's caller. This runs
    on every call of the model API, so it is written for speed: one dictionary lookup per
    frame; the line is found when it is read.
    """
    try:
        frame: FrameType | None = sys._getframe(2)
    except ValueError:  # called from the bottom of the stack
        return None
    while frame is not None:
        code = frame.f_code
        filename = code.co_filename
        skipped = _skipped.get(filename)
        if skipped is None:
            skipped = _is_skipped(filename)
        if not skipped:
            location = _new(_CallSite)
            _set_file(location, filename)
            _set_code(location, code)
            _set_lasti(location, frame.f_lasti)
            return location
        frame = frame.f_back
    return None
