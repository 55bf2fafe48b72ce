"""How many copies of a deployment node or a deployed container run: ``instances`` read."""

from __future__ import annotations

import re

__all__ = ["instances_range"]

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|\.\.|–)\s*(\d+)\s*$")


def instances_range(value: int | str | None) -> tuple[int, int] | None:
    """``3`` -> (3, 3); ``"2-10"`` -> (2, 10); ``None`` -> (1, 1); malformed -> None."""
    if value is None:
        return (1, 1)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, value) if value >= 0 else None
    text = value.strip()
    if text.isdigit():
        return (int(text), int(text))
    match = _RANGE.match(text)
    if match and int(match[1]) <= int(match[2]):
        return (int(match[1]), int(match[2]))
    return None
