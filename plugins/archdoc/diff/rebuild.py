"""A Workspace rebuilt from its JSON export, for analysing a side without importing its model.

``archdoc diff`` loads each side's model in a process of its own and gets back the export; the
impact of a change (blast radius, critical paths, cycles) is computed here, on workspaces
rebuilt from those exports, by the same analysis code that the site and the CLI use.
"""

from __future__ import annotations

from typing import Any

from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.elements import (
    Component,
    Container,
    Database,
    Element,
    Person,
    Queue,
    SoftwareSystem,
)
from archdoc.model.flows import Flow
from archdoc.model.records import Event, FailureMode, Relationship
from archdoc.model.workspace import Workspace, forget_created

__all__ = ["workspace_from_export"]

_CLASSES: dict[str, type[Element]] = {
    "person": Person, "system": SoftwareSystem, "container": Container, "database": Database,
    "queue": Queue, "component": Component,
}


def workspace_from_export(data: dict[str, Any]) -> Workspace:
    """The workspace that ``archdoc export --format json`` printed ``data`` from (source
    locations as exported: relative to the project root)."""
    workspace = Workspace(data.get("name") or "workspace", data.get("description", ""))
    forget_created(workspace)  # not a model being loaded
    for record in data.get("elements", []):
        workspace.builder.adopt(_CLASSES[record["kind"]].model_validate(record))
    workspace.relationships = [
        Relationship.model_validate(r) for r in data.get("relationships", [])
    ]
    workspace.events = {e["name"]: Event.model_validate(e) for e in data.get("events", [])}
    workspace.failure_modes = [FailureMode.model_validate(m) for m in data.get("failure_modes", [])]
    workspace.flows = [Flow.model_validate(f) for f in data.get("flows", [])]
    workspace.environments = [Environment.model_validate(e) for e in data.get("environments", [])]
    workspace.nodes = {
        n["id"]: DeploymentNode.model_validate(n) for n in data.get("deployment_nodes", [])
    }
    workspace.instances = [ContainerInstance.model_validate(i) for i in data.get("deployments", [])]
    return workspace
