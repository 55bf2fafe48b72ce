"""Changing the status, links and list fields of a record's text, and nothing else.

Each function takes the text of a record and returns the new text: only the status line, the
link lines or the named field line change (or are inserted); every other line, the line endings
and the byte order mark stay as they were. Files are written by :mod:`archdoc.adr.write`.
"""

from __future__ import annotations

import re
from pathlib import Path

from archdoc.adr.parse import parse_adr_text
from archdoc.adr.records import Adr, link_verb
from archdoc.adr.templates import _yaml_text
from archdoc.errors import AdrError

__all__ = ["set_status", "add_link", "mark_superseded", "set_list_field", "link_text"]

_BULLET_STATUS = re.compile(r"^(?P<prefix>\s*(?:[-*+]\s+)?status\s*:[ \t]*)", re.IGNORECASE)
_TOP_KEY = re.compile(r"^[A-Za-z0-9_-]+\s*:")


class _Lines:
    """The lines of a text with their endings, so unchanged lines keep every byte."""

    def __init__(self, text: str) -> None:
        self.items = text.splitlines(keepends=True)
        first = self.items[0] if self.items else ""
        self.eol = "\r\n" if first.endswith("\r\n") else "\r" if first.endswith("\r") else "\n"

    def ending(self, index: int) -> str:
        line = self.items[index]
        return line[len(line.rstrip("\r\n")):]

    def content(self, index: int) -> str:
        return self.items[index].rstrip("\r\n")

    def replace(self, index: int, content: str) -> None:
        self.items[index] = content + (self.ending(index) or self.eol)

    def insert(self, index: int, *contents: str) -> None:
        if index > 0 and not self.ending(index - 1):  # the previous line was the last, unended
            self.items[index - 1] += self.eol
        self.items[index:index] = [c + self.eol for c in contents]

    def text(self) -> str:
        return "".join(self.items)


def _parse(text: str, path: Path) -> Adr:
    return parse_adr_text(text.lstrip("\ufeff"), path)


def _fm_set(lines: _Lines, record: Adr, key: str, value: str) -> None:
    """Set a top-level front-matter key to a one-line ``value``, replacing a block value."""
    end = record.lines["front_matter_end"] - 1  # index of the closing ---
    for i in range(1, end):
        if re.match(rf"^{re.escape(key)}\s*:", lines.content(i), re.IGNORECASE):
            stop = i + 1
            while stop < end and not _TOP_KEY.match(lines.content(stop)):
                stop += 1
            lines.replace(i, f"{key}: {value}".rstrip())
            del lines.items[i + 1:stop]
            return
    lines.insert(end, f"{key}: {value}".rstrip())


def set_status(text: str, path: Path, status_text: str) -> str:
    """``text`` with its status set to ``status_text`` (written as given)."""
    record = _parse(text, path)
    lines = _Lines(text)
    fm = "front_matter_end" in record.lines
    line = record.lines.get("status")
    if fm and (line is None or line < record.lines["front_matter_end"]):
        _fm_set(lines, record, "status", _yaml_text(status_text))
        return lines.text()
    if line is not None:
        current = lines.content(line - 1)
        m = _BULLET_STATUS.match(current)
        if m:
            lines.replace(line - 1, m["prefix"] + status_text)
        elif "](" in current and record.lines.get("status_section"):
            lines.insert(line - 1, status_text, "")  # adr-tools wrote only a link line
        else:
            indent = current[: len(current) - len(current.lstrip())]
            lines.replace(line - 1, indent + status_text)
        return lines.text()
    if record.lines.get("status_section"):
        lines.insert(record.lines["status_section"], "", status_text)
        return lines.text()
    if record.format in ("madr2", "log4brains") and record.lines.get("header_last"):
        last = record.lines["header_last"] - 1
        bullet = lines.content(last).lstrip()[:1]
        lines.insert(last + 1, f"{bullet} Status: {status_text}")
        return lines.text()
    raise AdrError(
        f"ADR-{record.id} has no status line to change", location=record.location(),
        hint="add a `## Status` section or `status:` front matter to the record",
    )


def link_text(record: Adr, target: Adr) -> str:
    """The Markdown link to ``target`` as written in ``record``'s style."""
    if record.format == "nygard" or record.format == "plain":
        label = f"{target.number}. {target.title}"
    elif record.format == "log4brains" and target.number_source == "order":
        label = target.file.stem
    else:
        label = f"ADR-{target.id}"
    label = label.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({target.file.name})"


def add_link(text: str, path: Path, kind: str, target: Adr) -> str:
    """``text`` with a ``kind`` link to ``target`` (unchanged if it is already there)."""
    record = _parse(text, path)
    if any(lk.kind == kind and lk.target == target.number for lk in record.links):
        return text
    lines = _Lines(text)
    if "front_matter_end" in record.lines:
        fm_line = record.lines["front_matter_end"]
        present = [lk.target for lk in record.links
                   if lk.kind == kind and lk.line < fm_line and lk.target is not None]
        numbers = ", ".join(str(n) for n in [*present, target.number])
        _fm_set(lines, record, kind, f"[{numbers}]")
        return lines.text()
    line = f"{link_verb(kind)} {link_text(record, target)}"
    if record.lines.get("link_anchor"):
        lines.insert(record.lines["link_anchor"], "", line)
        return lines.text()
    if record.lines.get("header_last"):
        last = record.lines["header_last"] - 1
        bullet = lines.content(last).lstrip()[:1]
        prefix = f"{bullet} " if bullet in "-*+" else ""
        lines.insert(last + 1, prefix + line)
        return lines.text()
    raise AdrError(
        f"ADR-{record.id} has no place for links", location=record.location(),
        hint="add a `## Status` section or YAML front matter to the record",
    )


def mark_superseded(text: str, path: Path, successor: Adr) -> str:
    """``text`` marked superseded by ``successor``, the way its format writes it.

    Front matter: ``status: superseded by ADR-0005``; MADR 2 and log4brains bullets:
    ``* Status: superseded by [ADR-0005](0005-x.md)``; adr-tools: status ``Superseded`` and a
    ``Superseded by [5. Title](0005-x.md)`` line.
    """
    record = _parse(text, path)
    if "front_matter_end" in record.lines:
        return set_status(text, path, f"superseded by ADR-{successor.id}")
    if record.format in ("madr2", "log4brains"):
        return set_status(text, path, f"superseded by {link_text(record, successor)}")
    text = set_status(text, path, "Superseded")
    return add_link(text, path, "superseded-by", successor)


def set_list_field(text: str, path: Path, key: str, values: list[str]) -> str:
    """``text`` with field ``key`` (``affects``, ``decision-makers``) set to ``values``."""
    record = _parse(text, path)
    lines = _Lines(text)
    if "front_matter_end" in record.lines:
        items = ", ".join(_yaml_text(v) for v in values)
        _fm_set(lines, record, key, f"[{items}]" if values else "")
        return lines.text()
    label = key.capitalize()
    existing = record.lines.get("deciders" if key == "decision-makers" else key)
    if existing is not None:
        current = lines.content(existing - 1)
        written = re.match(r"^\s*(?:[-*+]\s+)?[A-Za-z -]+:\s*", current)
        lines.replace(existing - 1, (written[0] if written else f"{label}: ") + ", ".join(values))
        return lines.text()
    anchor = record.lines.get("header_last") or record.lines.get("date")
    if anchor is None:
        raise AdrError(f"ADR-{record.id} has no place for {key}", location=record.location(),
                       hint="add YAML front matter to the record")
    bullet = lines.content(anchor - 1).lstrip()[:1]
    prefix = f"{bullet} " if bullet in "-*+" else ""
    lines.insert(anchor, f"{prefix}{label}: {', '.join(values)}")
    return lines.text()
