"""``--format graphml``: one GraphML graph per view, for graph tools (yEd, Gephi, Cytoscape,
networkx, igraph) — written by networkx's GraphML writer.

A static view's boxes are nodes and its arrows edges, each with what the diagram shows (name,
kind, technology, description, tags, the boundary it sits in; an arrow's label, technology,
interaction, criticality, whether it is implied). A deployment view's nodes are its deployment
nodes (``parent``: the node they are in) and the containers deployed on them; a flow's nodes
are its participants and its edges its steps and replies, numbered in order.
"""

from __future__ import annotations

import io
import re

import networkx as nx

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.model.flows import FlowMessage, walk
from archdoc.views import AnyView, ComputedView, DeploymentView, SequenceView
from archdoc.views.computed import DeploymentBox

__all__ = ["FORMAT", "graph_of"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry, even escaped (control characters, lone surrogates)."""


class _Graph:
    """A graph being written: nodes ``n1``, ``n2``... in drawing order (GraphML ids are XML
    name tokens, which archdoc's ids need not be: each node's ``id`` is archdoc's), edges
    ``e1``, ``e2``..."""

    def __init__(self, view: AnyView) -> None:
        self.graph = nx.MultiDiGraph(key=view.key, title=view.title,
                                     description=view.description, view_kind=view.kind)
        self.ids: dict[str, str] = {}

    def node(self, id: str, **data: object) -> None:
        self.ids[id] = f"n{len(self.ids) + 1}"
        self.graph.add_node(self.ids[id], id=id, **data)

    def edge(self, source: str, destination: str, **data: object) -> None:
        key = f"e{self.graph.number_of_edges() + 1}"
        self.graph.add_edge(self.ids[source], self.ids[destination], key=key, **data)


def graph_of(view: AnyView) -> nx.MultiDiGraph:
    """The view as a networkx graph: what the GraphML file holds."""
    graph = _Graph(view)
    if isinstance(view, ComputedView):
        _static(graph, view)
    elif isinstance(view, DeploymentView):
        _deployment(graph, view)
    else:
        _flow(graph, view)
    return graph.graph


def _static(graph: _Graph, view: ComputedView) -> None:
    graph.graph.graph["direction"] = view.direction
    boundaries = {b.id: b for b in view.boundaries}

    def path(boundary: str | None) -> str:
        labels: list[str] = []
        while boundary is not None:
            labels.insert(0, boundaries[boundary].label)
            boundary = boundaries[boundary].parent
        return "/".join(labels)

    for node in view.nodes:
        graph.node(node.id, label=node.name, kind=node.kind, technology=node.technology,
                       description=node.description, external=node.external,
                       tags=",".join(node.tags), boundary=path(node.boundary))
    for edge in view.edges:
        graph.edge(edge.source_id, edge.destination_id, label=edge.label,
                       technology=edge.technology, interaction=edge.interaction,
                       criticality=edge.criticality or "", implied=edge.implied,
                       tags=",".join(edge.tags))


def _deployment(graph: _Graph, view: DeploymentView) -> None:
    def visit(box: DeploymentBox, parent: str) -> None:
        graph.node(box.id, label=box.name, kind=box.kind, technology=box.technology,
                       description=box.description, instances=box.instances, parent=parent)
        for container in box.containers:
            graph.node(container.id, label=container.name, kind=container.kind,
                           technology=container.technology, description=container.description,
                           instances=container.instances, parent=box.id,
                           element=container.container_id)
        for child in box.children:
            visit(child, box.id)

    for root in view.roots:
        visit(root, "")
    for edge in view.edges:
        graph.edge(edge.source_id, edge.destination_id, label=edge.label,
                       technology=edge.technology, interaction=edge.interaction,
                       between=edge.between)


def _flow(graph: _Graph, view: SequenceView) -> None:
    for p in view.participants:
        graph.node(p.id, label=p.name, kind=p.kind, technology=p.technology,
                       external=p.external)
    messages = [m for m in walk(view.items) if isinstance(m, FlowMessage)]
    for order, message in enumerate(messages, 1):
        graph.edge(message.source_id, message.destination_id, order=order,
                       label=message.description, technology=message.technology,
                       message=message.kind)


def _view(view: AnyView, source: ExportInput) -> Rendered:
    out = io.BytesIO()
    nx.write_graphml(graph_of(view), out, encoding="utf-8", prettyprint=True)
    # A reader turns a carriage return into a line feed unless it is a character reference.
    text = _lower_booleans(out.getvalue().decode("utf-8")).replace("\r", "&#13;")
    dropped = []
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("\ufffd", text)
        dropped.append("control characters, which XML cannot carry (written as U+FFFD)")
    return Rendered(text, dropped)


def _lower_booleans(text: str) -> str:
    """``true``/``false``, the XML Schema booleans GraphML readers expect (networkx writes
    Python's ``True``; its reader takes either)."""
    keys = re.findall(r'<key id="([^"]+)" for="[a-z]+" attr.name="[^"]*" attr.type="boolean"', text)
    if not keys:
        return text
    data = re.compile(r'(<data key="(?:' + "|".join(map(re.escape, keys)) + r')">)(True|False)<')
    return data.sub(lambda m: f"{m.group(1)}{m.group(2).lower()}<", text)


FORMAT = ExportFormat(
    name="graphml", summary="One GraphML graph per view, for yEd, Gephi, Cytoscape or networkx.",
    extension=".graphml", view=_view)
