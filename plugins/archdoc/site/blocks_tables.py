"""Table blocks: dependencies, matrix, paths, startup order, failure modes, events, data."""

from __future__ import annotations

from archdoc.analysis.graph import Dependency
from archdoc.analysis.structure import dependency_matrix, startup_layers, sync_cycles
from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.render.matrix import matrix_svg
from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell, md_code, md_text
from archdoc.site.blocks import UnknownBlock, block
from archdoc.site.context import SiteContext


def _status(context: SiteContext, dep: Dependency) -> str:
    """Seed-style status of a dependency pair: Asynchronous (no synchronous relationship behind
    it), Critical Path (a ``critical`` one), or Healthy."""
    if dep.interaction == "async":
        return "Asynchronous"
    if dep.criticality == "critical":
        return "Critical Path"
    return "Healthy"


def _pairs(context: SiteContext) -> list[Dependency]:
    """Dependency pairs between services (people left out)."""
    ws = context.workspace
    return [d for d in context.graph.dependencies()
            if ws.elements[d.source_id].kind != "person"]


def counts(context: SiteContext) -> dict[str, int]:
    statuses = [_status(context, d) for d in _pairs(context)]
    return {
        "pairs": len(statuses),
        "critical": statuses.count("Critical Path"),
        "healthy": statuses.count("Healthy"),
        "async": statuses.count("Asynchronous"),
    }


@block("dependency-summary", "One line: dependency pairs by status.")
def dependency_summary(context: SiteContext, page: str, _: str) -> str:
    c = counts(context)
    return (f"**{c['pairs']} dependency pairs:** {c['critical']} critical path · "
            f"{c['healthy']} healthy · {c['async']} async\n")


@block("dependencies", "Dependency pairs: upstream, downstream, operation, interaction, criticality, status.")
def dependencies(context: SiteContext, page: str, _: str) -> str:
    rows = []
    for d in _pairs(context):
        operation = ", ".join(md_cell(o) for o in d.operations) or md_cell("; ".join(d.descriptions[:1]))
        if d.events:
            operation = (operation + "; " if operation else "") + "events: " + ", ".join(md_cell(e) for e in d.events)
        status = _status(context, d)
        rows.append([
            context.element_link(page, d.source_id),
            context.element_link(page, d.destination_id),
            operation,
            d.interaction,
            badge(d.criticality) if d.criticality else "",
            badge(status),
        ])
    if not rows:
        return "_No dependencies between services in the model._\n"
    return dependency_summary(context, page, "") + "\n" + table(
        ["Upstream", "Downstream", "Operation", "Interaction", "Criticality", "Status"], rows)


@block("matrix", "Dependency structure matrix, ordered topologically, cycles as blocks.")
def matrix(context: SiteContext, page: str, _: str) -> str:
    m = dependency_matrix(context.graph)
    if not m.order:
        return "_No services in the model._\n"
    ws = context.workspace
    names = {u: ws.elements[u].name for u in m.order}
    links = {u: context.layout.href(page, context.layout.element(u)) for u in m.order}
    svg = matrix_svg(m, names, links=links)
    above = sum(1 for (r, c) in m.cells if c > r)
    sync = len(m.sync_blocks)
    loops = len(m.blocks) - sync
    text = (f"{len(m.order)} elements, {len(m.cells)} dependencies; rows depend on columns. "
            "Marks below the diagonal follow the layering; ")
    if not m.blocks:
        text += "none lies above it: the graph has no cycle."
    else:
        found = []
        if sync:
            found.append(f"{sync} synchronous cycle(s), outlined in red")
        if loops:
            found.append(f"{loops} loop(s) through asynchronous dependencies (allowed), dashed in blue")
        text += f"the {above} mark(s) above it belong to " + " and ".join(found) + "."
    return f"{text}\n\n<div class=\"archdoc-matrix-wrap\">\n{svg}\n</div>\n"


@block("critical-paths", "Chains of critical dependencies, longest first.")
def critical_paths_block(context: SiteContext, page: str, _: str) -> str:
    paths = context.critical_paths
    if not paths:
        return "_No critical dependencies are declared (`criticality=\"critical\"`)._\n"
    lines = [f"{n}. " + " → ".join(context.element_link(page, u) for u in path)
             for n, path in enumerate(paths, 1)]
    return "\n".join(lines) + "\n"


@block("startup-order", "Startup order in layers: each layer needs only earlier ones.")
def startup_order(context: SiteContext, page: str, _: str) -> str:
    layers = startup_layers(context.graph)
    cyclic = {u for c in sync_cycles(context.graph) for u in c}
    rows = []
    for n, layer in enumerate(layers, 1):
        names = ", ".join(context.element_link(page, u) + (" ⟳" if u in cyclic else "") for u in layer)
        rows.append([str(n), names])
    if not rows:
        return "_No services in the model._\n"
    note = "\n⟳ marks members of a synchronous cycle: they can only start together.\n" if cyclic else ""
    return table(["Layer", "Starts after the layers above"], rows, align=["r", "l"]) + note


@block("failure-modes", "Every failure mode: impact, mitigation, fallback, and what breaks.")
def failure_modes(context: SiteContext, page: str, _: str) -> str:
    rows = []
    for mode in context.workspace.failure_modes:
        if mode.element_id not in context.workspace.elements:
            continue
        breaks = sum(i.effect == "breaks" for i in context.impact(mode.element_id))
        rows.append([context.element_link(page, mode.element_id), md_cell(mode.impact),
                     md_cell(mode.mitigation), md_cell(mode.fallback), md_cell(mode.detection),
                     str(breaks)])
    if not rows:
        return "_No failure modes declared (`element.failure_mode(...)`)._\n"
    return table(["Element", "Impact", "Mitigation", "Fallback", "Detection", "Breaks"], rows)


@block("blast-radius", "Each service with how many elements break or degrade if it fails.")
def blast_radius(context: SiteContext, page: str, _: str) -> str:
    rows = []
    for unit in context.graph.service_units():
        impacts = context.impact(unit)
        if not impacts:
            continue
        breaks = sum(i.effect == "breaks" for i in impacts)
        rows.append((breaks, len(impacts) - breaks, unit))
    rows.sort(key=lambda r: (-r[0], -r[1], context.graph.order[r[2]]))
    if not rows:
        return "_Nothing depends on anything else yet._\n"
    return table(["Element", "Breaks", "Degrades"],
                 [[context.element_link(page, u), str(b), str(d)] for b, d, u in rows],
                 align=["l", "r", "r"])


@block("impact", "What breaks or degrades if an element fails, with chains.", "element id")
def impact(context: SiteContext, page: str, arg: str) -> str:
    return impact_table(context, page, arg)


def impact_table(context: SiteContext, page: str, arg: str, *, limit: int | None = None) -> str:
    """The impact of ``arg`` failing; with ``limit``, the nearest rows and a count of the rest
    (an element page stays small even when a thousand services depend on it)."""
    if arg not in context.workspace.elements:
        raise UnknownBlock(f"the model has no element {arg!r}", hint=context.workspace.suggest(arg))
    impacts = context.impact(arg)
    if not impacts:
        return f"Nothing depends on {md_text(context.name(arg))}.\n"
    shown = impacts if limit is None else impacts[:limit]
    rows = [[context.element_link(page, i.element_id), badge(i.effect), str(i.distance),
             " → ".join(context.element_link(page, u) for u in i.chain)] for i in shown]
    text = table(["Element", "Effect", "Distance", "Chain"], rows, align=["l", "l", "r", "l"])
    if len(shown) < len(impacts):
        breaks = sum(i.effect == "breaks" for i in impacts)
        text += (f"\n{len(impacts)} elements in all ({breaks} break, {len(impacts) - breaks} degrade); "
                 f"the {len(shown)} nearest are listed. `archdoc impact {arg}` lists every one.\n")
    return text


@block("events", "Each event with its producers and consumers, and why.")
def events(context: SiteContext, page: str, _: str) -> str:
    ws = context.workspace
    if not ws.events:
        return "_No events declared (`publishes` / `subscribes`)._\n"
    rows = []
    for name, event in ws.events.items():
        producers = "<br>".join(
            context.element_link(page, p.element_id)
            + (f" via {context.element_link(page, p.via_id)}" if p.via_id else "")
            for p in event.producers) or badge("no producer", "critical")
        consumers = "<br>".join(
            context.element_link(page, c.element_id) + (f": {md_cell(c.reason)}" if c.reason else "")
            for c in event.consumers) or badge("no consumer", "high")
        rows.append([md_code(name), producers, consumers])
    return table(["Event", "Published by", "Consumed by (reason)"], rows)


def _calls(context: SiteContext, page: str, interaction: str) -> str:
    rows = []
    for r in context.workspace.relationships:
        src, dst = context.workspace.elements.get(r.source_id), context.workspace.elements.get(r.destination_id)
        if src is None or dst is None or r.interaction != interaction or src.kind == "person":
            continue
        rows.append([context.element_link(page, r.source_id), context.element_link(page, r.destination_id),
                     md_cell(r.operation or r.description), md_cell(r.technology)])
    if not rows:
        return f"_No {interaction}hronous calls._\n"
    return table(["From", "To", "Operation", "Technology"], rows)


@block("sync-calls", "Every synchronous call between services.")
def sync_calls(context: SiteContext, page: str, _: str) -> str:
    return _calls(context, page, "sync")


@block("async-calls", "Every asynchronous interaction between services.")
def async_calls(context: SiteContext, page: str, _: str) -> str:
    return _calls(context, page, "async")


@block("data-ownership", "Each datastore, its owner, who else reads or writes it; violations marked.")
def data_ownership(context: SiteContext, page: str, _: str) -> str:
    """The verdicts of :mod:`archdoc.analysis.data`, the analysis ``archdoc validate`` checks."""
    rows = []
    for verdict in context.data_ownership:
        db = verdict.datastore
        problems = []
        if verdict.unowned:
            problems.append(badge("no owner", "high"))
        if verdict.shared_writes:
            problems.append(badge("shared writes", "critical"))
        if verdict.foreign_reads:
            problems.append(badge("foreign reads", "high"))
        rows.append([
            context.element_link(page, db.id), md_cell(db.technology),
            context.element_link(page, db.data_owner_id) if db.data_owner_id else "—",
            ", ".join(context.element_link(page, w) for w in verdict.writes) or "—",
            ", ".join(context.element_link(page, r) for r in verdict.reads) or "—",
            " ".join(problems) or badge("healthy"),
        ])
    if not rows:
        return "_No datastores in the model (`system.database(...)`)._\n"
    return table(["Datastore", "Technology", "Owner", "Also written by", "Also read by", "Status"], rows)


@block("flow-steps", "The numbered steps of a flow.", "flow id")
def flow_steps(context: SiteContext, page: str, arg: str) -> str:
    flow = next((f for f in context.workspace.flows if f.id == arg), None)
    if flow is None:
        raise UnknownBlock(f"the model has no flow {arg!r}")
    rows: list[list[str]] = []
    number = [0]

    def walk(items: list[FlowItem], where: str) -> None:
        for item in items:
            if isinstance(item, FlowMessage):
                number[0] += 1
                rows.append([str(number[0]), context.element_link(page, item.source_id),
                             context.element_link(page, item.destination_id),
                             md_cell(item.description) + (" (reply)" if item.kind == "reply" else ""),
                             md_cell(item.technology), md_cell(where)])
            elif isinstance(item, FlowNote):
                rows.append(["", ", ".join(context.element_link(page, o) for o in item.over_ids), "",
                             f"_Note:_ {md_cell(item.text)}", "", md_cell(where)])
            elif isinstance(item, FlowBlock):
                word = {"alt": "if", "opt": "optional", "loop": "loop", "par": "parallel"}[item.kind]
                for n, branch in enumerate(item.branches):
                    label = branch.label or ""
                    if item.kind == "alt" and n:
                        word_n = "else"
                    elif item.kind == "par" and n:
                        word_n = "and"
                    else:
                        word_n = word
                    inner = f"{word_n} {label}".strip()
                    walk(branch.items, f"{where} › {inner}" if where else inner)

    walk(flow.items, "")
    if not rows:
        return "_This flow has no steps._\n"
    return table(["#", "From", "To", "Message", "Technology", "When"], rows, align=["r", "l", "l", "l", "l", "l"])


@block("inventory", "Resource inventory of an environment: node, technology, instances, properties.", "environment id")
def inventory(context: SiteContext, page: str, arg: str) -> str:
    ws = context.workspace
    if not any(e.id == arg for e in ws.environments):
        raise UnknownBlock(f"the model has no environment {arg!r}")
    rows = []
    for node in ws.nodes_of(arg):
        depth = node.id.count(".") - arg.count(".") - 1
        runs = ", ".join(
            context.element_link(page, i.container_id) + (f" × {md_cell(str(i.instances))}" if i.instances not in (None, 1) else "")
            for i in ws.instances if i.node_id == node.id)
        # Grouped properties (``network.cidr``) have tables of their own on the environment's page.
        props = "<br>".join(f"{md_cell(k)}: {md_cell(str(v))}" for k, v in node.properties.items()
                            if "." not in k)
        rows.append(["&nbsp;&nbsp;" * depth + md_cell(node.name),
                     "infrastructure" if node.kind == "infrastructure" else "node",
                     md_cell(node.technology), md_cell(str(node.instances or 1)), runs, props])
    if not rows:
        return "_This environment has no nodes._\n"
    return table(["Node", "Kind", "Technology", "Instances", "Runs", "Properties"], rows)


@block("validation", "The findings of `archdoc validate` at build time.")
def validation(context: SiteContext, page: str, _: str) -> str:
    if not context.diagnostics:
        return "No findings: the model and the decision log are consistent.\n"
    from archdoc.source import relative_to_cwd

    rows = [[badge(d.severity, "critical" if d.severity == "error" else "high"), f"`{d.rule}`",
             md_cell(d.message),
             md_cell(f"{relative_to_cwd(d.location.file)}:{d.location.line}") if d.location else ""]
            for d in context.diagnostics]
    return table(["Severity", "Rule", "Message", "Where"], rows)


@block("rules", "The catalog of validation rules with their default severity.")
def rules(context: SiteContext, page: str, _: str) -> str:
    from archdoc.validation.registry import all_rules

    parts = []
    for r in all_rules().values():
        parts.append(f"### `{r.id}`\n\n{badge(r.severity, 'critical' if r.severity == 'error' else 'high')} "
                     f"· {r.scope}\n\n**{md_text(r.summary)}** {r.explanation}\n")
    return "\n".join(parts)


@block("blocks", "The catalog of embeddable blocks.")
def blocks_catalog(context: SiteContext, page: str, _: str) -> str:
    from archdoc.site.blocks import BLOCKS

    rows = [[f"`{spec.name}" + (f":<{spec.argument}>`" if spec.argument else "`"), md_cell(spec.summary)]
            for spec in BLOCKS.values()]
    return table(["Key", "What it shows"], rows)


def _relationship_table(context: SiteContext, page: str, arg: str, outgoing: bool) -> str:
    ws = context.workspace
    if arg not in ws.elements:
        raise UnknownBlock(f"the model has no element {arg!r}", hint=ws.suggest(arg))
    prefix = arg + "."
    rels = [r for r in ws.relationships
            if (r.source_id if outgoing else r.destination_id) in (arg,) or
            (r.source_id if outgoing else r.destination_id).startswith(prefix)]
    if not rels:
        return f"_{md_text(context.name(arg))} has no {'outgoing' if outgoing else 'incoming'} relationships._\n"
    other = "destination_id" if outgoing else "source_id"
    own = "source_id" if outgoing else "destination_id"
    inside = any(getattr(r, own) != arg for r in rels)
    rows = []
    for r in rels:
        row = [md_cell(r.operation), context.element_link(page, getattr(r, other)), md_cell(r.description),
               md_cell(r.technology), r.interaction, badge(r.criticality) if r.criticality else ""]
        if inside:  # the part of the element the relationship starts from (or ends at)
            row.insert(0, context.element_link(page, getattr(r, own)))
        rows.append(row)
    headers = ["Operation", "To" if outgoing else "From", "Description", "Technology",
               "Interaction", "Criticality"]
    if inside:
        headers.insert(0, "Part")
    return table(headers, rows)


@block("outgoing", "What an element calls: operation, target, description (e.g. a gateway's routes).", "element id")
def outgoing(context: SiteContext, page: str, arg: str) -> str:
    return _relationship_table(context, page, arg, True)


@block("incoming", "What calls an element: operation, caller, description.", "element id")
def incoming(context: SiteContext, page: str, arg: str) -> str:
    return _relationship_table(context, page, arg, False)


@block("properties", "Elements with the given properties, one column each (e.g. `properties:port,database`).",
       "property names, comma-separated")
def properties(context: SiteContext, page: str, arg: str) -> str:
    names = [n.strip() for n in arg.split(",") if n.strip()]
    elements = [e for e in context.workspace.elements.values() if any(n in e.properties for n in names)]
    if not elements:
        raise UnknownBlock(f"no element of the model has the properties {', '.join(names)!r}",
                           hint="properties are declared with properties={...} on an element")
    rows = [[context.element_link(page, e.id), e.kind_label, *[md_cell(str(e.properties.get(n, ""))) for n in names]]
            for e in elements]
    return table(["Element", "Kind", *[md_cell(n) for n in names]], rows)
