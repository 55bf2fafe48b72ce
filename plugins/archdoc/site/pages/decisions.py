"""Decision pages: the ADR index, views by status and supersede chains, one page per record."""

from __future__ import annotations

from archdoc.adr.log import AdrLog
from archdoc.adr.records import Adr, link_verb
from archdoc.render.tables import badge, facts, table
from archdoc.render.text import html_text, md_cell, md_code, md_text
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup
from archdoc.source import relative_to_cwd

__all__ = ["GROUP", "decision_pages"]

_BANNER = {
    "superseded": ("This decision is superseded", "critical"),
    "deprecated": ("This decision is deprecated", "high"),
    "rejected": ("This decision was rejected", "neutral"),
}


def _adr_label(record: Adr) -> str:
    return f"ADR-{record.number:04d}"


def _link(context: SiteContext, page: str, record: Adr) -> str:
    target = context.layout.decision(record.file.stem)
    return (
        f"[{_adr_label(record)}: {md_text(record.title)}]({context.layout.md_link(page, target)})"
    )


def _affects(context: SiteContext, page: str, record: Adr) -> str:
    return ", ".join(
        context.element_link(page, id) if id in context.workspace.elements else md_code(str(id))
        for id in record.affects
    )


def decision_pages(context: SiteContext) -> list[Page]:
    """The decision log's index and a page per record (none when the project keeps no ADRs)."""
    log = context.adrs
    if log is None:
        return []
    records = context.adr_records()
    layout = context.layout
    index = layout.decisions()
    lines = ["# Decisions", ""]
    if not records:
        lines.append("_No decision records yet: write the first with `archdoc new-adr \"Title\"`._")
    else:
        lines += [table(["#", "Decision", "Status", "Date", "Affects"], [
            [f"{r.number:04d}", _title_link(context, index, r), badge(r.status),
             r.date.isoformat() if r.date else md_cell(r.date_text), _affects(context, index, r)]
            for r in records], align=["r", "l", "l", "l", "l"])]
        lines += ["## By status", ""]
        statuses = list(dict.fromkeys(r.status for r in records))
        for status in statuses:
            group = [r for r in records if r.status == status]
            lines += [f"**{md_text(status.capitalize())}** ({len(group)}): "
                      + ", ".join(_short_link(context, index, r) for r in group), ""]
        chains = _supersede_chains(log, records)
        if chains:
            lines += ["## Supersede chains", ""]
            for chain in chains:
                lines.append("- " + " → ".join(_short_link(context, index, r) for r in chain))
            lines.append("")
    pages = [Page(index, "Decisions", "\n".join(lines) + "\n")]
    for record in records:
        pages.append(_record_page(context, log, record))
    return pages


def _title_link(context: SiteContext, page: str, record: Adr) -> str:
    target = context.layout.decision(record.file.stem)
    return f"[{md_text(record.title)}]({context.layout.md_link(page, target)})"


def _short_link(context: SiteContext, page: str, record: Adr) -> str:
    target = context.layout.decision(record.file.stem)
    return f"[{_adr_label(record)}]({context.layout.md_link(page, target)})"


def _supersede_chains(log: AdrLog, records: list[Adr]) -> list[list[Adr]]:
    """Chains oldest first: 0001 → 0004 → 0009, for every record that supersedes or is
    superseded."""
    by_number = {r.number: r for r in records}
    successors = {r.number: log.successors(r.number) for r in records}
    has_predecessor = {s for succ in successors.values() for s in succ}
    chains = []
    for r in records:
        if r.number in has_predecessor or not successors[r.number]:
            continue
        chain, current, seen = [r], r.number, {r.number}
        while successors.get(current):
            nxt = successors[current][0]
            if nxt in seen or nxt not in by_number:
                break
            seen.add(nxt)
            chain.append(by_number[nxt])
            current = nxt
        chains.append(chain)
    return chains


def _record_page(context: SiteContext, log: AdrLog, record: Adr) -> Page:
    layout = context.layout
    path = layout.decision(record.file.stem)
    lines = [f"# {_adr_label(record)}: {md_text(record.title)}", ""]
    if getattr(record, "problem", ""):
        where = f"{relative_to_cwd(str(record.file))}:{record.problem_line or 1}"
        lines += ['<div class="archdoc-banner archdoc-banner--high"><p>archdoc could not read this '
                  f"record completely ({html_text(record.problem)}, at {html_text(where)}); what "
                  "follows is what it could read.</p></div>", ""]
    banner = _BANNER.get(record.status)
    if banner:
        successors = [log.get(n) for n in log.successors(record.number)]
        by = ", ".join(
            f'<a href="{html_text(layout.href(path, layout.decision(s.file.stem)))}">'
            f"{_adr_label(s)}: {html_text(s.title)}</a>" for s in successors if s is not None)
        text = banner[0] + (f" by {by}" if by else "") + "."
        lines += [
            f'<div class="archdoc-banner archdoc-banner--{banner[1]}"><p>{text}</p></div>',
            "",
        ]
    rows = [["Status", badge(record.status)]]
    if record.date or record.date_text:
        rows.append(["Date", record.date.isoformat() if record.date else md_cell(record.date_text)])
    if record.deciders:
        rows.append(["Deciders", md_cell(", ".join(record.deciders))])
    if getattr(record, "consulted", None):
        rows.append(["Consulted", md_cell(", ".join(record.consulted))])
    if getattr(record, "informed", None):
        rows.append(["Informed", md_cell(", ".join(record.informed))])
    for link in log.links(record.number):
        other = log.get(link.target) if link.target is not None else None
        if other is None:
            continue
        rows.append([link_verb(link.kind), _link(context, path, other)])
    if record.affects:
        rows.append(["Affects", _affects(context, path, record)])
    if getattr(record, "tags", None):
        rows.append(["Tags", md_cell(", ".join(record.tags))])
    lines += [facts(rows), "", record.body.rstrip(), ""]
    return Page(
        path, f"{_adr_label(record)}: {record.title}", "\n".join(lines) + "\n", in_nav=False
    )


GROUP = PageGroup("decisions", decision_pages)
