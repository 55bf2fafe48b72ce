"""What ``archdoc show`` and ``archdoc impact`` say about an id, as plain data.

Each function returns a JSON-ready mapping (``--format json`` prints it as is); the terminal
and the piped text forms are drawn from the same mapping, so they never disagree.
"""

from __future__ import annotations

from typing import Any

from archdoc.analysis.graph import DependencyGraph
from archdoc.analysis.impact import impact_of
from archdoc.errors import ReferenceNotFound
from archdoc.model.deployment import DeploymentNode, Environment
from archdoc.model.elements import Element
from archdoc.model.workspace import Workspace
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["describe", "impact_summary", "not_an_element"]


def _where(location: SourceLocation | None) -> str | None:
    return f"{relative_to_cwd(location.file)}:{location.line}" if location else None


def describe(workspace: Workspace, id: str) -> dict[str, Any]:
    """An element, a deployment node or an environment: its facts and what it is connected to."""
    element = workspace.elements.get(id)
    if element is not None:
        return _element(workspace, element)
    node = workspace.nodes.get(id)
    if node is not None:
        return _node(workspace, node)
    environment = next((e for e in workspace.environments if e.id == id), None)
    if environment is not None:
        return _environment(workspace, environment)
    raise ReferenceNotFound(f"no element, deployment node or environment with id {id!r}",
                            hint=workspace.suggest(id))


def _relationships(
    workspace: Workspace, id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    out, into = workspace.relationships_of(id)

    def row(r: Any, other: str) -> dict[str, Any]:
        return {"element": other, "description": r.description, "technology": r.technology,
                "operation": r.operation, "interaction": r.interaction,
                "criticality": r.criticality or ""}

    return ([row(r, r.destination_id) for r in out], [row(r, r.source_id) for r in into])


def _element(workspace: Workspace, element: Element) -> dict[str, Any]:
    uses, used_by = _relationships(workspace, element.id)
    return {
        "id": element.id,
        "name": element.name,
        "kind": element.kind,
        "kind_label": element.kind_label,
        "description": element.description,
        "technology": element.technology,
        "parent": element.parent_id,
        "owner": element.owner,
        "data_owner": element.data_owner_id,
        "external": element.external,
        "tags": list(element.tags),
        "properties": dict(element.properties),
        "declared_at": _where(element.location),
        "contains": [
            {
                "id": c.id,
                "kind": c.kind_label,
                "technology": c.technology,
                "description": c.description,
            }
            for c in workspace.children_of(element.id)
        ],
        "uses": uses,
        "used_by": used_by,
        "events": [
            {"event": name, "role": role, "reason": link.reason}
            for name, event in workspace.events.items()
            for role, links in (("publishes", event.producers), ("subscribes", event.consumers))
            for link in links
            if link.element_id == element.id
        ],
        "failure_modes": [
            {"impact": m.impact, "mitigation": m.mitigation, "fallback": m.fallback}
            for m in workspace.failure_modes
            if m.element_id == element.id
        ],
        "deployed_on": [
            {"environment": i.environment_id, "node": i.node_id, "instances": i.instances}
            for i in workspace.instances
            if i.container_id == element.id
        ],
    }


def _runs(workspace: Workspace, node_ids: set[str]) -> list[dict[str, Any]]:
    return [{"container": i.container_id, "node": i.node_id, "instances": i.instances}
            for i in workspace.instances if i.node_id in node_ids]


def _subtree(workspace: Workspace, node_id: str) -> set[str]:
    found = {node_id}
    for other in workspace.nodes.values():  # declaration order: parents come first
        if other.parent_id in found:
            found.add(other.id)
    return found


def _node(workspace: Workspace, node: DeploymentNode) -> dict[str, Any]:
    uses, used_by = _relationships(workspace, node.id)
    return {
        "id": node.id, "name": node.name,
        "kind": "infrastructure" if node.kind == "infrastructure" else "deployment node",
        "kind_label": "Infrastructure Node" if node.kind == "infrastructure" else "Deployment Node",
        "description": node.description, "technology": node.technology,
        "environment": node.environment_id, "parent": node.parent_id, "instances": node.instances,
        "tags": list(node.tags), "properties": dict(node.properties),
        "declared_at": _where(node.location),
        "contains": [{"id": n.id, "kind": n.kind, "technology": n.technology,
                      "description": n.description}
                     for n in workspace.nodes.values() if n.parent_id == node.id],
        "runs": _runs(workspace, _subtree(workspace, node.id)),
        "uses": uses, "used_by": used_by,
    }


def _environment(workspace: Workspace, environment: Environment) -> dict[str, Any]:
    nodes = workspace.nodes_of(environment.id)
    return {
        "id": environment.id, "name": environment.name, "kind": "environment",
        "kind_label": "Environment", "description": environment.description,
        "declared_at": _where(environment.location),
        "contains": [{"id": n.id, "kind": n.kind, "technology": n.technology,
                      "description": n.description} for n in nodes if n.parent_id is None],
        "runs": _runs(workspace, {n.id for n in nodes}),
    }


def not_an_element(workspace: Workspace, id: str, command: str) -> ReferenceNotFound:
    """The error for an id that is not a model element: what it is instead, and what to do."""
    node = workspace.nodes.get(id)
    environment = next((e for e in workspace.environments if e.id == id), None)
    if node is None and environment is None:
        return ReferenceNotFound(
            f"no element with id {id!r}", hint=workspace.suggest(id, kinds="elements")
        )
    what = (f"a deployment node of the environment {node.environment_id!r}" if node is not None
            else "an environment")
    ids = _subtree(workspace, id) if node is not None else {n.id for n in workspace.nodes_of(id)}
    runs = list(dict.fromkeys(r["container"] for r in _runs(workspace, ids)))
    return ReferenceNotFound(
        f"{id!r} is {what}, not a model element: `archdoc {command}` follows the dependencies "
        "between model elements, and deployment nodes have none (a node's failure is the "
        "failure of what it runs)",
        hint=(f"analyse what it runs instead, e.g. `archdoc {command} {runs[0]}` (it runs "
              + ", ".join(runs[:6]) + (", ..." if len(runs) > 6 else "") + ")")
        if runs else f"`archdoc show {id}` describes it",
    )


def impact_summary(graph: DependencyGraph, id: str) -> dict[str, Any]:
    """What breaks, or degrades, if element ``id`` fails."""
    workspace = graph.workspace
    element = workspace.elements.get(id)
    if element is None:
        raise not_an_element(workspace, id, "impact")
    impacts = impact_of(graph, element.id)
    breaks = sum(i.effect == "breaks" for i in impacts)
    return {
        "id": element.id, "name": element.name, "breaks": breaks,
        "degrades": len(impacts) - breaks,
        "impacts": [{"element": i.element_id, "effect": i.effect, "distance": i.distance,
                     "chain": list(i.chain)} for i in impacts],
    }
