"""``archdoc diff`` for a terminal or a log: one line per change, ids never cut."""

from __future__ import annotations

import difflib

from archdoc.diff.describe import KINDS, count_words, field_words, finding_words, summary_parts
from archdoc.diff.document import DependencyChange, FindingEntry, Impact
from archdoc.diff.review import Review

__all__ = ["diff_text"]


def diff_text(review: Review) -> str:
    doc = review.document
    lines = [f"archdoc diff: BASE {review.base.label} -> HEAD {review.head.label}"]
    lines += review.notes
    parts = summary_parts(doc)
    if not parts:
        lines.append("No architecture changes.")
        return "\n".join(lines) + "\n"
    lines.append("; ".join(parts))
    for kind, _, _ in KINDS:
        if count_words(doc, kind):
            lines += ["", kind.capitalize(), *_section(review, kind)]
    impact = _impact(review, doc.impact)
    if impact:
        lines += ["", "Impact", *impact]
    if finding_words(doc):
        lines += ["", "Findings"]
        lines += [f"  new   {_finding(f)}" for f in doc.findings.new]
        lines += [f"  fixed {_finding(f)}" for f in doc.findings.fixed]
    return "\n".join(lines) + "\n"


def _section(review: Review, kind: str) -> list[str]:
    changes = getattr(review.document, kind)
    out: list[str] = []
    for entry in changes.added:
        out.append(f"  + {_entry(review, kind, entry)}")
    for entry in changes.removed:
        out.append(f"  - {_entry(review, kind, entry)}")
    for entry in changes.changed:
        out += _changed(review, kind, entry)
    return out


def _entry(review: Review, kind: str, e) -> str:  # type: ignore[no-untyped-def]
    if kind == "elements":
        return f"{e.id}  {e.kind}  {e.name}"
    if kind == "relationships":
        facts = ", ".join(x for x in (e.interaction, e.criticality, e.technology, e.operation) if x)
        return f"{e.source} -> {e.destination}  {e.description}  [{facts}]"
    if kind == "events":
        return (f"{e.name}  producers: {', '.join(e.producers) or '(none)'}  "
                f"consumers: {', '.join(e.consumers) or '(none)'}")
    if kind == "flows":
        return f"{e.id}  {e.name}"
    if kind == "views":
        return f"{e.key}  {e.title}"
    if kind == "deployment":
        return f"{e.id}  {e.kind}  {e.name}"
    return f"ADR-{e.number:04d} {e.title} ({e.status})"


def _changed(review: Review, kind: str, e) -> list[str]:  # type: ignore[no-untyped-def]
    key = {"elements": "id", "events": "name", "flows": "id", "views": "key", "deployment": "id"}
    if kind == "relationships":
        head = f"{e.source} -> {e.destination}"
    elif kind == "decisions":
        head = f"ADR-{e.number:04d}"
    else:
        head = getattr(e, key[kind])
    fields = {k: v for k, v in e.changes.items() if not (kind == "flows" and k == "steps")}
    line = f"  ~ {head}"
    if fields:
        line += "  " + "; ".join(field_words(k, v) for k, v in fields.items())
    out = [line]
    steps = e.changes.get("steps") if kind == "flows" else None
    if steps is not None:
        out[0] += ("; " if fields else "  ") + "steps:"
        out += [f"      {line}" for line in step_diff(steps.from_, steps.to)]
    return out


def step_diff(before: list[str], after: list[str]) -> list[str]:
    """The changed steps of a flow, as ``+``/``-`` lines with one line of context around them."""
    lines = list(difflib.unified_diff(before, after, lineterm="", n=1))
    return [line for line in lines[2:] if not line.startswith("@@")]


def _dependency(change: DependencyChange) -> str:
    def facts(i) -> str:  # type: ignore[no-untyped-def]
        return ", ".join(x for x in (i.interaction, i.criticality) if x)

    if change.change == "changed":
        assert change.from_ is not None and change.to is not None
        return (f"dependency {change.source} -> {change.destination} changed: "
                f"{facts(change.from_)} -> {facts(change.to)}")
    side = change.to if change.change == "added" else change.from_
    return f"dependency {change.source} -> {change.destination} {change.change} ({facts(side)})"


def _impact(review: Review, impact: Impact) -> list[str]:
    out: list[str] = []
    for change in impact.dependencies:
        out.append(f"  {_dependency(change)}")
        if change.blast_radius:
            out.append(f"    blast radius changed: {', '.join(change.blast_radius)}")
        out += [f"    new critical path: {' -> '.join(p)}" for p in change.critical_paths.added]
        out += [f"    critical path gone: {' -> '.join(p)}" for p in change.critical_paths.removed]
    for radius in impact.blast_radius:
        parts = []
        for words, ids in (
            ("now breaks", radius.breaks.added),
            ("no longer breaks", radius.breaks.removed),
            ("now degraded", radius.degraded.added),
            ("no longer degraded", radius.degraded.removed),
        ):
            if ids:
                parts.append(f"{words} {', '.join(ids)}")
        if radius.fallback is not None:
            parts.append(
                "a fallback is now declared" if radius.fallback.to else "no fallback any more"
            )
        out.append(f"  if {radius.element} fails: {'; '.join(parts)}")
    out += [f"  new synchronous cycle: {' -> '.join([*c, c[0]])}" for c in impact.sync_cycles.new]
    out += [
        f"  synchronous cycle resolved: {' -> '.join([*c, c[0]])}"
        for c in impact.sync_cycles.resolved
    ]
    out += [
        f"  flow {f.name!r}: step {f.source} -> {f.destination} ran over the removed relationship "
        f"{f.relationship}"
        for f in impact.flows
    ]
    return out


def _finding(f: FindingEntry) -> str:
    where = f"{f.file}:{f.line}: " if f.file and f.line else (f"{f.file}: " if f.file else "")
    return f"{where}{f.severity}[{f.rule}] {f.message}"
