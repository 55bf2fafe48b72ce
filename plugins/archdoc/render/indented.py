"""Indented text with braces, as the DSL-like formats write it (LikeC4, Structurizr, D2)."""

from __future__ import annotations

__all__ = ["IndentedLines"]


class IndentedLines:
    """Lines of text, each indented by the depth of the blocks open around it."""

    def __init__(self, indent: str = "  ", opening: str = " {") -> None:
        self.lines: list[str] = []
        self.depth = 0
        self._indent = indent
        self._opening = opening

    def add(self, text: str = "") -> None:
        """One line at the current depth (an empty line stays empty)."""
        self.lines.append((self._indent * self.depth + text) if text else "")

    def open(self, text: str) -> None:
        """``text`` and the opening of a block; what follows is one level deeper."""
        self.add(text + self._opening)
        self.depth += 1

    def close(self) -> None:
        self.depth -= 1
        self.add("}")
