"""Deployment views: an environment's nodes, the containers they run, and the arrows between.

A relationship between containers is drawn between their instances (a component's one between
the instances of its container); a relationship between deployment nodes is drawn between the
nodes, whether they are leaves or hold other nodes and containers.
"""

from __future__ import annotations

from archdoc.analysis.graph import combined_interaction
from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.records import Relationship
from archdoc.model.workspace import Workspace
from archdoc.views.computed import (
    DeployedContainer,
    DeploymentBox,
    DeploymentEdge,
    DeploymentView,
)
from archdoc.views.relationships import RelationshipIndex
from archdoc.views.styles import UNKNOWN_STYLE, StyleSheet, node_style

__all__ = ["compute_deployment", "instances_text"]


def instances_text(value: int | str | None) -> str:
    """``""`` for one copy, else the count or range as written."""
    return "" if value in (None, 1, "1") else str(value)


def compute_deployment(
    workspace: Workspace, environment: Environment, index: RelationshipIndex, sheet: StyleSheet,
) -> DeploymentView:
    nodes = workspace.nodes_of(environment.id)
    instances = [i for i in workspace.instances if i.environment_id == environment.id]
    boxes: dict[str, DeploymentBox] = {}
    roots: list[DeploymentBox] = []
    for node in nodes:
        box = _box(node)
        boxes[node.id] = box
        parent = boxes.get(node.parent_id) if node.parent_id else None
        (parent.children if parent is not None else roots).append(box)
    deployed: dict[str, list[DeployedContainer]] = {}
    for instance in instances:
        container = _deployed(workspace, instance, sheet)
        if instance.node_id in boxes:
            boxes[instance.node_id].containers.append(container)
        deployed.setdefault(instance.container_id, []).append(container)
    edges = _container_edges(workspace, index, deployed)
    edges += _node_edges(workspace, boxes)
    return DeploymentView(
        key=f"deployment:{environment.id}", title=environment.name,
        description=environment.description, environment_id=environment.id, roots=roots,
        edges=edges, location=environment.location)


def _box(node: DeploymentNode) -> DeploymentBox:
    return DeploymentBox(
        id=node.id, name=node.name, kind=node.kind, technology=node.technology,
        description=node.description, instances=instances_text(node.instances), icon=node.icon,
        tags=list(node.tags), properties={k: str(v) for k, v in node.properties.items()})


def _deployed(
    workspace: Workspace, instance: ContainerInstance, sheet: StyleSheet
) -> DeployedContainer:
    element = workspace.elements.get(instance.container_id)
    if element is None:
        return DeployedContainer(
            id=instance.id, container_id=instance.container_id, name=instance.container_id,
            kind="container", technology="", description="",
            instances=instances_text(instance.instances), style=UNKNOWN_STYLE, known=False)
    return DeployedContainer(
        id=instance.id, container_id=element.id, name=element.name, kind=element.kind,
        technology=element.technology, description=element.description,
        instances=instances_text(instance.instances),
        style=node_style(element.kind, element.external, element.tags, sheet))


def _container_edges(
    workspace: Workspace, index: RelationshipIndex, deployed: dict[str, list[DeployedContainer]],
) -> list[DeploymentEdge]:
    pairs: dict[tuple[str, str], list[Relationship]] = {}
    for (source, destination), rels in index.lifted(index.relationships, deployed.keys()).items():
        for a in deployed[source]:
            for b in deployed[destination]:
                pairs.setdefault((a.id, b.id), []).extend(rels)
    return [_edge(a, b, rels, "containers") for (a, b), rels in pairs.items()]


def _node_edges(workspace: Workspace, boxes: dict[str, DeploymentBox]) -> list[DeploymentEdge]:
    pairs: dict[tuple[str, str], list[Relationship]] = {}
    for r in workspace.relationships:
        if r.source_id in boxes and r.destination_id in boxes and r.source_id != r.destination_id:
            pairs.setdefault((r.source_id, r.destination_id), []).append(r)
    return [_edge(a, b, rels, "nodes") for (a, b), rels in pairs.items()]


def _edge(a: str, b: str, rels: list[Relationship], between: str) -> DeploymentEdge:
    first = rels[0]
    return DeploymentEdge(
        source_id=a, destination_id=b,
        label=first.technology or first.description if between == "containers"
        else first.description or first.technology,
        technology=", ".join(dict.fromkeys(r.technology for r in rels if r.technology)),
        interaction=combined_interaction(rels), between=between,  # type: ignore[arg-type]
        relationships=rels)
