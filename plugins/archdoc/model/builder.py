"""The builder protocol: how the model's classes declare what a model file calls into their
workspace.

``svc.uses(db)`` checks its arguments, takes the user's line and hands the rest to
``svc.workspace.builder.relationship(...)``; ``shop.container(...)`` to ``builder.element(...)``,
and so on. The builder makes the records, gives them their ids (a taken id is recorded and
suffixed) and keeps the workspace's indexes. It is public inside the package and not part of
the model API a model file is written against (that is the builder methods of ``Workspace``
and the element classes, DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from archdoc.errors import ModelError
from archdoc.model.checked import attach, holder
from archdoc.model.deployment import ContainerInstance, DeploymentNode, Instances
from archdoc.model.elements import Element, ElementRef
from archdoc.model.ids import MAX_ID_BYTES, check_id, join_id, slugify
from archdoc.model.records import Event, EventLink, Relationship
from archdoc.model.values import (
    Access,
    Criticality,
    Interaction,
    PropertyValue,
    check_properties,
    check_tags,
    check_text,
)
from archdoc.model.views import check_group
from archdoc.source import SourceLocation, caller_location

if TYPE_CHECKING:
    from archdoc.model.workspace import Workspace

__all__ = ["ModelBuilder", "DuplicateId"]

E = TypeVar("E", bound=Element)


@dataclass(frozen=True)
class DuplicateId:
    """Two declarations that would have had the same id; the second got a ``~N`` suffix."""

    id: str
    first: SourceLocation | None
    second: SourceLocation | None
    renamed_to: str


class ModelBuilder:
    """Declares elements, relationships, events, nodes and deployments into one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.children: dict[str | None, list[str]] = {}
        """The ids of each element's children (None: the top-level elements), in order."""
        self.pair_counts: dict[tuple[str, str], int] = {}
        """How many relationships each (source, destination) pair has: the ``~N`` of the next."""
        self.suffixes: dict[str, int] = {}
        """For each duplicated id, the next ``~N`` to try."""

    def adopt(self, element: Element) -> None:
        """Take in an element made elsewhere (a workspace rebuilt from its export)."""
        attach(element, self.workspace)
        self.workspace.elements[element.id] = element
        self.children.setdefault(element.parent_id, []).append(element.id)

    def claim_id(self, wanted: str, source: SourceLocation | None) -> str:
        """Reserve ``wanted`` in the id namespace; a taken id is recorded and suffixed."""
        workspace = self.workspace
        elements, nodes, environments = workspace.elements, workspace.nodes, workspace.environments
        if wanted not in elements and wanted not in nodes and not (
            environments and any(e.id == wanted for e in environments)
        ):
            return wanted
        first = workspace.find(wanted).location
        n = self.suffixes.get(wanted, 2)
        while f"{wanted}~{n}" in elements or f"{wanted}~{n}" in nodes:
            n += 1
        self.suffixes[wanted] = n + 1
        renamed = f"{wanted}~{n}"
        workspace.duplicates.append(DuplicateId(wanted, first, source, renamed))
        return renamed

    def flow_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``... when a flow has it already."""
        taken = {f.id for f in self.workspace.flows}
        n, candidate = 2, wanted
        while candidate in taken:
            candidate, n = f"{wanted}-{n}", n + 1
        return candidate

    def element(
        self, cls: type[E], kind: str, name: str, source: SourceLocation | None, *,
        parent: Element | None, call: str,
        description: str = "", technology: str = "", external: bool = False,
        owner: str | Element | None = None, tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, group: str | None = None,
        id: str | None = None,
    ) -> E:
        """Declare an element; ``source`` is the user's call, taken by the public method."""
        if type(name) is not str:
            name = check_text(name, "name", call, optional=False)
        if not name.strip():
            raise ModelError(f"{call}(): the name is empty", location=source,
                             hint="give every element a name")
        parent_id = None if parent is None else parent.id
        if id is not None:
            own = check_id(check_text(id, "id", call, optional=False), call, explicit=True)
            element_id = own if parent_id is None or "." in own else join_id(parent_id, own)
        else:
            slug = slugify(name)
            element_id = slug if parent_id is None else f"{parent_id}.{slug}"  # join_id
        if len(element_id) > MAX_ID_BYTES // 4:  # shorter ids fit in any case
            check_id(element_id, call, explicit=False)
        team, data_owner = "", None
        if isinstance(owner, str):
            team = owner if type(owner) is str else str.__str__(owner)
        elif owner is not None:
            data_owner = self.reference_id(owner, "owner", call)
        # Each argument is checked in the order of its message: exact strings pass on the spot,
        # anything else goes through its check in values.py. The record is then made without
        # validating again (Record.from_checked).
        if type(description) is not str or type(technology) is not str:
            description = check_text(description, "description", call)
            technology = check_text(technology, "technology", call)
        workspace = self.workspace
        elements = workspace.elements
        if element_id in elements or element_id in workspace.nodes or workspace.environments:
            element_id = self.claim_id(element_id, source)  # taken: recorded and suffixed
        element: E = cls.from_checked(
            _workspace=workspace,
            location=source,
            id=element_id,
            name=name,
            kind=kind,
            description=description,
            technology=technology,
            parent_id=parent_id,
            external=bool(external) or (parent is not None and parent.external),
            owner=team,
            data_owner_id=data_owner,
            tags=[] if tags is None else check_tags(tags, call),
            properties={} if properties is None else check_properties(properties, call),
            group="" if group is None else check_group(group, call),
        )
        elements[element_id] = element
        siblings = self.children.get(parent_id)
        if siblings is None:
            self.children[parent_id] = [element_id]
        else:
            siblings.append(element_id)
        return element

    def reference_id(self, ref: object, argument: str, call: str) -> str:
        """The id of an element given as an object or an id; bad arguments fail at the call."""
        if isinstance(ref, str):
            if not ref:
                raise ModelError(f"{call}(): {argument} is an empty id", location=caller_location(),
                                 hint="pass the element object, or its id such as 'shop.order-api'")
            return ref if type(ref) is str else str.__str__(ref)
        if isinstance(ref, (Element, DeploymentNode)):
            workspace = holder(ref)
            if workspace is not self.workspace:
                other = workspace.name if workspace is not None else "none"
                raise ModelError(
                    f"{call}(): {argument} {ref.id!r} belongs to another workspace ({other!r}), "
                    f"not {self.workspace.name!r}",
                    location=caller_location(),
                    hint="declare every element of one architecture in a single Workspace",
                )
            return ref.id
        raise ModelError(
            f"{call}(): {argument} must be an element or an element id, "
            f"not {type(ref).__name__} ({ref!r})",
            location=caller_location(),
            hint="pass the object returned by person(), system(), container()..., or its id",
        )

    def relationship(
        self, source: Element | DeploymentNode, destination: ElementRef,
        location: SourceLocation | None, *, call: str, description: str, technology: str,
        operation: str, interaction: Interaction, criticality: Criticality | None,
        access: Access | None, tags: list[str], properties: dict[str, PropertyValue],
    ) -> Relationship:
        """``source`` uses ``destination``; ``location`` is the user's call, the other fields
        are checked by the caller."""
        destination_id = self.reference_id(destination, "destination", call)
        source_id = source.id
        pair = (source_id, destination_id)
        count = self.pair_counts.get(pair, 0) + 1
        self.pair_counts[pair] = count
        rel_id = f"{source_id}->{destination_id}" if count == 1 else \
            f"{source_id}->{destination_id}~{count}"
        relationship: Relationship = Relationship.from_checked(
            location=location, id=rel_id, source_id=source_id, destination_id=destination_id,
            description=description, technology=technology, operation=operation,
            interaction=interaction, criticality=criticality, access=access, tags=tags,
            properties=properties,
        )
        self.workspace.relationships.append(relationship)
        return relationship

    def event_link(
        self, element: Element, event: str, reason: str, via: ElementRef | None,
        role: Literal["producer", "consumer"], location: SourceLocation | None,
    ) -> EventLink:
        """``element`` publishes or consumes ``event``; through ``via``, a relationship too."""
        call = f"{element.id}.{'publishes' if role == 'producer' else 'subscribes'}"
        name = check_text(event, "event", call, optional=False)
        if not name.strip():
            raise ModelError(f"{call}(): the event name is empty", location=caller_location(),
                             hint='name events like "order.created"')
        via_id = None if via is None else self.reference_id(via, "via", call)
        link: EventLink = EventLink.from_checked(
            location=location, element_id=element.id, reason=check_text(reason, "reason", call),
            via_id=via_id,
        )
        record = self.workspace.events.get(name)
        if record is None:
            record = self.workspace.events[name] = Event(name=name, producers=[], consumers=[])
        (record.producers if role == "producer" else record.consumers).append(link)
        if via_id is not None:
            verb = "Publishes" if role == "producer" else "Consumes"
            self.relationship(
                element, via_id, location, call=call, description=f"{verb} {name}", technology="",
                operation=name, interaction="async", criticality=None,
                access="write" if role == "producer" else "read", tags=[], properties={},
            )
        return link

    def node(self, node: DeploymentNode, *, scope: str, explicit_id: bool) -> DeploymentNode:
        """Take in a deployment node of ``scope`` (an environment or node id)."""
        if not explicit_id:
            node.id = join_id(scope, slugify(node.name))
        node.id = self.claim_id(node.id, node.location)
        attach(node, self.workspace)
        self.workspace.nodes[node.id] = node
        return node

    def instance(
        self, node: DeploymentNode, container: ElementRef, instances: Instances,
    ) -> ContainerInstance:
        """``container`` runs on ``node``."""
        container_id = self.reference_id(container, "container", f"{node.id}.deploy")
        instance = ContainerInstance(
            id=f"{node.id}/{container_id}", container_id=container_id, node_id=node.id,
            environment_id=node.environment_id, instances=instances, location=caller_location(),
        )
        self.workspace.instances.append(instance)
        return instance
