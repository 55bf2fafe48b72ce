"""Validation rules for the decision log (``scope="adr"``): run by ``archdoc validate``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archdoc.adr.lifecycle import in_force
from archdoc.adr.records import Adr, inverse_link
from archdoc.source import SourceLocation
from archdoc.validation.base import Finding, RuleContext, rule

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog

__all__: list[str] = []


def _log(ctx: RuleContext) -> AdrLog:
    """The log the ADR rules read (the registry runs them only when there is one)."""
    assert ctx.adrs is not None
    return ctx.adrs


@rule(
    "adr-parse-error", severity="warning", scope="adr",
    summary="An ADR file could not be read.",
    explanation="""A Markdown file in the ADR directory could not be read completely (broken YAML
    front matter, front matter that is not closed, a file that is not UTF-8 or cannot be opened).
    The record stays in the log with what could be read (its number, its title), so links to it
    still resolve, but its status and links are unknown and archdoc refuses to change it. Fix the
    line named.""",
)
def parse_errors(ctx: RuleContext) -> Iterator[Finding]:
    for warning in _log(ctx).warnings:
        yield Finding(warning.message, warning.location, warning.hint)


@rule(
    "adr-duplicate-number", severity="error", scope="adr",
    summary="Two ADRs share a number.",
    explanation="""Two records carry the same number, usually because two branches each added
    'the next' ADR and were merged. Links such as 'Superseded by ADR-0007' become ambiguous.
    Renumber the later one (rename the file, fix its title and the links that point at it).""",
)
def duplicate_numbers(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for number in log.numbers:
        records = log.all_with(number)
        for record in records[1:]:
            yield Finding(
                f"ADR number {number} is also used by {records[0].file.name}",
                record.location(), f"renumber this record to {log.next_number()}",
                subject=record.id,
            )


@rule(
    "adr-numbering-gap", severity="warning", scope="adr",
    summary="ADR numbers skip a value.",
    explanation="""The numbers of the records are not consecutive. A gap usually means a record
    was deleted or renamed by hand; decisions are never deleted, only superseded or rejected, so
    the log keeps its history. Restore the record, or ignore the gap by turning the rule off.""",
)
def numbering_gaps(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    numbers = log.numbers
    for before, after in zip(numbers, numbers[1:]):
        if after - before > 1:
            missing = f"{before + 1}" if after - before == 2 else f"{before + 1}-{after - 1}"
            record = log.all_with(after)[0]
            yield Finding(f"no ADR numbered {missing} (between {before} and {after})",
                          record.location(), "restore the missing record or renumber",
                          subject=record.id)


@rule(
    "adr-dangling-link", severity="error", scope="adr",
    summary="An ADR links to a record that does not exist.",
    explanation="""A 'Supersedes', 'Amends', 'Relates to' (or a team's own) link, or a status such
    as 'superseded by ADR-0012', points at a number or file that is not in the ADR directory.
    Correct the number or the file name in the link.""",
)
def dangling_links(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        for lk in record.links:
            if lk.target is None or lk.target not in log:
                what = lk.href or (f"ADR {lk.target}" if lk.target is not None else "?")
                yield Finding(
                    f"ADR-{record.id} {lk.kind} {what}, which is not in {log.directory.name}/",
                    record.location() if not lk.line else SourceLocation(str(record.file), lk.line),
                    "fix the number or file name of the link", subject=record.id,
                )


@rule(
    "adr-one-sided-link", severity="warning", scope="adr",
    summary="An amend link is written on one record only.",
    explanation="""When ADR 7 amends ADR 3, ADR 3 should say it is amended by ADR 7, so a reader
    of either record finds the other. archdoc implies the missing side in the index, but the
    Markdown file read on its own is misleading. `archdoc adr link 7 3 --type amends` writes both
    sides. (A supersede written on one side only is `adr-incomplete-supersede`.)""",
)
def one_sided_links(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        if record.problem:
            continue
        for lk in record.links:
            if lk.kind not in ("amends", "amended-by") or lk.target not in log:
                continue
            assert lk.target is not None
            other = log.require(lk.target)
            if other.problem:
                continue  # its links could not be read
            if record.number not in other.links_of(inverse_link(lk.kind)):
                yield Finding(
                    f"ADR-{record.id} {lk.kind} ADR-{other.id}, but ADR-{other.id} does not say "
                    f"it is {inverse_link(lk.kind).replace('-', ' ')} ADR-{record.id}",
                    SourceLocation(str(record.file), lk.line or 1),
                    f"run `archdoc adr link {record.number} {other.number} --type "
                    f"{lk.kind if not lk.kind.endswith('-by') else inverse_link(lk.kind)}`"
                    if not lk.kind.endswith("-by")
                    else f"run `archdoc adr link {other.number} {record.number} --type "
                    f"{inverse_link(lk.kind)}`",
                    subject=record.id,
                )


@rule(
    "adr-superseded-without-successor", severity="error", scope="adr",
    summary="An ADR is superseded, but no record says what replaced it.",
    explanation="""A superseded decision must name its successor, or readers follow a decision
    that no longer holds without learning what replaced it. Link the successor:
    `archdoc adr link NEW OLD --type supersedes`.""",
)
def superseded_without_successor(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        if (
            record.status == "superseded"
            and not record.problem
            and not log.successors(record.number)
        ):
            yield Finding(f"ADR-{record.id} is superseded but names no successor",
                          record.location("status"),
                          f"run `archdoc adr link NEW {record.number} --type supersedes`",
                          subject=record.id)


@rule(
    "adr-unknown-status", severity="error", scope="adr",
    summary="An ADR's status is not in the lifecycle.",
    explanation="""Each record's status must be one of the allowed statuses (by default draft,
    proposed, accepted, rejected, deprecated, superseded; `adr_statuses` in the configuration
    changes them), so the index can group and filter decisions.""",
)
def unknown_status(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        if not record.problem and not log.lifecycle.is_known(record.status):
            yield Finding(
                f"ADR-{record.id} has status {record.status_text!r}, not in the lifecycle",
                record.location("status"),
                "use one of: " + ", ".join(log.lifecycle.statuses),
                subject=record.id,
            )


@rule(
    "adr-dangling-affects", severity="error", scope="adr",
    summary="An ADR's `affects` names an element that is not in the model.",
    explanation="""`affects:` lists the ids of the model elements a decision changes, so each
    element's page can list its decisions. An id that is not in the model (renamed or removed
    element, typo) breaks that link. Use `archdoc export --format json` to list the ids.""",
)
def dangling_affects(ctx: RuleContext) -> Iterator[Finding]:
    workspace = ctx.workspace
    if workspace is None:
        return
    for record in _log(ctx):
        for element_id in record.affects:
            if workspace.get(element_id) is None:
                yield Finding(f"ADR-{record.id} affects {element_id!r}, which is not in the model",
                              record.location("affects"), workspace.suggest(element_id),
                              subject=record.id)


@rule(
    "adr-missing-title",
    severity="error",
    scope="adr",
    summary="An ADR has no title.",
    explanation=(
        "Every record needs a `# Title` heading: the index, links and the site show it."
    ),
)
def missing_title(ctx: RuleContext) -> Iterator[Finding]:
    for record in _log(ctx):
        if not record.problem and not record.title.strip():
            yield Finding(f"ADR-{record.id} has no title", record.location(),
                          "start the record with a `# Title` heading", subject=record.id)


@rule(
    "adr-missing-date", severity="warning", scope="adr",
    summary="An ADR has no date.",
    explanation="""The date says when the decision was made, which matters when reading it years
    later. Add `date: YYYY-MM-DD` to the front matter (or `Date:` under the title).""",
)
def missing_date(ctx: RuleContext) -> Iterator[Finding]:
    for record in _log(ctx):
        if not record.problem and not record.date_text:
            yield Finding(f"ADR-{record.id} has no date", record.location(),
                          "add `date: YYYY-MM-DD` (front matter) or `Date: YYYY-MM-DD`",
                          subject=record.id)


@rule(
    "adr-date-format", severity="warning", scope="adr",
    summary="An ADR's date is not in ISO form (YYYY-MM-DD).",
    explanation="""Dates such as 31/01/2024 (written by old adr-tools) are read, but they are
    ambiguous between countries and do not sort. Write them as YYYY-MM-DD.""",
)
def date_format(ctx: RuleContext) -> Iterator[Finding]:
    for record in _log(ctx):
        if not record.problem and record.date_text and not record.date_iso:
            fix = (f"write {record.date.isoformat()}" if record.date
                   else "write the date as YYYY-MM-DD")
            yield Finding(f"ADR-{record.id} date {record.date_text!r} is not YYYY-MM-DD",
                          record.location("date"), fix, subject=record.id)


def _superseded_by(record: Adr, successor: int) -> bool:
    """``record`` says it is superseded by ``successor`` (a link or a ``superseded by`` status)."""
    return successor in record.links_of("superseded-by")


@rule(
    "adr-incomplete-supersede", severity="error", scope="adr",
    summary="A supersede written on one record only, or a superseded record still in force.",
    explanation="""When a decision that is in force (accepted, or any status but draft, proposed
    and rejected) supersedes an older one, the older record must say so: its status is
    superseded and it names its successor. A successor that is still draft or proposed does not
    change the older record yet; accepting it does (`archdoc adr status 7 accepted`). A record
    that says it is superseded by another that does not say it supersedes it is half of a link
    too, usually left by an interrupted edit or a hand edit of one file. `archdoc adr link NEW
    OLD --type supersedes` writes the missing side.""",
)
def incomplete_supersedes(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        if record.problem:
            continue
        for lk in record.links:
            if lk.target is None or lk.target not in log or lk.target == record.number:
                continue
            other = log.require(lk.target)
            if other.problem:
                continue  # its links could not be read: adr-parse-error says why
            where = SourceLocation(str(record.file), lk.line or record.lines.get("title") or 1)
            fix = f"run `archdoc adr link {record.number} {other.number} --type supersedes`"
            if lk.kind == "supersedes" and in_force(record.status):
                missing = (
                    [] if other.status == "superseded" else [f"its status is {other.status!r}"]
                )
                if not _superseded_by(other, record.number):
                    missing.append(f"it does not name ADR-{record.id} as its successor")
                if missing:
                    yield Finding(
                        f"ADR-{record.id} ({record.status}) supersedes ADR-{other.id}, but "
                        f"ADR-{other.id} is not marked superseded: {' and '.join(missing)}",
                        where, fix, subject=record.id)
            elif lk.kind == "superseded-by" and record.number not in other.links_of("supersedes"):
                yield Finding(
                    f"ADR-{record.id} says it is superseded by ADR-{other.id}, but ADR-{other.id} "
                    f"does not say it supersedes ADR-{record.id}",
                    where,
                    f"run `archdoc adr link {other.number} {record.number} --type supersedes`",
                    subject=record.id,
                )


@rule(
    "adr-supersede-cycle", severity="error", scope="adr",
    summary="Records that supersede each other in a circle.",
    explanation="""If ADR 2 supersedes ADR 3 and ADR 3 supersedes ADR 2 (directly or through
    others), no record of the chain is the decision in force, and a reader following "superseded
    by" goes round for ever. archdoc refuses to write such a link; one already on disk is
    reported here. Remove the link that points back.""",
)
def supersede_cycles(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    successors = {r.number: log.successors(r.number) for r in log}
    for cycle in _cycles(successors):
        first = log.require(cycle[0])
        chain = " -> ".join(f"ADR-{n:04d}" for n in [*cycle, cycle[0]])
        line = next((lk.line for lk in log.links(first.number) if lk.line and lk.target == cycle[-1]
                     and lk.kind == "supersedes"), 0) or next(
            (lk.line for lk in first.links if lk.line), 0)
        yield Finding(f"supersede cycle: {chain} (read 'is superseded by')",
                      SourceLocation(str(first.file), line or first.lines.get("title") or 1),
                      "remove the supersede link that closes the circle", subject=first.id)


def _cycles(successors: dict[int, list[int]]) -> list[list[int]]:
    """Each circle of the 'superseded by' graph once, starting at its lowest number."""
    found: list[list[int]] = []
    seen: set[tuple[int, ...]] = set()
    for start in sorted(successors):
        stack: list[tuple[int, list[int]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(successors.get(node, []), reverse=True):
                if nxt == start:
                    key = tuple(sorted(path))
                    if key not in seen and min(path) == start:
                        seen.add(key)
                        found.append(path)
                elif nxt not in path and nxt > start:
                    stack.append((nxt, [*path, nxt]))
    return found


@rule(
    "adr-stray-temp-file", severity="warning", scope="adr",
    summary="A temporary file left in the ADR directory by an interrupted archdoc command.",
    explanation="""archdoc writes every record through a temporary file (`.NAME.archdoc-XXXX.tmp`)
    that it renames or links into place, so a record is always complete. A command killed
    half-way leaves that file behind: the record it was writing is unchanged (or absent). The
    next `archdoc new-adr` or `archdoc adr` command in the directory removes such files; you
    may also delete them.""",
)
def stray_temp_files(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for path in log.temp_files:
        yield Finding(f"{path.name} is a temporary file left by an interrupted archdoc command",
                      SourceLocation(str(path), 1),
                      "delete it, or run any `archdoc adr` command, which removes it")
