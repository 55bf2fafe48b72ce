"""Deployment: environments, nested infrastructure nodes, and the containers they run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import PrivateAttr

from archdoc.errors import ModelError
from archdoc.model.ids import check_id
from archdoc.model.records import Record, Relationship
from archdoc.model.values import PropertyValue, check_properties, check_tags, check_text
from archdoc.source import caller_location

if TYPE_CHECKING:
    from archdoc.model.elements import ElementRef
    from archdoc.model.workspace import Workspace

__all__ = ["Environment", "DeploymentNode", "ContainerInstance", "Instances"]

Instances = int | str | None
"""How many copies run: a number, a range ``"2-10"``, or ``None`` (one)."""


def check_instances(value: object, call: str) -> Instances:
    """An int, a string (checked by the ``invalid-instances`` rule) or None; else a ModelError."""
    if value is None or (isinstance(value, (int, str)) and not isinstance(value, bool)):
        return value
    raise ModelError(
        f"{call}(): instances must be a number or a range such as \"2-10\", not {value!r}",
        location=caller_location(),
        hint='write instances=3 or instances="2-10"',
    )


class _NodeParent(Record):
    id: str
    name: str
    description: str = ""

    _workspace: Workspace | None = PrivateAttr(default=None)

    def _environment_id(self) -> str:
        raise NotImplementedError

    def _new_node(
        self, kind: Literal["node", "infrastructure"], name: str, description: str,
        technology: str, instances: Instances, icon: str, tags: list[str] | None,
        properties: dict[str, PropertyValue] | None, id: str | None,
    ) -> DeploymentNode:
        assert self._workspace is not None
        call = kind
        if id is not None:
            check_id(check_text(id, "id", call, optional=False), call, explicit=True)
        parent_id = None if isinstance(self, Environment) else self.id
        return self._workspace.builder.node(
            DeploymentNode(
                id=id or "",
                name=check_text(name, "name", call, optional=False),
                kind=kind,
                environment_id=self._environment_id(),
                parent_id=parent_id,
                description=check_text(description, "description", call),
                technology=check_text(technology, "technology", call),
                instances=check_instances(instances, call),
                icon=check_text(icon, "icon", call),
                tags=check_tags(tags, call),
                properties=check_properties(properties, call),
                location=caller_location(),
            ),
            scope=self.id,
            explicit_id=id is not None,
        )

    def node(
        self, name: str, description: str = "", *, technology: str = "",
        instances: Instances = None, icon: str = "", tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, id: str | None = None,
    ) -> DeploymentNode:
        """A deployment node: a region, a cluster, a server, a runtime. Nodes nest."""
        return self._new_node("node", name, description, technology, instances, icon, tags,
                              properties, id)

    def infrastructure(
        self, name: str, description: str = "", *, technology: str = "",
        instances: Instances = None, icon: str = "", tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, id: str | None = None,
    ) -> DeploymentNode:
        """A piece of infrastructure: a load balancer, a managed database, a DNS zone."""
        return self._new_node("infrastructure", name, description, technology, instances, icon,
                              tags, properties, id)


class Environment(_NodeParent):
    """A deployment environment: production, staging, a developer's machine."""

    def _environment_id(self) -> str:
        return self.id


class DeploymentNode(_NodeParent):
    """A node of an environment; ``kind`` tells a host or runtime from a piece of infrastructure."""

    kind: Literal["node", "infrastructure"] = "node"
    environment_id: str
    parent_id: str | None = None
    technology: str = ""
    instances: Instances = None
    icon: str = ""
    """A provider icon such as ``aws.compute.ECS``; inferred from the technology when empty."""
    tags: list[str] = []
    properties: dict[str, PropertyValue] = {}

    def _environment_id(self) -> str:
        return self.environment_id

    def deploy(self, container: ElementRef, *, instances: Instances = None) -> ContainerInstance:
        """Run ``container`` on this node (``instances`` copies of it)."""
        assert self._workspace is not None
        return self._workspace.builder.instance(
            self, container, check_instances(instances, f"{self.id}.deploy"))

    def uses(
        self, destination: ElementRef, description: str = "", *, technology: str = "",
    ) -> Relationship:
        """A connection between two deployment nodes (e.g. replication between databases)."""
        assert self._workspace is not None
        location = caller_location()
        call = f"{self.id}.uses"
        return self._workspace.builder.relationship(
            self, destination, location, call=call,
            description=check_text(description, "description", call),
            technology=check_text(technology, "technology", call), operation="",
            interaction="sync", criticality=None, access=None, tags=[], properties={},
        )


class ContainerInstance(Record):
    """A container deployed on a node."""

    id: str
    container_id: str
    node_id: str
    environment_id: str
    instances: Instances = None
