"""The generated pages of the architecture site, as Markdown."""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.analysis.dependencies import critical_services, status_counts
from archdoc.config import PAGE_GROUPS
from archdoc.model.elements import Element
from archdoc.render.tables import badge, facts, table
from archdoc.render.text import md_cell, md_code, md_text
from archdoc.site.blocks import render_block
from archdoc.site.blocks.impact import impact_table
from archdoc.site.pages.changes import changes_page
from archdoc.site.context import SiteContext
from archdoc.site.pages.decisions import decision_pages
from archdoc.site.blocks.observed import PAGE_NAME as OBSERVED_PAGE, drift_pages
from archdoc.site.layout import Page

__all__ = ["generate_pages", "PAGE_GROUPS"]

IMPACT_ROWS = 30
"""Rows of the impact table on an element's page (the ``impact:`` block shows them all)."""



def generate_pages(context: SiteContext, groups: list[str] | None = None) -> list[Page]:
    """Every generated page, in a stable order."""
    wanted = set(groups or PAGE_GROUPS)
    if wanted & {"home", "elements", "views", "deployment"}:
        context.drawing.prepare(context.views[key] for key in context.views.keys()
                                if not key.startswith("flow:"))
    pages: list[Page] = []
    if "home" in wanted:
        pages.append(home_page(context))
    if "elements" in wanted:
        pages.extend(element_pages(context))
    if "views" in wanted and context.workspace.views:
        pages.extend(view_pages(context))
    if "dependencies" in wanted:
        pages.extend(dependency_pages(context))
    if "events" in wanted:
        pages.append(_simple(context, "events", "Events", [
            "Each event with its producers and consumers, and the reason each consumer has.",
            "## Events", "events", "## Synchronous calls", "sync-calls",
            "## Asynchronous interactions", "async-calls"]))
    if "data" in wanted:
        pages.append(_simple(context, "data", "Data ownership", [
            "Each datastore, the container that owns it, and who else reads or writes it. "
            "With a database per service, only the owner touches its datastore.",
            "data-ownership"]))
    if "flows" in wanted and context.workspace.flows:
        pages.extend(flow_pages(context))
    if "deployment" in wanted:
        pages.extend(deployment_pages(context))
    if "decisions" in wanted and context.adrs is not None:
        pages.extend(decision_pages(context))
    if "observed" in wanted and context.drift is not None:
        pages.extend(drift_pages(context))
    if "changes" in wanted:
        history = changes_page(context)
        if history is not None:
            pages.append(history)
    return pages


def _compose(context: SiteContext, path: str, parts: list[str]) -> str:
    """Join prose, headings and block keys (a part without spaces that names a block)."""
    out = []
    for part in parts:
        if " " not in part and not part.startswith("#") and not part.startswith("_"):
            out.append(render_block(context, part, path))
        else:
            out.append(part + "\n")
    return "\n".join(out)


def _simple(context: SiteContext, name: str, title: str, parts: list[str]) -> Page:
    path = context.layout.group(name)
    return Page(path, title, f"# {title}\n\n" + _compose(context, path, parts))


# -- home -------------------------------------------------------------------------------------

def home_page(context: SiteContext) -> Page:
    ws, layout = context.workspace, context.layout
    path = layout.home()
    services = [c for c in ws.containers() if c.kind == "container" and not c.external]
    critical = critical_services(ws)
    c = status_counts(context.graph)
    lines = [f"# {md_text(ws.name)} architecture", ""]
    if ws.description:
        lines += [md_text(ws.description), ""]
    lines += [
        f'<div class="archdoc-figures">'
        + _figure(len(services), "internal services")
        + _figure(len(critical), "critical")
        + _figure(len([e for e in ws.containers() if e.kind == "database"]), "datastores")
        + _figure(len([s for s in ws.systems() if s.external]), "external systems")
        + _figure(len(ws.events), "events")
        + _figure(len(ws.flows), "flows")
        + _figure(len(context.adr_records()), "decisions")
        + "</div>",
        "",
        f"**{len(services)} internal services · {len(critical)} critical** — "
        f"{c['pairs']} dependency pairs: {c['critical']} critical path · {c['healthy']} healthy · "
        f"{c['async']} async.",
        "",
        "## System landscape",
        render_block(context, "landscape", path),
        "## Software systems",
        "",
        table(["System", "Kind", "Description"], [
            [context.element_link(path, s.id), "external" if s.external else "internal",
             md_cell(s.description)] for s in ws.systems()]) or "_No software systems yet._\n",
        "## Explore",
        "",
        f"- [Dependencies]({layout.md_link(path, layout.group('dependencies'))}): pairs, "
        f"[matrix]({layout.md_link(path, layout.group('matrix'))}), "
        f"[critical paths]({layout.md_link(path, layout.group('critical-paths'))}), "
        f"[startup order]({layout.md_link(path, layout.group('startup-order'))}), "
        f"[failure modes and impact]({layout.md_link(path, layout.group('failure-modes'))})",
        f"- [Events]({layout.md_link(path, layout.group('events'))}) and "
        f"[data ownership]({layout.md_link(path, layout.group('data'))})",
    ]
    if ws.flows:
        lines.append(f"- [Flows]({layout.md_link(path, layout.flows())}): "
                     + ", ".join(f"[{md_text(f.name)}]({layout.md_link(path, layout.flow(f.id))})"
                                 for f in ws.flows[:12]) + (" …" if len(ws.flows) > 12 else ""))
    for env in ws.environments:
        lines.append(f"- Deployment: [{md_text(env.name)}]({layout.md_link(path, layout.environment(env.id))})")
    if context.adrs is not None:
        lines.append(f"- [Decisions]({layout.md_link(path, layout.decisions())})")
    if context.drift is not None:
        lines.append(f"- [Model vs. observed]({layout.md_link(path, layout.group(OBSERVED_PAGE))}): "
                     "the model against traces, metrics and compose files")
    if context.diagnostics:
        errors = sum(d.severity == "error" for d in context.diagnostics)
        lines += ["", "## Validation", "",
                  f"`archdoc validate` reports {errors} error(s) and "
                  f"{len(context.diagnostics) - errors} warning(s):", "",
                  render_block(context, "validation", path)]
    return Page(path, "Overview", "\n".join(lines) + "\n")


def _figure(value: int, label: str) -> str:
    return (f'<div class="archdoc-figure"><span class="archdoc-figure__value">{value}</span>'
            f'<span class="archdoc-figure__label">{label}</span></div>')


# -- elements ---------------------------------------------------------------------------------

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
        view = context.views.get(f"containers:{element.id}") or context.views.get(f"context:{element.id}")
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
            lines += ["## Components", render_block(context, f"components:{element.id}", path), "",
                      table(["Component", "Technology", "Responsibility"], [
                          [context.element_link(path, c.id), md_cell(c.technology), md_cell(c.description)]
                          for c in components])]
    if f"neighbourhood:{element.id}" in context.views.specs:
        lines += ["## Neighbourhood", "",
                  f"{md_text(element.name)} and what it uses or is used by.",
                  render_block(context, f"neighbourhood:{element.id}", path)]
    shown_in = [v for v in ws.views if _draws(context, v.key, element.id)]
    if shown_in:
        lines += ["## Views", ""] + [
            f"- [{md_text(v.name)}]({layout.md_link(path, layout.view(v.id))})" for v in shown_in] + [""]
    out = [r for r in _with_descendants(context, element, context.outgoing)]
    into = [r for r in _with_descendants(context, element, context.incoming)]
    headers = ["Element", "Description", "Operation", "Technology", "Interaction", "Criticality"]
    if out:
        lines += ["## Depends on", "", table(headers, _relationship_rows(context, path, out, "destination_id"))]
    if into:
        lines += ["## Used by", "", table(headers, _relationship_rows(context, path, into, "source_id"))]
    events = context.events_of(element.id)
    if events:
        lines += ["## Events", "", table(["Event", "Role", "Reason", "Via"], [
            [md_code(name), role, md_cell(link.reason),
             context.element_link(path, link.via_id) if link.via_id else ""]
            for name, role, link in events])]
    owned = [e for e in ws.elements.values() if e.data_owner_id == element.id]
    if owned:
        lines += ["## Data owned", "", table(["Datastore", "Technology"], [
            [context.element_link(path, d.id), md_cell(d.technology)] for d in owned])]
    modes = context.failure_modes_of(element.id)
    if modes:
        lines += ["## Failure modes", "", table(["Impact", "Mitigation", "Fallback", "Detection", "Recovery"], [
            [md_cell(m.impact), md_cell(m.mitigation), md_cell(m.fallback), md_cell(m.detection),
             md_cell(m.recovery)] for m in modes])]
    flows = context.flows_of(element)
    if flows:
        lines += ["## Flows", ""] + [f"- [{md_text(f.name)}]({layout.md_link(path, layout.flow(f.id))})"
                                     for f in flows] + [""]
    decisions = context.decisions_for(element.id)
    if decisions:
        lines += ["## Decisions", ""] + [
            f"- [ADR-{d.number:04d}: {md_text(d.title)}]({layout.md_link(path, layout.decision(d.file.stem))}) "
            + badge(d.status) for d in decisions] + [""]
    in_graph = element.id in context.graph.nodes or (
        element.kind == "system" and any(c.id in context.graph.nodes for c in ws.children_of(element.id)))
    if element.kind != "person" and in_graph:
        lines += ["## Impact", "", f"What breaks, or degrades, if {md_text(element.name)} fails:", "",
                  impact_table(context, path, element.id, limit=IMPACT_ROWS)]
    if element.location:
        lines += ["", f"<small>Declared in `{_relative(context, element.location.file)}:"
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


def _relative(context: SiteContext, file: str) -> str:
    import os

    root = context.workspace.root
    if root is not None:
        rel = os.path.relpath(file, root)
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return os.path.basename(file)


def _with_descendants(context: SiteContext, element: Element, get) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Relationships of the element and, for containers and systems, of what is inside them."""
    rels = list(get(element.id))
    if element.kind in ("system", "container"):
        prefix = element.id + "."
        for child in context.workspace.elements:
            if child.startswith(prefix):
                rels += [r for r in get(child) if not (r.source_id.startswith(prefix)
                                                       and r.destination_id.startswith(prefix))]
    return rels


def _draws(context: SiteContext, key: str, id: str) -> bool:
    view = context.views.static(key)
    return view is not None and id in view.element_ids


# -- the user's views -------------------------------------------------------------------------

def view_pages(context: SiteContext) -> list[Page]:
    """A page per view the model defines, and their index."""
    ws, layout = context.workspace, context.layout
    index = layout.views()
    rows = []
    for view in ws.views:
        computed = context.views.static(view.key)
        size = f"{len(computed.nodes)} / {len(computed.edges)}" if computed else ""
        rows.append([f"[{md_text(view.name)}]({layout.md_link(index, layout.view(view.id))})",
                     md_cell(view.description), f"`{view.key}`", size])
    pages = [Page(index, "Views", "# Views\n\nViews the model defines with `ws.view(...)`.\n\n"
                  + table(["View", "Description", "Key", "Elements / relationships"], rows),
                  section="Views")]
    for view in ws.views:
        path = layout.view(view.id)
        parts = [f"# {md_text(view.name)}", ""]
        if view.description:
            parts += [md_text(view.description), ""]
        parts.append(render_block(context, view.key, path))
        computed = context.views.static(view.key)
        if computed is not None and computed.nodes:
            parts += ["## Elements", "", table(["Element", "Kind", "Technology", "Description"], [
                [context.element_link(path, n.id), n.kind_label, md_cell(n.technology),
                 md_cell(n.description)] for n in computed.nodes])]
        if view.location:
            parts += ["", f"<small>Declared in `{_relative(context, view.location.file)}:"
                      f"{view.location.line}`.</small>"]
        pages.append(Page(path, view.name, "\n".join(parts) + "\n", in_nav=len(ws.views) <= 30,
                          section="Views"))
    return pages


# -- dependencies -----------------------------------------------------------------------------

def dependency_pages(context: SiteContext) -> list[Page]:
    return [
        _simple(context, "dependencies", "Dependencies", [
            "Every pair of services where the upstream one calls, or consumes events of, the "
            "downstream one. Relationships declared between components are counted at their "
            "containers.", "dependencies"]),
        _simple(context, "matrix", "Dependency matrix", ["matrix"]),
        _simple(context, "critical-paths", "Critical paths", [
            "Chains of dependencies marked `criticality=\"critical\"`: a failure anywhere along "
            "one breaks the start of the chain.", "critical-paths"]),
        _simple(context, "startup-order", "Startup order", [
            "The order in which services can start: each layer depends only on layers above it.",
            "startup-order"]),
        _simple(context, "failure-modes", "Failure modes and impact", [
            "## Failure modes", "failure-modes", "## Blast radius",
            "How many elements break (through synchronous dependencies) or degrade (through an "
            "asynchronous one) when each service fails.", "blast-radius"]),
    ]


# -- flows --------------------------------------------------------------------------------------

def flow_pages(context: SiteContext) -> list[Page]:
    ws, layout = context.workspace, context.layout
    index = layout.flows()
    rows = [[f"[{md_text(f.name)}]({layout.md_link(index, layout.flow(f.id))})", md_cell(f.description),
             str(sum(1 for _ in f.messages()))] for f in ws.flows]
    pages = [Page(index, "Flows", "# Flows\n\n" + table(["Flow", "Description", "Steps"], rows),
                  section="Flows")]
    for flow in ws.flows:
        path = layout.flow(flow.id)
        parts = [f"# {md_text(flow.name)}", ""]
        if flow.description:
            parts += [md_text(flow.description), ""]
        parts += [render_block(context, f"flow:{flow.id}", path), "## Steps", "",
                  render_block(context, f"flow-steps:{flow.id}", path)]
        pages.append(Page(path, flow.name, "\n".join(parts) + "\n", in_nav=len(ws.flows) <= 30,
                          section="Flows"))
    return pages


# -- deployment ---------------------------------------------------------------------------------

def deployment_pages(context: SiteContext) -> list[Page]:
    pages = []
    for env in context.workspace.environments:
        path = context.layout.environment(env.id)
        parts = [f"# {md_text(env.name)}", ""]
        if env.description:
            parts += [md_text(env.description), ""]
        parts += [render_block(context, f"deployment:{env.id}", path), "## Inventory", "",
                  render_block(context, f"inventory:{env.id}", path)]
        parts += _property_tables(context, env.id)
        pages.append(Page(path, env.name, "\n".join(parts) + "\n", section="Deployment"))
    return pages


def _property_tables(context: SiteContext, environment_id: str) -> list[str]:
    """Tables built from node properties grouped by prefix: ``network.cidr`` -> a Network table."""
    nodes = context.workspace.nodes_of(environment_id)
    names = [n.name for n in nodes]
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for node in nodes:
        # Two nodes of the same name (an ALB in each subnet) are told apart by their parent.
        label = node.name
        if names.count(node.name) > 1 and node.parent_id in context.workspace.nodes:
            label = f"{context.workspace.nodes[node.parent_id].name} › {node.name}"
        for key, value in node.properties.items():
            if "." in key:
                group, field = key.split(".", 1)
                groups.setdefault(group, {}).setdefault(label, {})[field] = str(value)
    parts = []
    for group, by_node in groups.items():
        fields = list(dict.fromkeys(f for values in by_node.values() for f in values))
        rows = [[md_cell(node)] + [md_cell(values.get(f, "")) for f in fields] for node, values in by_node.items()]
        parts += [f"## {md_text(_heading(group))}", "",
                  table(["Node", *[md_cell(_heading(f)) for f in fields]], rows)]
    return parts


def _heading(key: str) -> str:
    """``security-group`` -> ``Security group``; ``CIDR`` stays ``CIDR``."""
    text = key.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]
