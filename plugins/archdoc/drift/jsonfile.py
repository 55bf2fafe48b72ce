"""Reading a JSON source as a stream (ijson), with errors that name the file and the place."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from archdoc.errors import ObservedError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["first_char", "open_json", "describe", "whole_number", "bad_entry"]


def first_char(path: Path) -> str:
    """The first character that is not white space (``""`` for an empty file)."""
    with open_json(path) as handle:
        while True:
            chunk = handle.read(4096)
            if not chunk:
                return ""
            stripped = chunk.lstrip(b" \t\r\n\xef\xbb\xbf")
            if stripped:
                return chr(stripped[0])


@contextmanager
def open_json(path: Path) -> Iterator[IO[bytes]]:
    """The file opened for ijson; a syntax error inside the block becomes an ObservedError at
    its line (the stdlib parser re-reads the file to find it, on the error path only)."""
    import ijson

    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ObservedError(f"cannot read {relative_to_cwd(str(path))}: {exc.strerror}",
                            hint="check the path of the observed source") from None
    try:
        yield handle
    except ijson.JSONError as exc:
        raise _syntax_error(path, exc) from None
    finally:
        handle.close()


def _syntax_error(path: Path, exc: Exception) -> ObservedError:
    name = relative_to_cwd(str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as decode:
        return ObservedError(f"{name} is not UTF-8 text (byte {decode.start})",
                             location=SourceLocation(str(path), 1),
                             hint="save the export as UTF-8 JSON")
    try:
        json.loads(text)
    except json.JSONDecodeError as decoded:
        return ObservedError(f"{name} is not valid JSON: {decoded.msg} (column {decoded.colno})",
                             location=SourceLocation(str(path), decoded.lineno),
                             hint="the file may be cut short or not be the API's answer")
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ObservedError(
        f"{name} is not valid JSON: {first}",
        location=SourceLocation(str(path), 1),
        hint="the file may be cut short or not be the API's answer",
    )


def describe(value: Any) -> str:
    """A value as JSON would show it, cut to a readable length."""
    try:
        text = json.dumps(value, default=str, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def whole_number(value: Any) -> int | None:
    """``value`` as a count of calls (a non-negative whole number), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    if isinstance(value, (float, Decimal)) and value >= 0 and value == int(value):
        return int(value)
    return None


def bad_entry(path: Path, where: str, message: str, hint: str) -> ObservedError:
    """An error about the entry at JSON path ``where`` of ``path``."""
    return ObservedError(f"{relative_to_cwd(str(path))}: {where}: {message}", hint=hint)
