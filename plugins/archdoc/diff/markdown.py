"""``archdoc diff --format markdown``: the pull-request comment.

A summary line, the changed neighbourhood as a Mermaid diagram (GitHub and GitLab draw it in
comments), a collapsible table per kind of change, the impact, and the new findings. It starts
with the marker ``<!-- archdoc-diff -->`` so that CI can find its earlier comment and update
it. It stays under GitHub's comment size limit: long tables are cut, the JSON format has all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from archdoc.diff.describe import count_words, field_words, finding_words, summary_parts
from archdoc.diff.diagram import LEGEND, neighbourhood_diagram
from archdoc.diff.document import FindingEntry, ListChange
from archdoc.diff.review import Review
from archdoc.diff.text import step_diff
from archdoc.model.elements import KIND_LABELS
from archdoc.render.text import md_cell, md_code

__all__ = ["MARKER", "diff_markdown"]

MARKER = "<!-- archdoc-diff -->"
COMMENT_LIMIT = 65_000
"""GitHub refuses comments longer than 65,536 characters."""
OPEN_ROWS = 15
"""Tables with at most this many rows are shown open."""


def diff_markdown(review: Review) -> str:
    """The comment: complete when it fits, else with shorter tables and a smaller diagram."""
    for rows, nodes in ((50, 40), (10, 20), (3, 0)):
        text = _comment(review, rows=rows, nodes=nodes)
        if len(text) <= COMMENT_LIMIT:
            return text
    return text


def _comment(review: Review, *, rows: int, nodes: int) -> str:
    doc = review.document
    out = [MARKER, "### Architecture changes", "",
           f"**BASE** {_revision(review.base.label)} → **HEAD** {_revision(review.head.label)}", ""]
    out += [f"> {md_cell(note)}\n" for note in review.notes]
    parts = summary_parts(doc)
    if not parts:
        out.append("No architecture changes.")
        return "\n".join(out) + "\n"
    out += ["**" + " · ".join(parts) + "**", ""]
    diagram = neighbourhood_diagram(review, limit=nodes) if nodes else None
    if diagram is not None:
        out += ["```mermaid", diagram.source.rstrip("\n"), "```", ""]
        cut = (f" Drawn: {diagram.drawn} of {diagram.total} elements."
               if diagram.drawn < diagram.total else "")
        out += [f"<sub>{LEGEND}.{cut}</sub>", ""]
    tables = _Tables(review, rows)
    out += tables.elements() + tables.relationships() + tables.impact() + tables.decisions()
    out += (
        tables.findings() + tables.events() + tables.flows() + tables.views() + tables.deployment()
    )
    out.append(f"<sub>archdoc diff · BASE {review.base.ref[:12]} · HEAD {review.head.ref[:12]} · "
               "`archdoc diff --format json` has every detail</sub>")
    return "\n".join(out) + "\n"


def _revision(label: str) -> str:
    """``main (1a2b3c4)`` -> `` `main` (1a2b3c4) ``."""
    if label.endswith(")") and " (" in label:
        name, sha = label[:-1].rsplit(" (", 1)
        if name.startswith("merge base with "):
            return f"merge base with {md_code(name[len('merge base with '):])} ({sha})"
        return f"{md_code(name)} ({sha})"
    return md_cell(label)


def _table(headers: Sequence[str], rows: list[list[str]], limit: int) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append("")
        lines.append(f"… and {len(rows) - limit} more.")
    return lines


def _details(title: str, summary: str, body: list[str], *, open_: bool) -> list[str]:
    head = "<details open>" if open_ else "<details>"
    return [
        head,
        f"<summary><b>{title}</b>: {md_cell(summary)}</summary>",
        "",
        *body,
        "",
        "</details>",
        "",
    ]


class _Tables:
    def __init__(self, review: Review, rows: int) -> None:
        self.review = review
        self.doc = review.document
        self.rows = rows

    def _element(self, id: str) -> str:
        element = self.review.element(id)
        if element is None:
            return md_code(id)
        return f"{md_cell(element['name'])} {md_code(id)}"

    def _section(self, kind: str, title: str, headers: Sequence[str],
                 added: Callable[[object], list[str]], removed: Callable[[object], list[str]],
                 changed: Callable[[object], list[str]], *, primary: bool = False,
                 after: list[str] | None = None) -> list[str]:
        words = count_words(self.doc, kind)
        if not words:
            return []
        changes = getattr(self.doc, kind)
        rows = ([["added", *added(e)] for e in changes.added]
                + [["removed", *removed(e)] for e in changes.removed]
                + [["changed", *changed(e)] for e in changes.changed])
        body = _table(["Change", *headers], rows, self.rows) + (after or [])
        return _details(title, words, body, open_=primary and len(rows) <= OPEN_ROWS)

    def _fields(self, changes: dict, skip: tuple[str, ...] = ()) -> str:  # type: ignore[type-arg]
        return "; ".join(
            md_cell(field_words(k, v, arrow="→")) for k, v in changes.items() if k not in skip
        )

    # -- kinds -----------------------------------------------------------------------------------

    def elements(self) -> list[str]:
        def entry(e) -> list[str]:  # type: ignore[no-untyped-def]
            return [self._element(e.id), KIND_LABELS.get(e.kind, md_cell(e.kind)), ""]

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            element = self.review.element(c.id) or {}
            kind = str(element.get("kind", ""))
            return [
                self._element(c.id),
                KIND_LABELS.get(kind, md_cell(kind)),
                self._fields(c.changes),
            ]

        return self._section(
            "elements",
            "Elements",
            ["Element", "Kind", "Details"],
            entry,
            entry,
            changed,
            primary=True,
        )

    def relationships(self) -> list[str]:
        def entry(r) -> list[str]:  # type: ignore[no-untyped-def]
            facts = ", ".join(
                x for x in (r.interaction, r.criticality, r.technology, r.operation) if x
            )
            return [
                self._element(r.source),
                self._element(r.destination),
                md_cell(r.description),
                md_cell(facts),
            ]

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            return [
                self._element(c.source),
                self._element(c.destination),
                "",
                self._fields(c.changes),
            ]

        return self._section(
            "relationships",
            "Relationships",
            ["From", "To", "Description", "Details"],
            entry,
            entry,
            changed,
            primary=True,
        )

    def events(self) -> list[str]:
        def entry(e) -> list[str]:  # type: ignore[no-untyped-def]
            return [md_code(e.name), ", ".join(md_code(p) for p in e.producers),
                    ", ".join(md_code(c) for c in e.consumers), ""]

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            return [md_code(c.name), "", "", self._fields(c.changes)]

        return self._section("events", "Events", ["Event", "Producers", "Consumers", "Details"],
                             entry, entry, changed)

    def flows(self) -> list[str]:
        def entry(f) -> list[str]:  # type: ignore[no-untyped-def]
            return [f"{md_cell(f.name)} {md_code(f.id)}", ""]

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            flow = self.review.flow(c.id) or {}
            details = [self._fields(c.changes, skip=("steps",))]
            if "steps" in c.changes:
                details.append("steps (below)")
            return [
                f"{md_cell(flow.get('name', c.id))} {md_code(c.id)}",
                "; ".join(d for d in details if d),
            ]

        after = []
        for c in self.doc.flows.changed[: self.rows]:
            steps = c.changes.get("steps")
            if steps is not None:
                after += ["", f"`{c.id}`:", "", "```diff", *step_diff(steps.from_, steps.to), "```"]
        return self._section(
            "flows", "Flows", ["Flow", "Details"], entry, entry, changed, after=after
        )

    def views(self) -> list[str]:
        def entry(v) -> list[str]:  # type: ignore[no-untyped-def]
            return [md_code(v.key), md_cell(v.title), ""]

        titles = {
            v["key"]: v.get("title", "")
            for v in self.review.head_snapshot.export.get("views") or []
        }

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            parts = []
            elements = c.changes.get("elements")
            if isinstance(elements, ListChange):
                parts.append("elements: " + ", ".join(
                    [f"+{_ids(elements.added, 5)}"] * bool(elements.added)
                    + [f"−{_ids(elements.removed, 5)}"] * bool(elements.removed)))
            relationships = c.changes.get("relationships")
            if isinstance(relationships, ListChange):
                parts.append(
                    f"relationships: +{len(relationships.added)} −{len(relationships.removed)}"
                )
            rest = self._fields(c.changes, skip=("elements", "relationships"))
            return [
                md_code(c.key),
                md_cell(titles.get(c.key, "")),
                "; ".join([*parts, *([rest] if rest else [])]),
            ]

        return self._section("views", "Views", ["View", "Title", "Details"], entry, entry, changed)

    def deployment(self) -> list[str]:
        def entry(d) -> list[str]:  # type: ignore[no-untyped-def]
            return [md_code(d.id), d.kind, md_cell(d.name), md_code(d.environment), ""]

        export = self.review.head_snapshot.export
        where = {r["id"]: (r.get("name", ""), r.get("environment_id", r["id"]))
                 for r in [*export.get("environments", []), *export.get("deployment_nodes", [])]}
        where.update(
            {
                r["id"]: (r["container_id"], r["environment_id"])
                for r in export.get("deployments", [])
            }
        )

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            name, environment = where.get(c.id, ("", ""))
            return [
                md_code(c.id),
                c.kind,
                md_cell(name),
                md_code(environment),
                self._fields(c.changes),
            ]

        return self._section(
            "deployment",
            "Deployment",
            ["Id", "Kind", "Name", "Environment", "Details"],
            entry,
            entry,
            changed,
        )

    def decisions(self) -> list[str]:
        def entry(d) -> list[str]:  # type: ignore[no-untyped-def]
            return [f"ADR-{d.number:04d}", md_cell(d.title), md_cell(d.status), ""]

        def changed(c) -> list[str]:  # type: ignore[no-untyped-def]
            record = self.review.decision(c.number) or {}
            return [
                f"ADR-{c.number:04d}",
                md_cell(record.get("title", "")),
                md_cell(record.get("status", "")),
                self._fields(c.changes),
            ]

        return self._section("decisions", "Decisions", ["#", "Decision", "Status", "Details"],
                             entry, entry, changed, primary=True)

    def impact(self) -> list[str]:
        impact = self.doc.impact
        body: list[str] = []
        for cycle in impact.sync_cycles.new:
            body += [
                "**New synchronous cycle**: " + " → ".join(md_code(u) for u in [*cycle, cycle[0]]),
                "",
            ]
        for cycle in impact.sync_cycles.resolved:
            body += [
                "Synchronous cycle resolved: " + " → ".join(md_code(u) for u in [*cycle, cycle[0]]),
                "",
            ]
        if impact.dependencies:
            rows = []
            for change in impact.dependencies:
                side = change.to if change.change != "removed" else change.from_
                facts = (
                    ", ".join(x for x in (side.interaction, side.criticality) if x) if side else ""
                )
                if change.change == "changed" and change.from_ and change.to:
                    old = ", ".join(
                        x for x in (change.from_.interaction, change.from_.criticality) if x
                    )
                    facts = f"{old} → {facts}"
                paths = ([f"new: {' → '.join(p)}" for p in change.critical_paths.added]
                         + [f"gone: {' → '.join(p)}" for p in change.critical_paths.removed])
                rows.append([f"{md_code(change.source)} → {md_code(change.destination)}",
                             f"{change.change} ({md_cell(facts)})" if facts else change.change,
                             _ids(change.blast_radius, 8), md_cell("; ".join(paths))])
            body += _table(
                ["Dependency", "Change", "Blast radius changed for", "Critical paths"],
                rows,
                self.rows,
            )
            body.append("")
        if impact.blast_radius:
            rows = [
                [
                    md_code(r.element),
                    _ids(r.breaks.added, 6),
                    _ids(r.breaks.removed, 6),
                    _ids(r.degraded.added, 6),
                    _ids(r.degraded.removed, 6),
                ]
                for r in sorted(
                    impact.blast_radius,
                    key=lambda r: (
                        -(
                            len(r.breaks.added)
                            + len(r.breaks.removed)
                            + len(r.degraded.added)
                            + len(r.degraded.removed)
                        )
                    ),
                )
            ]
            body += _table(["If this fails", "Now breaks", "No longer breaks", "Now degraded",
                            "No longer degraded"], rows, self.rows)
            body.append("")
        if impact.flows:
            body += ["**Flow steps over removed relationships**:", ""]
            body += [f"- {md_cell(f.name)}: {md_code(f.source)} → {md_code(f.destination)} "
                     f"(was {md_code(f.relationship)})" for f in impact.flows[: self.rows]]
            body.append("")
        if not body:
            return []
        parts = []
        if impact.dependencies:
            parts.append(
                f"{len(impact.dependencies)} "
                f"dependenc{'y' if len(impact.dependencies) == 1 else 'ies'}"
            )
        if impact.blast_radius:
            parts.append(f"blast radius of {len(impact.blast_radius)} element"
                         + ("s" if len(impact.blast_radius) != 1 else ""))
        if impact.sync_cycles.new:
            parts.append(f"{len(impact.sync_cycles.new)} new synchronous cycle"
                         + ("s" if len(impact.sync_cycles.new) != 1 else ""))
        if impact.flows:
            parts.append(f"{len(impact.flows)} flow step" + ("s" if len(impact.flows) != 1 else "")
                         + " over removed relationships")
        while body and body[-1] == "":
            body.pop()
        return _details("Impact", ", ".join(parts) or "changed", body,
                        open_=len(impact.dependencies) + len(impact.blast_radius) <= OPEN_ROWS)

    def findings(self) -> list[str]:
        if not finding_words(self.doc):
            return []
        out: list[str] = []
        new, fixed = self.doc.findings.new, self.doc.findings.fixed
        headers = ["Severity", "Rule", "Where", "Message"]
        if new:
            errors = sum(f.severity == "error" for f in new)
            words = f"{len(new)}" + (
                f" ({errors} error{'s' if errors != 1 else ''})" if errors else ""
            )
            out += _details(
                "New findings",
                words,
                _table(headers, [_finding(f) for f in new], self.rows),
                open_=True,
            )
        if fixed:
            out += _details("Fixed findings", str(len(fixed)),
                            _table(headers, [_finding(f) for f in fixed], self.rows), open_=False)
        return out


def _ids(ids: list[str], limit: int) -> str:
    shown = ", ".join(md_code(i) for i in ids[:limit])
    return shown + (f" (+{len(ids) - limit} more)" if len(ids) > limit else "")


def _finding(f: FindingEntry) -> list[str]:
    where = md_code(f"{f.file}:{f.line}" if f.file and f.line else f.file or "")
    return [f"**{f.severity}**" if f.severity == "error" else f.severity, md_code(f.rule), where,
            md_cell(f.message)]
