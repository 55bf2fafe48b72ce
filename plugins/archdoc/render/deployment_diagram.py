"""Deployment views drawn with the ``diagrams`` package (provider icons, Graphviz layout).

The view is first written as a ``diagrams`` Python script — the same script
``archdoc export --format diagrams`` gives users to tweak — then run to produce an SVG in which
every icon is embedded once as a data URI, so the file stands alone (moved, offline).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.model.deployment import DeploymentNode
from archdoc.model.workspace import Workspace
from archdoc.views.c4 import drawn_relationships
from archdoc.render.icons import GENERIC_ICON, icon_class_path, infer_icon, resolve_icon

__all__ = ["DeploymentScript", "deployment_script", "render_svg", "graphviz_available"]


@dataclass
class DeploymentScript:
    """The Python source of a ``diagrams`` drawing, and the icons it could not find."""

    source: str
    unknown_icons: list[DeploymentNode] = field(default_factory=list)


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def _icon_for(node: DeploymentNode, unknown: list[DeploymentNode]) -> str:
    if node.icon:
        if resolve_icon(node.icon):
            return node.icon
        unknown.append(node)
        return GENERIC_ICON
    inferred = infer_icon(node.technology, node.name)
    return inferred if inferred and resolve_icon(inferred) else GENERIC_ICON


def _label(*parts: str) -> str:
    """Lines of a Graphviz label, each wrapped so that neighbours do not overlap."""
    import textwrap

    return "\n".join(line for p in parts if p for line in textwrap.wrap(p, 26) or [p])


def _deployed_ancestor(workspace: Workspace, id: str, deployed: dict[str, list[int]]) -> str | None:
    """The element itself, or the ancestor of it, that is deployed (a component runs in its container)."""
    return workspace.nearest(id, deployed)


def deployment_script(workspace: Workspace, environment_id: str, *, filename: str = "deployment") -> DeploymentScript:
    """A deterministic ``diagrams`` script drawing one environment."""
    env = next(e for e in workspace.environments if e.id == environment_id)
    nodes = workspace.nodes_of(environment_id)
    children: dict[str | None, list[DeploymentNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    instances = [i for i in workspace.instances if i.environment_id == environment_id]
    hosted: dict[str, list[int]] = {}
    for index, instance in enumerate(instances):
        hosted.setdefault(instance.node_id, []).append(index)
    unknown: list[DeploymentNode] = []
    imports: dict[str, set[str]] = {}
    body: list[str] = []
    node_var: dict[str, str] = {}
    instance_var: dict[int, str] = {}

    def use(icon: str) -> str:
        path = icon_class_path(icon)
        assert path is not None
        imports.setdefault(path[0], set()).add(path[1])
        return path[1]

    def emit(node: DeploymentNode, indent: str, number: list[int]) -> None:
        icon = _icon_for(node, unknown)
        kids, here = children.get(node.id, []), hosted.get(node.id, [])
        count = "" if node.instances in (None, 1, "1") else f"× {node.instances}"
        title = _label(node.name, f"[{node.technology}]" if node.technology else "", count)
        if not kids and not here:
            var = f"node_{number[0]}"
            number[0] += 1
            node_var[node.id] = var
            body.append(f"{indent}{var} = {use(icon)}({title!r}, nodeid={var!r})")
            return
        cluster = f"cluster_{len(node_var)}"
        node_var[node.id] = cluster
        body.append(f"{indent}with Cluster({node.id!r}, graph_attr={{'label': {title!r}}}):")
        if icon != GENERIC_ICON and not here:
            # A cluster has no icon of its own: a small one, without a label, stands inside it.
            var = f"node_{number[0]}"
            number[0] += 1
            body.append(f"{indent}    {var} = {use(icon)}('', nodeid={var!r}, width='0.5', height='0.5', "
                        "fixedsize='true', imagescale='true')")
        for kid in kids:
            emit(kid, indent + "    ", number)
        for index in here:
            instance = instances[index]
            element = workspace.elements.get(instance.container_id)
            name = element.name if element else instance.container_id
            tech = element.technology if element else ""
            copies = "" if instance.instances in (None, 1, "1") else f"× {instance.instances}"
            var = f"container_{index}"
            instance_var[index] = var
            box = _label(name, f"[Container: {tech}]" if tech else "[Container]", copies)
            body.append(f"{indent}    {var} = {use(icon)}({box!r}, nodeid={var!r})")
        if not here and not kids:
            body.append(f"{indent}    pass")

    number = [0]
    for root in children.get(None, []):
        emit(root, "    ", number)
    by_container: dict[str, list[int]] = {}
    for index, instance in enumerate(instances):
        by_container.setdefault(instance.container_id, []).append(index)
    edges: list[str] = []
    seen: set[tuple[str, str]] = set()
    for r in drawn_relationships(workspace):
        source = _deployed_ancestor(workspace, r.source_id, by_container)
        destination = _deployed_ancestor(workspace, r.destination_id, by_container)
        pairs = [(instance_var[a], instance_var[b]) for a in by_container.get(source or "", [])
                 for b in by_container.get(destination or "", []) if source != destination]
        if r.source_id in node_var and r.destination_id in node_var \
                and not node_var[r.source_id].startswith("cluster") \
                and not node_var[r.destination_id].startswith("cluster"):
            pairs.append((node_var[r.source_id], node_var[r.destination_id]))
        for a, b in pairs:
            if (a, b) in seen:
                continue
            seen.add((a, b))
            style = ', style="dashed"' if r.interaction == "async" else ""
            label = r.technology or r.description
            edges.append(f"    {a} >> Edge(label={label!r}{style}) >> {b}")
    lines = [
        f'"""Deployment view of {env.name}: generated by archdoc, edit freely."""',
        "",
        "from diagrams import Cluster, Diagram, Edge",
    ]
    for module in sorted(imports):
        lines.append(f"from {module} import {', '.join(sorted(imports[module]))}")
    lines += [
        "",
        "GRAPH = {'fontname': 'sans-serif', 'fontsize': '14', 'pad': '0.3', 'splines': 'spline',",
        "         'nodesep': '0.35', 'ranksep': '0.6'}",
        "NODE = {'fontname': 'sans-serif', 'fontsize': '12'}",
        "",
        f"with Diagram({env.name!r}, filename={filename!r}, outformat='svg', show=False,",
        "             direction='TB', graph_attr=GRAPH, node_attr=NODE):",
        *body,
        *edges,
    ]
    if not body:
        lines.append("    pass")
    return DeploymentScript("\n".join(lines) + "\n", unknown)


_IMAGE = re.compile(r'<image\b([^>]*?)xlink:href="([^"]+)"([^>]*)/>')
_NUM = re.compile(r'\b(width|height|x|y)="(-?[0-9.]+)(?:px)?"')


def render_svg(script: DeploymentScript) -> str:
    """Run the script in a temporary directory and return a standalone SVG."""
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            code = compile(script.source, "<archdoc deployment view>", "exec")
            exec(code, {"__name__": "__archdoc_deployment__"})  # noqa: S102 - our own generated script
            svg_file = next(Path(tmp).glob("*.svg"))
            svg = svg_file.read_text(encoding="utf-8")
        finally:
            os.chdir(cwd)
    return _embed_icons(svg)


def _embed_icons(svg: str) -> str:
    """Each referenced PNG once, as a ``<symbol>`` holding a data URI; the images become ``<use>``."""
    symbols: dict[str, str] = {}
    defs: list[str] = []

    def replace(match: re.Match[str]) -> str:
        attrs = dict(_NUM.findall(match[1] + match[3]))
        href = match[2]
        if href not in symbols:
            data = base64.b64encode(Path(href).read_bytes()).decode("ascii")
            symbol = f"icon{len(symbols)}"
            symbols[href] = symbol
            w, h = attrs.get("width", "100"), attrs.get("height", "100")
            defs.append(f'<symbol id="{symbol}" viewBox="0 0 {w} {h}"><image width="{w}" height="{h}" '
                        f'xlink:href="data:image/png;base64,{data}"/></symbol>')
        return (f'<use xlink:href="#{symbols[href]}" x="{attrs.get("x", "0")}" y="{attrs.get("y", "0")}" '
                f'width="{attrs.get("width", "100")}" height="{attrs.get("height", "100")}"/>')

    body = _IMAGE.sub(replace, svg)
    # Drop the comment naming the generator version and the temporary file: keep output stable.
    body = re.sub(r"<!-- Title: .*? -->\n?", "", body)
    body = re.sub(r"<!-- Generated by .*? -->\n?", "", body)
    if defs:
        body = re.sub(r"(<svg\b[^>]*>)", lambda m: m[1] + "\n<defs>\n" + "\n".join(defs) + "\n</defs>", body, count=1)
    return body
