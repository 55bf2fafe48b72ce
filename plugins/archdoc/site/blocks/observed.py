"""The ``observed`` block: the model's dependencies against what running systems show (the
tables and drawings of the "Model vs. observed" page, :mod:`archdoc.site.pages.observed`)."""

from __future__ import annotations

import os
from typing import Any

from archdoc.render.tables import table
from archdoc.render.text import md_code, md_text
from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.blocks.diagrams import draw_computed
from archdoc.site.context import SiteContext
from archdoc.views.overlay import with_drift

__all__ = ["drift_drawings", "observed_block", "render_observed", "source_path"]


def drift_drawings(context: SiteContext, page: str) -> list[str]:
    """The landscape and each internal system's containers, every arrow marked with what
    production shows (an undeclared dependency drawn as an arrow of its own)."""
    report = context.drift
    assert report is not None
    ws = context.workspace
    keys = ["landscape"] + [f"containers:{s.id}" for s in ws.systems()
                            if not s.external and ws.children_of(s.id)]
    out = []
    for key in keys:
        view = context.views.static(key)
        if view is None:
            continue
        statuses = report.lifted_status(ws, view.element_ids)
        if not any(s != "unjudged" for s in statuses.values()):
            continue
        calls = {(e.source_id, e.destination_id): e.calls for e in report.with_status("undeclared")}
        labels = {
            pair: f"not declared: {calls[pair]:,} calls" if calls.get(pair) else "not declared"
            for pair in statuses
            if pair in calls
        }
        marked = with_drift(view, statuses, key=f"observed:{key}", labels=labels)
        out.append(f"### {md_text(marked.title)}\n" + draw_computed(context, page, marked))
    return out


@block(
    "observed",
    "The model against observed dependencies: declared and seen, never seen, not declared.",
)
def observed_block(context: SiteContext, page: str, _: str) -> str:
    if context.drift is None:
        raise UnknownBlock("the project has no observed sources",
                           hint="list traces, metrics or compose files under `observed:` in the "
                                "archdoc plugin's options")
    return render_observed(context, page)


def render_observed(context: SiteContext, page: str, *, drawings: bool = False) -> str:
    report = context.drift
    seen, unseen = report.with_status("seen"), report.with_status("unseen")
    undeclared, unjudged = report.with_status("undeclared"), report.with_status("unjudged")
    link = context.element_link
    parts = [
        '<div class="archdoc-figures">'
        + _figure(len(seen), "declared and seen")
        + _figure(len(unseen), "declared, never seen")
        + _figure(len(undeclared), "seen, not declared")
        + _figure(len(report.unmapped), "unmapped services")
        + "</div>",
        "",
        *(
            [
                "## The architecture against production",
                "",
                "Green arrows were declared and seen, red dashed ones seen and not declared, grey "
                "dotted ones declared and never seen.",
                "",
                *drift_drawings(context, page),
            ]
            if drawings
            else []
        ),
        "## Declared and seen",
        "",
        table(
            ["From", "To", "Calls", "Observed as", "Declared at"],
            [
                [
                    link(page, e.source_id),
                    link(page, e.destination_id),
                    _calls(e.calls),
                    _observed_as(context, e),
                    _declared_at(context, e),
                ]
                for e in seen
            ],
            align=["l", "l", "r", "l", "l"],
        )
        or "_No declared dependency was observed._\n",
        "## Declared, never seen",
        "",
        "Synchronous dependencies between two observed services that no source shows.",
        "",
        table(
            ["From", "To", "Declared at"],
            [
                [link(page, e.source_id), link(page, e.destination_id), _declared_at(context, e)]
                for e in unseen
            ],
        )
        or "_Every judged dependency was observed._\n",
        "## Seen, not declared",
        "",
        table(
            ["From", "To", "Calls", "Observed as", "Seen in"],
            [
                [
                    link(page, e.source_id),
                    link(page, e.destination_id),
                    _calls(e.calls),
                    _observed_as(context, e),
                    _seen_in(context, e.sources),
                ]
                for e in undeclared
            ],
            align=["l", "l", "r", "l", "l"],
        )
        or "_The model declares every observed call._\n",
    ]
    if report.unmapped:
        parts += [
            "## Observed services that match no element",
            "",
            "Their calls cannot be compared: give the element that stands for each "
            '`properties={"service.name": "..."}`, or model it.',
            "",
            table(
                ["Service", "Calls", "Seen in", "Candidates"],
                [
                    [
                        md_code(s.name),
                        _calls(s.calls),
                        _seen_in(context, [s.source]),
                        (
                            "ambiguous: "
                            if s.match.ambiguous
                            else "closest: "
                            if s.match.candidates
                            else ""
                        )
                        + ", ".join(link(page, c) for c in s.match.candidates),
                    ]
                    for s in report.unmapped
                ],
                align=["l", "r", "l", "l"],
            ),
        ]
    mapped = [m for m in report.matches if m.element_id is not None]
    if mapped:
        rows: dict[tuple[str, str | None], list[str]] = {}
        for m in mapped:
            rows.setdefault(
                (m.name, m.element_id), [md_code(m.name), link(page, m.element_id), _how(m.how)]
            )
        parts += [
            "## Observed services",
            "",
            table(["Service", "Element", "Matched by"], list(rows.values())),
        ]
    if unjudged:
        parts += [
            "## Not judged",
            "",
            f"{len(unjudged)} declared dependenc{'ies were' if len(unjudged) != 1 else 'y was'} "
            "not observed and not judged: asynchronous, or with an end that no source observes.",
            "",
        ]
    return "\n".join(parts)


def _figure(value: int, label: str) -> str:
    return (f'<div class="archdoc-figure"><span class="archdoc-figure__value">{value}</span>'
            f'<span class="archdoc-figure__label">{label}</span></div>')


def _calls(calls: int | None) -> str:
    return f"{calls:,}" if calls is not None else ""


def _how(how: str) -> str:
    return {"service.name": '`service.name` property', "id": "id", "name": "name"}.get(how, how)


def _observed_as(context: SiteContext, edge: Any) -> str:
    out = []
    for e in edge.evidence:
        text = f"{md_code(e.pair.client)} → {md_code(e.pair.server)}"
        if e.how == "gateway" or e.how == "queue":
            text += f" through {md_text(context.name(e.via))}"
        elif e.how == "unmapped":
            text += f" (through {md_code(e.via)})"
        elif e.how == "event":
            text += " as events"
        if e.pair.connection_type:
            text += f" ({md_text(e.pair.connection_type.replace('_', ' '))})"
        out.append(text)
    return "; ".join(dict.fromkeys(out))


def _declared_at(context: SiteContext, edge: Any) -> str:
    dep = edge.dependency
    if dep is None:
        return ""
    if dep.relationships:
        r = dep.relationships[0]
        where = f"{source_path(context, r.location.file)}:{r.location.line}" if r.location else ""
        implied = (r.source_id, r.destination_id) != (edge.source_id, edge.destination_id)
        return (f"{md_code(where)}" if where else "") + (
            f" (as {md_code(r.id)})" if implied else ""
        )
    if dep.events:
        return "events: " + ", ".join(md_code(e) for e in dep.events)
    return "data owner"


def _seen_in(context: SiteContext, sources: list[Any]) -> str:
    out = []
    for s in sources:
        text = (
            source_path(context, s.file)
            + (f":{s.line}" if s.line else "")
            + (f" {s.path}" if s.path else "")
        )
        out.append(md_code(text))
    return ", ".join(out)


def source_path(context: SiteContext, file: str) -> str:
    """An observed source or model file, relative to the model's root when it has one."""
    root = context.workspace.root
    if root is not None:
        rel = os.path.relpath(file, root)
        return rel.replace(os.sep, "/")
    return os.path.basename(file)


BLOCKS: tuple[Block, ...] = (observed_block,)
