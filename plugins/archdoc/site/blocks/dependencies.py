"""Dependency blocks: the pairs and their summary, the matrix, critical paths, startup order."""

from __future__ import annotations

from archdoc.analysis.dependencies import dependency_status, service_dependencies, status_counts
from archdoc.analysis.structure import dependency_matrix, startup_layers, sync_cycles
from archdoc.render.matrix import matrix_svg
from archdoc.render.tables import badge, table
from archdoc.render.text import md_cell
from archdoc.site.blocks.base import Block, block
from archdoc.site.context import SiteContext


def summary_line(context: SiteContext) -> str:
    c = status_counts(context.graph)
    return (f"**{c['pairs']} dependency pairs:** {c['critical']} critical path · "
            f"{c['healthy']} healthy · {c['async']} async\n")


@block("dependency-summary", "One line: dependency pairs by status.")
def dependency_summary(context: SiteContext, page: str, _: str) -> str:
    return summary_line(context)


@block(
    "dependencies",
    "Dependency pairs: upstream, downstream, operation, interaction, criticality, status.",
)
def dependencies(context: SiteContext, page: str, _: str) -> str:
    rows = []
    for d in service_dependencies(context.graph):
        operation = ", ".join(md_cell(o) for o in d.operations) or md_cell(
            "; ".join(d.descriptions[:1])
        )
        if d.events:
            operation = (
                (operation + "; " if operation else "")
                + "events: "
                + ", ".join(md_cell(e) for e in d.events)
            )
        status = dependency_status(d)
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
    return summary_line(context) + "\n" + table(
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
            found.append(
                f"{loops} loop(s) through asynchronous dependencies (allowed), dashed in blue"
            )
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
        names = ", ".join(
            context.element_link(page, u) + (" ⟳" if u in cyclic else "") for u in layer
        )
        rows.append([str(n), names])
    if not rows:
        return "_No services in the model._\n"
    note = (
        "\n⟳ marks members of a synchronous cycle: they can only start together.\n"
        if cyclic
        else ""
    )
    return table(["Layer", "Starts after the layers above"], rows, align=["r", "l"]) + note


BLOCKS: tuple[Block, ...] = (dependency_summary, dependencies, matrix, critical_paths_block,
                             startup_order)
