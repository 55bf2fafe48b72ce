"""What the ADR commands do: write a new record, change a status, link two records.

Every operation checks everything it can (numbers exist, the status change is allowed, the
affected ids are in the model) before it writes, holds the directory lock while it writes, and
writes existing records only through atomic replacement.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from archdoc.adr import edit
from archdoc.adr.discover import find_adr_dir
from archdoc.adr.lifecycle import Lifecycle
from archdoc.adr.log import read_log
from archdoc.adr.parse import parse_adr, parse_adr_text
from archdoc.adr.records import Adr, inverse_link
from archdoc.adr.templates import find_template, render
from archdoc.adr.write import (
    adr_file_name,
    create_exclusive,
    directory_lock,
    naming_style,
    next_number,
    read_for_edit,
    replace_atomically,
)
from archdoc.errors import AdrError

if TYPE_CHECKING:
    from archdoc.config import ArchdocConfig
    from archdoc.model.workspace import Workspace

__all__ = ["NewAdr", "LinkKind", "create_adr", "change_status", "link_adrs", "clean_title"]

LinkKind = Literal["supersedes", "amends", "relates"]


@dataclass
class NewAdr:
    """What ``archdoc new-adr`` was asked to write."""

    title: str
    template: str | None = None
    """``madr``, ``nygard``, ``y-statement``; None: the directory's ``template.md`` or MADR."""
    status: str = "proposed"
    supersedes: list[int] = field(default_factory=list)
    amends: list[int] = field(default_factory=list)
    relates: list[int] = field(default_factory=list)
    affects: list[str] = field(default_factory=list)
    deciders: list[str] = field(default_factory=list)
    date: dt.date | None = None
    """The decision date (default: today)."""


def clean_title(title: str) -> str:
    """The title on one line: line breaks and control characters become spaces; otherwise the
    title is kept exactly as typed (``&``, quotes, ``<script>``, emoji, right-to-left text)."""
    one_line = " ".join(title.splitlines())  # every break Python's splitlines() knows
    cleaned = "".join(" " if unicodedata.category(c) == "Cc" else c for c in one_line).strip()
    if not cleaned:
        raise AdrError("an ADR needs a title", hint='archdoc new-adr "Use PostgreSQL for orders"')
    return cleaned


def _check_affects(ids: list[str], workspace: Workspace | None) -> None:
    if not ids:
        return
    if workspace is None:
        raise AdrError("--affects needs the model, which was not loaded",
                       hint="run the command from the project root, or pass -f mkdocs.yml")
    for element_id in ids:
        if workspace.get(element_id) is None:
            raise AdrError(f"--affects {element_id!r} is not an element of the model",
                           hint=workspace.suggest(element_id))


def _status_text(record: Adr, status: str) -> str:
    return status.capitalize() if record.format in ("nygard", "plain") else status


def create_adr(
    config: ArchdocConfig,
    request: NewAdr,
    *,
    directory: str | Path | None = None,
    workspace: Workspace | None = None,
) -> Adr:
    """Write a new record with the next free number; update the records it links to."""
    title = clean_title(request.title)
    lifecycle = Lifecycle.from_config(config)
    status = lifecycle.check_status(request.status)
    _check_affects(request.affects, workspace)
    adr_dir = find_adr_dir(config, directory)
    adr_dir.mkdir(parents=True, exist_ok=True)
    template = find_template(request.template, adr_dir)
    day = request.date or dt.date.today()

    with directory_lock(adr_dir):
        log = read_log(adr_dir, lifecycle=lifecycle)
        targets: list[tuple[str, Adr]] = []
        for kind, numbers in (("supersedes", request.supersedes), ("amends", request.amends),
                              ("relates", request.relates)):
            for number in dict.fromkeys(numbers):
                target = log.require(number)
                if kind == "supersedes":
                    lifecycle.check_transition(target.status, "superseded", label=target.label)
                targets.append((kind, target))
        style = naming_style(adr_dir)
        first = next_number(adr_dir)

        def name(number: int) -> str:
            return adr_file_name(number, title, style, day=day, attempt=number - first)

        def content(number: int) -> str:
            path = adr_dir / name(number)
            text = render(template, number=number, title=title, status=status, date=day,
                          deciders=request.deciders)
            record = parse_adr_text(text, path)
            if request.deciders and not record.deciders:
                key = "deciders" if record.format in ("madr3", "nygard", "plain", "madr2") \
                    else "decision-makers"
                text = edit.set_list_field(text, path, key, request.deciders)
            if request.affects:
                text = edit.set_list_field(text, path, "affects", request.affects)
            for kind, target in targets:
                text = edit.add_link(text, path, kind, target)
            return text

        path, _ = create_exclusive(adr_dir, first, name, content)
        new = next(r for r in read_log(adr_dir, lifecycle=lifecycle) if r.file == path)
        try:
            changes = [(t, _linked_text(t, kind, new)) for kind, t in targets]
        except AdrError:
            path.unlink()
            raise
        for target, (text, bom) in changes:
            replace_atomically(target.file, text, bom=bom)
    return new


def _linked_text(target: Adr, kind: str, source: Adr) -> tuple[str, bool]:
    """The new text of ``target`` once ``source`` declares a ``kind`` link to it."""
    text, bom = read_for_edit(target.file)
    if kind == "supersedes":
        return edit.mark_superseded(text, target.file, source), bom
    return edit.add_link(text, target.file, inverse_link(kind), source), bom


def change_status(
    config: ArchdocConfig, number: int, status: str, *, directory: str | Path | None = None,
) -> tuple[Adr, Adr]:
    """Set record ``number``'s status, following the lifecycle; returns (before, after)."""
    lifecycle = Lifecycle.from_config(config)
    wanted = lifecycle.check_status(status)
    adr_dir = find_adr_dir(config, directory)
    with directory_lock(adr_dir) if adr_dir.is_dir() else contextlib.nullcontext():
        record = read_log(adr_dir, lifecycle=lifecycle).require(number)
        if record.status == wanted:
            return record, record
        lifecycle.check_transition(record.status, wanted, label=record.label)
        text, bom = read_for_edit(record.file)
        replace_atomically(record.file, edit.set_status(text, record.file,
                                                        _status_text(record, wanted)), bom=bom)
    return record, parse_adr(record.file)


def link_adrs(
    config: ArchdocConfig, source: int, target: int, kind: LinkKind, *,
    directory: str | Path | None = None,
) -> tuple[Adr, Adr]:
    """Record that ADR ``source`` ``kind`` ADR ``target``, in both files."""
    if kind not in ("supersedes", "amends", "relates"):
        raise AdrError(f"unknown link type {kind!r}", hint="use supersedes, amends or relates")
    if source == target:
        raise AdrError(f"ADR {source} cannot link to itself", hint="give two different numbers")
    lifecycle = Lifecycle.from_config(config)
    adr_dir = find_adr_dir(config, directory)
    with directory_lock(adr_dir) if adr_dir.is_dir() else contextlib.nullcontext():
        log = read_log(adr_dir, lifecycle=lifecycle)
        first, second = log.require(source), log.require(target)
        if kind == "supersedes" and second.status != "superseded":
            lifecycle.check_transition(second.status, "superseded", label=second.label)
        text, bom = read_for_edit(first.file)
        new_first = edit.add_link(text, first.file, kind, second)
        new_second, bom2 = _linked_text(second, kind, first)
        replace_atomically(first.file, new_first, bom=bom)
        replace_atomically(second.file, new_second, bom=bom2)
    return parse_adr(first.file), parse_adr(second.file)
