"""What a rule reports: a finding at a place in the user's files."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from archdoc.source import SourceLocation

__all__ = ["Diagnostic", "Level", "at_or_above"]

Level = Literal["error", "warning"]


def at_or_above(level: str) -> frozenset[str]:
    """The severities a ``fail_on`` (``--fail-on``) level stops at: ``error`` the errors,
    ``warning`` both, ``never`` none."""
    return {"error": frozenset({"error"}), "warning": frozenset({"error", "warning"})}.get(
        level, frozenset())


class Diagnostic(BaseModel):
    """One finding of one rule."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    rule: str
    """The id of the rule, e.g. ``dangling-reference``."""
    severity: Level
    message: str
    hint: str = ""
    """One line on how to fix it."""
    location: SourceLocation | None = None
    subject: str = ""
    """The id of the element, relationship, flow or ADR it is about."""

    def log_line(self) -> str:
        """``<file>:<line>: error[rule] message``, as the site build logs it."""
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}[{self.rule}] {self.message}"

    def sort_key(self) -> tuple[str, int, str, str]:
        loc = self.location
        return (loc.file if loc else "", loc.line if loc else 0, self.rule, self.message)
