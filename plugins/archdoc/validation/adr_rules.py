"""Validation rules for the decision log (``scope="adr"``): run by ``archdoc validate``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archdoc.adr.records import INVERSE_LINK, inverse_link
from archdoc.source import SourceLocation
from archdoc.validation.registry import Finding, RuleContext, rule

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog

__all__: list[str] = []


def _log(ctx: RuleContext) -> AdrLog:
    return ctx.adrs  # type: ignore[no-any-return]


@rule(
    "adr-parse-error", severity="warning", scope="adr",
    summary="An ADR file could not be read.",
    explanation="""A Markdown file in the ADR directory could not be parsed (broken YAML front
    matter, front matter that is not closed, a file that is not UTF-8). The rest of the log still
    loads, but this decision is missing from the index and from every check. Fix the line named.""",
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
    numbers = [n for n in log.numbers if any(r.number_source != "order" for r in log.all_with(n))]
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
    summary="A supersede or amend link is written on one record only.",
    explanation="""When ADR 7 supersedes ADR 3, ADR 3 should say it is superseded by ADR 7 (and
    the same for amends / amended by), so a reader of either record finds the other. archdoc
    implies the missing side in the index, but the Markdown file read on its own is misleading.
    `archdoc adr link 7 3 --type supersedes` writes both sides.""",
)
def one_sided_links(ctx: RuleContext) -> Iterator[Finding]:
    log = _log(ctx)
    for record in log:
        for lk in record.links:
            if lk.kind not in INVERSE_LINK or lk.kind == "relates" or lk.target not in log:
                continue
            assert lk.target is not None
            other = log.require(lk.target)
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
        if record.status == "superseded" and not log.successors(record.number):
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
        if not log.lifecycle.is_known(record.status):
            yield Finding(f"ADR-{record.id} has status {record.status_text!r}, not in the lifecycle",
                          record.location("status"),
                          "use one of: " + ", ".join(log.lifecycle.statuses), subject=record.id)


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
    "adr-missing-title", severity="error", scope="adr",
    summary="An ADR has no title.",
    explanation="""Every record needs a `# Title` heading: the index, links and the site show it.""",
)
def missing_title(ctx: RuleContext) -> Iterator[Finding]:
    for record in _log(ctx):
        if not record.title.strip():
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
        if not record.date_text:
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
        if record.date_text and not record.date_iso:
            fix = (f"write {record.date.isoformat()}" if record.date
                   else "write the date as YYYY-MM-DD")
            yield Finding(f"ADR-{record.id} date {record.date_text!r} is not YYYY-MM-DD",
                          record.location("date"), fix, subject=record.id)
