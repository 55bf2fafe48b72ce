"""What the ADR commands do: write a new record, change a status, link two records.

Every operation checks everything it can (numbers exist, the status change is allowed, the
affected ids are in the model) before it writes, holds the directory lock while it writes, and
writes existing records only through atomic replacement.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from archdoc.adr import edit
from archdoc.adr.discover import find_adr_dir, parse_file_name
from archdoc.adr.lifecycle import Lifecycle, in_force
from archdoc.adr.log import AdrLog, next_number, read_log
from archdoc.adr.parse import parse_adr, parse_adr_text
from archdoc.adr.records import Adr, inverse_link
from archdoc.adr.templates import find_template, render
from archdoc.adr.write import (
    adr_file_name,
    create_exclusive,
    directory_lock,
    naming_style,
    read_for_edit,
    remove_temp_files,
    replace_atomically,
)
from archdoc.errors import AdrError
from archdoc.source import SourceLocation, relative_to_cwd

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
        if workspace.get(element_id) is not None:
            continue
        node = workspace.nodes.get(element_id)
        environment = next((e for e in workspace.environments if e.id == element_id), None)
        if node is not None or environment is not None:
            what = (f"a deployment node of the environment {node.environment_id!r}" if node
                    else "an environment")
            runs = sorted({i.container_id for i in workspace.instances
                           if i.node_id == element_id or i.environment_id == element_id
                           and environment is not None})
            raise AdrError(
                f"--affects {element_id!r} is {what}, not a model element: a decision's `affects` "
                "lists the elements whose pages show it, and deployment has no element pages",
                hint=("name what it runs instead: " + ", ".join(runs[:5]) +
                      (" ..." if len(runs) > 5 else "")) if runs else
                "name the containers the decision changes",
            )
        raise AdrError(f"--affects {element_id!r} is not an element of the model",
                       hint=workspace.suggest(element_id, kinds="elements"))


def _status_text(record: Adr, status: str) -> str:
    return status.capitalize() if record.format in ("nygard", "plain") else status


def _editable(record: Adr) -> Adr:
    """``record``, unless archdoc could not read it completely (then it refuses to change it)."""
    if record.problem:
        raise AdrError(
            f"ADR-{record.id} cannot be changed: {record.problem}; archdoc changes only records "
            "it could read completely",
            location=SourceLocation(str(record.file), record.problem_line or 1),
            hint="fix the file at that line first, then run the command again",
        )
    return record


@contextlib.contextmanager
def _writing(adr_dir: Path) -> Iterator[None]:
    """The directory lock, with stale temporary files removed first; an OS error (permissions,
    a full disk) becomes an AdrError naming the directory. Every file is complete or untouched;
    a supersede interrupted between two files is reported by ``archdoc validate``."""
    try:
        with directory_lock(adr_dir):
            remove_temp_files(adr_dir)
            yield
    except OSError as exc:
        raise AdrError(f"cannot write in the ADR directory {relative_to_cwd(str(adr_dir))}: "
                       f"{exc.strerror or exc}",
                       hint="check the directory's permissions and free space") from None


def _make_directory(adr_dir: Path) -> None:
    try:
        adr_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdrError(
            f"cannot create the ADR directory {relative_to_cwd(str(adr_dir))}: "
            f"{exc.strerror or exc}",
            hint="check the permissions of its parent",
        ) from None


def _check_no_cycle(log: AdrLog, successor: int, superseded: int) -> None:
    """Refuse ``successor supersedes superseded`` when ``superseded`` already supersedes
    ``successor``, directly or through others: the chain would go round."""
    paths = {successor: [successor]}  # each record reached, with the chain 'is superseded by'
    frontier = [successor]
    while frontier:
        number = frontier.pop()
        for nxt in log.successors(number):
            if nxt in paths:
                continue
            paths[nxt] = [*paths[number], nxt]
            if nxt == superseded:
                chain = " -> ".join(f"ADR-{n:04d}" for n in [*paths[nxt], successor])
                raise AdrError(
                    f"ADR-{successor:04d} cannot supersede ADR-{superseded:04d}: "
                    f"ADR-{superseded:04d} "
                    f"already supersedes it, and the chain would go round ({chain}, read 'is "
                    "superseded by'): no decision of it would be in force",
                    hint=f"to go back on ADR-{superseded:04d}, write a new record that supersedes "
                    f"it (`archdoc new-adr --supersedes {superseded} ...`)",
                )
            frontier.append(nxt)


def create_adr(
    config: ArchdocConfig,
    request: NewAdr,
    *,
    directory: str | Path | None = None,
    workspace: Workspace | None = None,
) -> Adr:
    """Write a new record with the next free number; update the records it links to.

    ``--supersedes N``: the new record says it supersedes N; N is marked superseded (and names
    the new record) only when the new record is in force (``accepted``...). A successor that is
    still draft or proposed leaves N as it is, until ``change_status`` accepts it.
    """
    title = clean_title(request.title)
    lifecycle = Lifecycle.from_config(config)
    status = lifecycle.check_status(request.status)
    _check_affects(request.affects, workspace)
    adr_dir = find_adr_dir(config, directory)
    _make_directory(adr_dir)
    template = find_template(request.template, adr_dir)
    day = request.date or dt.date.today()

    with _writing(adr_dir):
        log = read_log(adr_dir, lifecycle=lifecycle)
        targets: list[tuple[str, Adr]] = []
        for kind, numbers in (("supersedes", request.supersedes), ("amends", request.amends),
                              ("relates", request.relates)):
            for number in dict.fromkeys(numbers):
                target = _editable(log.require(number))
                if kind == "supersedes" and target.status != "superseded":
                    lifecycle.check_transition(target.status, "superseded", label=target.label)
                targets.append((kind, target))
        style = naming_style(adr_dir)
        first = next_number(adr_dir)
        name_day = max([day, *(d for r in log if (d := parse_file_name(r.file.name).dated))]) \
            if style.dated else day  # a dated name sorts after the others: numbers stay put

        def name(number: int) -> str:
            return adr_file_name(number, title, style, day=name_day, attempt=number - first)

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

        before = {r.file.name: r.number for r in log}
        path, _ = create_exclusive(adr_dir, first, name, content)
        after = read_log(adr_dir, lifecycle=lifecycle)
        moved = [f"{n} ({before[n]} -> {r.number})" for r in after
                 if (n := r.file.name) in before and before[n] != r.number]
        if moved:  # never: the log numbers new records above the others; checked all the same
            path.unlink()
            raise AdrError("a new record here would renumber " + ", ".join(moved),
                           hint="give the records numbers in their file names")
        new = next(r for r in after if r.file == path)
        try:
            changes = [(t, _linked_text(t, kind, new)) for kind, t in targets
                       if kind != "supersedes" or in_force(new.status)]
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
    """Set record ``number``'s status, following the lifecycle; returns (before, after).

    A record that supersedes others and comes into force (``accepted``...) completes those
    supersedes: each older record is marked superseded by it, after its own status is written.
    """
    lifecycle = Lifecycle.from_config(config)
    wanted = lifecycle.check_status(status)
    adr_dir = find_adr_dir(config, directory)
    with _writing(adr_dir) if adr_dir.is_dir() else contextlib.nullcontext():
        log = read_log(adr_dir, lifecycle=lifecycle)
        record = _editable(log.require(number))
        if record.status == wanted:
            return record, record
        lifecycle.check_transition(record.status, wanted, label=record.label)
        older: list[Adr] = []
        if in_force(wanted):
            for target in record.links_of("supersedes"):
                old = log.get(target)
                if old is None or (old.status == "superseded"
                                   and record.number in old.links_of("superseded-by")):
                    continue
                old = _editable(old)
                if old.status != "superseded":
                    lifecycle.check_transition(old.status, "superseded", label=old.label)
                older.append(old)
        text, bom = read_for_edit(record.file)
        replace_atomically(record.file, edit.set_status(text, record.file,
                                                        _status_text(record, wanted)), bom=bom)
        after = parse_adr(record.file)
        for old in older:
            new_text, old_bom = _linked_text(old, "supersedes", after)
            replace_atomically(old.file, new_text, bom=old_bom)
    return record, after


def link_adrs(
    config: ArchdocConfig, source: int, target: int, kind: LinkKind, *,
    directory: str | Path | None = None,
) -> tuple[Adr, Adr]:
    """Record that ADR ``source`` ``kind`` ADR ``target``, in both files.

    A supersede that would close a circle is refused. ``source supersedes target`` marks the
    target superseded when the source is in force; a draft or proposed source only says it
    supersedes the target, until it is accepted.
    """
    if kind not in ("supersedes", "amends", "relates"):
        raise AdrError(f"unknown link type {kind!r}", hint="use supersedes, amends or relates")
    if source == target:
        raise AdrError(f"ADR {source} cannot link to itself", hint="give two different numbers")
    lifecycle = Lifecycle.from_config(config)
    adr_dir = find_adr_dir(config, directory)
    with _writing(adr_dir) if adr_dir.is_dir() else contextlib.nullcontext():
        log = read_log(adr_dir, lifecycle=lifecycle)
        first, second = _editable(log.require(source)), _editable(log.require(target))
        marks = kind != "supersedes" or in_force(first.status)
        if kind == "supersedes":
            _check_no_cycle(log, source, target)
            if marks and second.status != "superseded":
                lifecycle.check_transition(second.status, "superseded", label=second.label)
        text, bom = read_for_edit(first.file)
        new_first = edit.add_link(text, first.file, kind, second)
        replace_atomically(first.file, new_first, bom=bom)  # the successor first: a half-done
        if marks:                                           # supersede is then a finding
            new_second, bom2 = _linked_text(second, kind, first)
            replace_atomically(second.file, new_second, bom=bom2)
    return parse_adr(first.file), parse_adr(second.file)
