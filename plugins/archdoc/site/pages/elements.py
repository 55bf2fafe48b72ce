"""A page per element: its facts, diagrams, relationships, events, data, failure modes, impact."""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.model.elements import Element
from archdoc.render.tables import badge, facts, table
from archdoc.render.text import md_cell, md_code, md_text
from archdoc.site.blocks import render_block
from archdoc.site.blocks.impact import impact_table
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup, declared_in

IMPACT_ROWS = 30
"""Rows of the impact table on an element's page (the ``impact:`` block shows them all)."""


def element_pages(context: SiteContext) -> Iterator[Page]:
    for element in context.workspace.elements.values():
        yield element_page(context, element)


def _facts(context: SiteContext, element: Element, path: str) -> list[str]:
    rows = [["Kind", element.kind_label + (" (external)" if element.external else "")]]
    if element.technology:
        rows.append(["Technology", md_cell(element.technology)])
    if element.parent_id:
        rows.append(["Part of", context.element_link(path, element.parent_id)])
    if element.owner:
        rows.append(["Owner", md_cell(element.owner)])
    if element.data_owner_id:
        rows.append(["Data owner", context.element_link(path, element.data_owner_id)])
    if element.tags:
        rows.append(["Tags", ", ".join(md_code(t) for t in element.tags)])
    for key, value in element.properties.items():
        rows.append([md_cell(key), md_cell(str(value))])
    rows.append(["Id", f"`{element.id}`"])
    return [facts(rows)]


def _relationship_rows(context: SiteContext, path: str, rels: list, other: str) -> list[list[str]]:  # type: ignore[type-arg]
    return [[context.element_link(path, getattr(r, other)), md_cell(r.description),
             md_cell(r.operation), md_cell(r.technology), r.interaction,
             badge(r.criticality) if r.criticality else ""] for r in rels]


def element_page(context: SiteContext, element: Element) -> Page:
    ws, layout = context.workspace, context.layout
    path = layout.element(element.id)
    lines = [f"# {md_text(element.name)}", ""]
    if element.description:
        lines += [md_text(element.description), ""]
    lines += _facts(context, element, path)
    if element.kind == "system":
        lines += ["## System context", render_block(context, f"context:{element.id}", path)]
        children = ws.children_of(element.id)
        if children:
            lines += ["## Containers", render_block(context, f"containers:{element.id}", path), "",
                      table(["Container", "Kind", "Technology", "Purpose"], [
                          [context.element_link(path, c.id), c.kind_label, md_cell(c.technology),
                           md_cell(c.description)] for c in children])]
        view = context.views.get(f"containers:{element.id}") or context.views.get(
            f"context:{element.id}"
        )
        outside = [ws.elements[i] for i in (view.element_ids if view else [])
                   if not i.startswith(element.id + ".") and i != element.id]
        people = [e for e in outside if e.kind == "person"]
        systems = [e for e in outside if e.kind == "system"]
        if people:
            lines += ["## People", "", table(["Person", "Description", "Uses it to"], [
                [context.element_link(path, p.id), md_cell(p.description),
                 md_cell("; ".join(_purposes(context, p.id, element.id)))] for p in people])]
        if systems:
            lines += ["## Other systems", "", table(["System", "Kind", "Integration"], [
                [context.element_link(path, s.id), "external" if s.external else "internal",
                 md_cell("; ".join(_integrations(context, element.id, s.id)))] for s in systems])]
    if element.kind in ("container", "database", "queue"):
        components = ws.children_of(element.id)
        if components:
            lines += [
                "## Components",
                render_block(context, f"components:{element.id}", path),
                "",
                table(
                    ["Component", "Technology", "Responsibility"],
                    [
                        [
                            context.element_link(path, c.id),
                            md_cell(c.technology),
                            md_cell(c.description),
                        ]
                        for c in components
                    ],
                ),
            ]
    if f"neighbourhood:{element.id}" in context.views.specs:
        lines += ["## Neighbourhood", "",
                  f"{md_text(element.name)} and what it uses or is used by.",
                  render_block(context, f"neighbourhood:{element.id}", path)]
    shown_in = [v for v in ws.views if _draws(context, v.key, element.id)]
    if shown_in:
        lines += (
            ["## Views", ""]
            + [
                f"- [{md_text(v.name)}]({layout.md_link(path, layout.view(v.id))})"
                for v in shown_in
            ]
            + [""]
        )
    out = [r for r in _with_descendants(context, element, context.outgoing)]
    into = [r for r in _with_descendants(context, element, context.incoming)]
    headers = ["Element", "Description", "Operation", "Technology", "Interaction", "Criticality"]
    if out:
        lines += [
            "## Depends on",
            "",
            table(headers, _relationship_rows(context, path, out, "destination_id")),
        ]
    if into:
        lines += [
            "## Used by",
            "",
            table(headers, _relationship_rows(context, path, into, "source_id")),
        ]
    events = context.events_of(element.id)
    if events:
        lines += ["## Events", "", table(["Event", "Role", "Reason", "Via"], [
            [md_code(name), role, md_cell(link.reason),
             context.element_link(path, link.via_id) if link.via_id else ""]
            for name, role, link in events])]
    owned = context.owned_by(element.id)
    if owned:
        lines += ["## Data owned", "", table(["Datastore", "Technology"], [
            [context.element_link(path, d.id), md_cell(d.technology)] for d in owned])]
    modes = context.failure_modes_of(element.id)
    if modes:
        lines += [
            "## Failure modes",
            "",
            table(
                ["Impact", "Mitigation", "Fallback", "Detection", "Recovery"],
                [
                    [
                        md_cell(m.impact),
                        md_cell(m.mitigation),
                        md_cell(m.fallback),
                        md_cell(m.detection),
                        md_cell(m.recovery),
                    ]
                    for m in modes
                ],
            ),
        ]
    flows = context.flows_of(element)
    if flows:
        lines += (
            ["## Flows", ""]
            + [f"- [{md_text(f.name)}]({layout.md_link(path, layout.flow(f.id))})" for f in flows]
            + [""]
        )
    decisions = context.decisions_for(element.id)
    if decisions:
        lines += (
            ["## Decisions", ""]
            + [
                f"- [ADR-{d.number:04d}: {md_text(d.title)}]"
                f"({layout.md_link(path, layout.decision(d.file.stem))}) "
                + badge(d.status)
                for d in decisions
            ]
            + [""]
        )
    in_graph = element.id in context.graph.nodes or (
        element.kind == "system"
        and any(c.id in context.graph.nodes for c in ws.children_of(element.id))
    )
    if element.kind != "person" and in_graph:
        lines += [
            "## Impact",
            "",
            f"What breaks, or degrades, if {md_text(element.name)} fails:",
            "",
            impact_table(context, path, element.id, limit=IMPACT_ROWS),
        ]
    if element.location:
        lines += ["", f"<small>Declared in `{declared_in(context, element.location.file)}:"
                  f"{element.location.line}`.</small>"]
    return Page(path, element.name, "\n".join(lines) + "\n", in_nav=False)


def _inside(id: str, top: str) -> bool:
    return id == top or id.startswith(top + ".")


def _purposes(context: SiteContext, person_id: str, system_id: str) -> list[str]:
    """What a person uses a system for: descriptions of their relationships into it."""
    return list(dict.fromkeys(
        r.description for r in context.outgoing(person_id)
        if r.description and _inside(r.destination_id, system_id)))


def _integrations(context: SiteContext, system_id: str, other_id: str) -> list[str]:
    """How two systems are integrated: relationships between anything inside each."""
    found = []
    for r in context.workspace.relationships:
        if (_inside(r.source_id, system_id) and _inside(r.destination_id, other_id)) or \
                (_inside(r.source_id, other_id) and _inside(r.destination_id, system_id)):
            if r.description:
                found.append(f"{r.description} [{r.technology}]" if r.technology else r.description)
    return list(dict.fromkeys(found))


def _with_descendants(context: SiteContext, element: Element, get) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Relationships of the element and, for containers and systems, of what is inside them."""
    rels = list(get(element.id))
    if element.kind in ("system", "container"):
        prefix = element.id + "."
        for child in context.descendants(element.id):
            rels += [r for r in get(child) if not (r.source_id.startswith(prefix)
                                                       and r.destination_id.startswith(prefix))]
    return rels


def _draws(context: SiteContext, key: str, id: str) -> bool:
    view = context.views.static(key)
    return view is not None and id in view.element_ids


GROUP = PageGroup("elements", element_pages, draws_views=True)
