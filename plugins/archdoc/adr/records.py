"""What an architecture decision record is, once read: an :class:`Adr` and its :class:`AdrLink` s.

The records are format-neutral: an adr-tools file, a MADR 2, 3 or 4 file and a log4brains file
all become the same :class:`Adr`, so the validator and the site never care how a team writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from archdoc.source import SourceLocation

__all__ = [
    "Adr",
    "AdrFormat",
    "AdrLink",
    "AdrParseWarning",
    "INVERSE_LINK",
    "LINK_VERBS",
    "inverse_link",
    "link_verb",
]

AdrFormat = Literal["madr4", "madr3", "madr2", "nygard", "log4brains", "y-statement", "plain"]
"""The way a record is written, as detected on reading."""

INVERSE_LINK: dict[str, str] = {
    "supersedes": "superseded-by",
    "superseded-by": "supersedes",
    "amends": "amended-by",
    "amended-by": "amends",
    "relates": "relates",
}
"""The link each kind implies on the other record (``relates`` is symmetric)."""

LINK_VERBS: dict[str, str] = {
    "supersedes": "Supersedes",
    "superseded-by": "Superseded by",
    "amends": "Amends",
    "amended-by": "Amended by",
    "relates": "Relates to",
}
"""How archdoc writes each link kind in a Markdown link line."""


def inverse_link(kind: str) -> str:
    """The kind the other record should carry (``supersedes`` -> ``superseded-by``).

    Kinds archdoc does not know (adr-tools lets teams invent verbs such as ``Clarifies``) are
    returned unchanged; the log implies no reverse link for them (adr-tools writes both sides).
    """
    return INVERSE_LINK.get(kind, kind)


def link_verb(kind: str) -> str:
    """The words archdoc writes before a link of this kind."""
    return LINK_VERBS.get(kind, kind.replace("-", " ").capitalize())


class AdrLink(BaseModel):
    """A typed link from one record to another."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: str
    """``supersedes``, ``superseded-by``, ``amends``, ``amended-by``, ``relates`` or a team verb."""
    target: int | None
    """The number of the other record; None until the log resolves ``href``."""
    href: str = ""
    """The Markdown link target as written (``0003-use-x.md``), if any."""
    line: int = 0
    """The 1-based line of the link in the source file (0 when implied by the other side)."""
    declared: bool = True
    """False for a link the log implies from the other record's declared link."""


class AdrParseWarning(BaseModel):
    """A file in the ADR directory that could not be read (the rest of the log still loads)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    message: str
    location: SourceLocation
    hint: str = ""


class Adr(BaseModel):
    """One architecture decision record, in whichever format it was written."""

    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)

    number: int
    """The record's number (``7`` for ``0007-use-postgresql.md``)."""
    title: str
    """The title as written, without the number prefix (``Use PostgreSQL``)."""
    status: str = "accepted"
    """Normalised lowercase status (``accepted``, ``superseded``, ...); missing means accepted."""
    status_text: str = ""
    """The status as written in the file (``Superceded by [3. ...](...)``)."""
    status_declared: bool = True
    """False when the file states no status (and ``status`` defaulted to accepted)."""
    date: dt.date | None = None
    """The decision date, when it could be read."""
    date_text: str = ""
    """The date as written (``31/01/2024``); empty when the file has none."""
    date_iso: bool = True
    """Whether ``date_text`` is in ISO form (``YYYY-MM-DD``)."""
    deciders: list[str] = Field(default_factory=list)
    """Who made the decision (MADR ``decision-makers`` / ``deciders``)."""
    consulted: list[str] = Field(default_factory=list)
    informed: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    """log4brains ``Tags:`` or front-matter ``tags``."""
    links: list[AdrLink] = Field(default_factory=list)
    """The links written in this file (the log adds the implied reverse links)."""
    affects: list[str] = Field(default_factory=list)
    """Ids of the model elements this decision changes (``affects:`` in the front matter)."""
    body: str = ""
    """The Markdown after the front matter and the title heading."""
    file: Path
    """The source file."""
    format: AdrFormat = "plain"
    number_source: Literal["file", "title", "order"] = "file"
    """Where the number came from: the file name, the title, or the position in the directory."""
    lines: dict[str, int] = Field(default_factory=dict)
    """1-based line of each field in the file: ``title``, ``status``, ``date``, ``affects``..."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Front-matter keys archdoc does not use, kept as read."""
    problem: str = ""
    """Why the file could not be read completely (empty when it could): the record is kept with
    what could be read, and archdoc refuses to change it."""
    problem_line: int = 0
    """The line the problem is at."""

    @property
    def id(self) -> str:
        """The four-digit number as a string, ``0007``: how messages and the site name it."""
        return f"{self.number:04d}"

    @property
    def label(self) -> str:
        """``ADR-0007 Use PostgreSQL``."""
        return f"ADR-{self.id} {self.title}"

    def location(self, field: str = "title") -> SourceLocation:
        """The file and line of ``field`` (the title line, else line 1)."""
        return SourceLocation(str(self.file), self.lines.get(field) or self.lines.get("title") or 1)

    def links_of(self, kind: str) -> list[int]:
        """Numbers this record declares a ``kind`` link to."""
        return [lk.target for lk in self.links if lk.kind == kind and lk.target is not None]
