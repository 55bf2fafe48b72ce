"""Diagram blocks: C4 views, sequence diagrams, deployment views."""

from __future__ import annotations

from archdoc.model.deployment import DeploymentNode
from archdoc.render.mermaid import C4_CLASSES, flowchart, sequence_diagram
from archdoc.render.tables import diagram_block
from archdoc.render.deployment_diagram import deployment_script, graphviz_available, render_svg
from archdoc.render.text import html_text, md_text, mermaid_text
from archdoc.site.blocks import UnknownBlock, block
from archdoc.site.context import SiteContext
from archdoc.views.c4 import drawn_relationships


def _view(context: SiteContext, page: str, key: str) -> str:
    view = context.views.get(key)
    if view is None:
        raise UnknownBlock(f"the model has no view {key!r}")
    layout = context.layout
    limit = int(context.options.get("max_view_elements", MAX_VIEW_ELEMENTS))
    if len(view.element_ids) > limit or len(view.edges) > MAX_VIEW_EDGES:
        return (f"\n_{md_text(view.title)}: {len(view.element_ids)} elements and {len(view.edges)} "
                f"relationships are more than one diagram can show legibly (the limit is {limit} "
                "elements, `diagrams: {max_view_elements: N}` changes it); the tables and the "
                "dependency matrix list them._\n\n")

    def link_for(id: str) -> str | None:
        target = layout.element(id)
        return None if target == page else layout.href(page, target)

    direction = str(context.options.get("direction", "TB"))
    return diagram_block(key, flowchart(view, context.workspace, link_for, direction=direction))


MAX_VIEW_ELEMENTS = 150
"""Views with more elements are listed, not drawn."""
MAX_VIEW_EDGES = 450
"""Mermaid refuses to draw more than 500 edges."""


@block("landscape", "System landscape: every person and software system.")
def landscape(context: SiteContext, page: str, _: str) -> str:
    return _view(context, page, "landscape")


@block("context", "System context view of a software system.", "system id")
def context_block(context: SiteContext, page: str, arg: str) -> str:
    return _view(context, page, f"context:{arg}")


@block("containers", "Container view of a software system.", "system id")
def containers_block(context: SiteContext, page: str, arg: str) -> str:
    return _view(context, page, f"containers:{arg}")


@block("components", "Component view of a container.", "container id")
def components_block(context: SiteContext, page: str, arg: str) -> str:
    return _view(context, page, f"components:{arg}")


@block("flow", "Sequence diagram of a flow.", "flow id")
def flow_block(context: SiteContext, page: str, arg: str) -> str:
    flow = next((f for f in context.workspace.flows if f.id == arg), None)
    if flow is None:
        raise UnknownBlock(f"the model has no flow {arg!r}")
    return diagram_block(f"flow:{arg}", sequence_diagram(flow, context.workspace))


@block("deployment", "Deployment view of an environment.", "environment id")
def deployment_block(context: SiteContext, page: str, arg: str) -> str:
    ws = context.workspace
    env = next((e for e in ws.environments if e.id == arg), None)
    if env is None:
        raise UnknownBlock(f"the model has no environment {arg!r}")
    if context.options.get("deployment", "diagrams") == "diagrams":
        if graphviz_available():
            return _deployment_image(context, page, env.id, env.name)
        context.notice(
            "Graphviz `dot` is not installed: deployment views are drawn with Mermaid instead of "
            "provider icons; install the `graphviz` package of your system to get them")
    return diagram_block(f"deployment:{arg}", deployment_mermaid(context, page, env.id))


def _deployment_image(context: SiteContext, page: str, environment_id: str, name: str) -> str:
    """The ``diagrams`` drawing as a standalone SVG file next to the environment's page."""
    asset = context.layout.environment(environment_id)[: -len(".md")] + ".svg"
    if asset not in context.assets:
        context.assets[asset] = render_svg(
            deployment_script(context.workspace, environment_id, filename=environment_id))
    src = html_text(context.layout.asset_href(page, asset))
    return (f'\n<div class="archdoc-diagram archdoc-diagram--image" data-archdoc-view="deployment:{html_text(environment_id)}" '
            f'data-archdoc-rendered="true">\n<a href="{src}" title="Open the full-size diagram">'
            f'<img src="{src}" alt="Deployment view of {html_text(name)}"></a>\n</div>\n\n'
            # raw HTML, not a Markdown link: MkDocs would check the SVG (written after the
            # build) among the documentation files, and fail --strict
            f'<small><a href="{src}">Open the full-size diagram</a> · '
            f"`archdoc export --format diagrams -e {environment_id}` gives the script that draws it.</small>\n\n")


def deployment_mermaid(context: SiteContext, page: str, environment_id: str) -> str:
    """A Mermaid flowchart of an environment: nodes as nested boxes, containers inside."""
    ws = context.workspace
    nodes = ws.nodes_of(environment_id)
    children: dict[str | None, list[DeploymentNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    instances = [i for i in ws.instances if i.environment_id == environment_id]
    on_node: dict[str, list[int]] = {}
    for index, instance in enumerate(instances):
        on_node.setdefault(instance.node_id, []).append(index)
    lines = ["flowchart TB"]
    ids = {n.id: f"d{i}" for i, n in enumerate(nodes)}

    def node_title(node: DeploymentNode) -> str:
        parts = [f"<b>{mermaid_text(node.name)}</b>"]
        kind = "Infrastructure" if node.kind == "infrastructure" else "Deployment Node"
        detail = f"{kind}: {node.technology}" if node.technology else kind
        parts.append(f"<small>[{mermaid_text(detail)}]</small>")
        if node.instances not in (None, 1, "1"):
            parts.append(f"× {mermaid_text(str(node.instances))}")
        return "<br/>".join(parts)

    def emit(node: DeploymentNode, indent: str) -> None:
        kids = children.get(node.id, [])
        hosted = on_node.get(node.id, [])
        if not kids and not hosted:
            lines.append(f'{indent}{ids[node.id]}["{node_title(node)}"]')
            lines.append(f"{indent}class {ids[node.id]} infra")
            return
        lines.append(f'{indent}subgraph {ids[node.id]}["{node_title(node)}"]')
        for kid in kids:
            emit(kid, indent + "    ")
        for index in hosted:
            instance = instances[index]
            element = ws.elements.get(instance.container_id)
            name = element.name if element else instance.container_id
            tech = element.technology if element else ""
            label = f"<b>{mermaid_text(name)}</b>"
            label += f"<br/><small>[Container{': ' + mermaid_text(tech) if tech else ''}]</small>"
            if instance.instances not in (None, 1, "1"):
                label += f"<br/>× {mermaid_text(str(instance.instances))}"
            shape = ('[("', '")]') if element is not None and element.kind == "database" else ('["', '"]')
            lines.append(f"{indent}    i{index}{shape[0]}{label}{shape[1]}")
            lines.append(f"{indent}    class i{index} {element.kind if element else 'container'}")
        lines.append(f"{indent}end")
        lines.append(f"{indent}style {ids[node.id]} fill:none,stroke:#666666")

    for root in children.get(None, []):
        emit(root, "    ")
    # Relationships between deployed containers, drawn between their instances.
    by_container: dict[str, list[int]] = {}
    for index, instance in enumerate(instances):
        by_container.setdefault(instance.container_id, []).append(index)
    seen: set[tuple[int, int]] = set()
    from archdoc.render.deployment_diagram import _deployed_ancestor

    for r in drawn_relationships(ws):
        source = _deployed_ancestor(ws, r.source_id, by_container)
        destination = _deployed_ancestor(ws, r.destination_id, by_container)
        if source is None or destination is None or source == destination:
            continue
        for a in by_container.get(source, []):
            for b in by_container.get(destination, []):
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                arrow = "-.->" if r.interaction == "async" else "-->"
                label = mermaid_text(r.technology or r.description)
                lines.append(f'    i{a} {arrow}{"|" + chr(34) + label + chr(34) + "|" if label else ""} i{b}')
    for r in ws.relationships:
        if r.source_id in ids and r.destination_id in ids:
            label = mermaid_text(r.description or r.technology)
            lines.append(f'    {ids[r.source_id]} -.->{"|" + chr(34) + label + chr(34) + "|" if label else ""} '
                         f'{ids[r.destination_id]}')
    lines.append(C4_CLASSES)
    lines.append("    classDef infra fill:#ffffff,stroke:#666666,color:#000000")
    for index, instance in enumerate(instances):
        if instance.container_id in ws.elements:
            url = context.layout.href(page, context.layout.element(instance.container_id))
            name = mermaid_text(ws.elements[instance.container_id].name)
            lines.append(f'    click i{index} href "{url}" "{name}"')
    return "\n".join(lines) + "\n"
