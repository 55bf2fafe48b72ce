"""The static structure of the C4 model: people, software systems, containers, components.

An element is a pydantic record (its fields are what the JSON export holds) with builder
methods that a model file calls: ``shop.container(...)``, ``web.uses(api, ...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import PrivateAttr

from archdoc.errors import ModelError
from archdoc.model.checked import holder
from archdoc.model.records import EventLink, FailureMode, Record, Relationship
from archdoc.model.values import (
    ACCESSES,
    CRITICALITY_ORDER,
    INTERACTIONS,
    Access,
    Criticality,
    ElementKind,
    Interaction,
    PropertyValue,
    check_choice,
    check_properties,
    check_tags,
    check_text,
)
from archdoc.source import caller_location

if TYPE_CHECKING:
    from archdoc.model.workspace import Workspace

__all__ = [
    "Element",
    "Person",
    "SoftwareSystem",
    "Container",
    "Database",
    "Queue",
    "Component",
    "ElementRef",
]

KIND_LABELS: dict[str, str] = {
    "person": "Person",
    "system": "Software System",
    "container": "Container",
    "database": "Database",
    "queue": "Queue",
    "component": "Component",
}


class Element(Record):
    """Anything with a name in the static model."""

    id: str
    """Stable readable id: slugs of the names of the element and its ancestors, joined by dots."""
    name: str
    kind: ElementKind
    description: str = ""
    technology: str = ""
    parent_id: str | None = None
    external: bool = False
    """Outside the organisation's control (a third-party system and everything in it)."""
    owner: str = ""
    """The team that owns it."""
    data_owner_id: str | None = None
    """For a datastore: the container that owns its data."""
    tags: list[str] = []
    properties: dict[str, PropertyValue] = {}
    group: str = ""
    """The named boundary it is drawn in, ``"Outer/Inner"`` for nested groups (``""``: none)."""

    _workspace: Workspace | None = PrivateAttr(default=None)

    # -- reading ---------------------------------------------------------------------------

    @property
    def kind_label(self) -> str:
        """``"Software System"``, ``"Database"``..."""
        return KIND_LABELS[self.kind]

    @property
    def workspace(self) -> Workspace:
        workspace = holder(self)
        if workspace is None:
            raise ModelError(f"{self.id} belongs to no workspace", location=self.location)
        return workspace  # type: ignore[no-any-return]

    @property
    def parent(self) -> Element | None:
        return None if self.parent_id is None else self.workspace.elements[self.parent_id]

    @property
    def children(self) -> list[Element]:
        return self.workspace.children_of(self.id)

    def ancestors(self) -> list[Element]:
        """Parent first, then its parent, up to the top."""
        elements = self.workspace.elements
        chain: list[Element] = []
        parent_id = self.parent_id
        while parent_id is not None:
            node = elements[parent_id]
            chain.append(node)
            parent_id = node.parent_id
        return chain

    def is_ancestor_of(self, other: Element) -> bool:
        elements = other.workspace.elements
        parent_id = other.parent_id
        while parent_id is not None:
            if parent_id == self.id:
                return True
            parent_id = elements[parent_id].parent_id
        return False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    # Elements are entities: two declarations are two elements, even with equal fields.
    __hash__ = object.__hash__

    def __eq__(self, other: object) -> bool:
        return self is other

    # -- building --------------------------------------------------------------------------

    def uses(
        self,
        destination: ElementRef,
        description: str = "",
        *,
        technology: str = "",
        operation: str = "",
        interaction: Interaction = "sync",
        criticality: Criticality | None = None,
        access: Access | None = None,
        tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None,
    ) -> Relationship:
        """Declare that this element depends on ``destination`` (an element or its id)."""
        location = caller_location()
        call = f"{self.id}.uses"
        # Each argument is checked in the order of its message; exact strings and known choices
        # pass on the spot, anything else goes through its check in values.py, which explains
        # the mistake or returns the value as the record holds it.
        if type(interaction) is not str or interaction not in INTERACTIONS:
            interaction = check_choice(interaction, "interaction", Interaction, call)
        if criticality is not None and (type(criticality) is not str
                                        or criticality not in CRITICALITY_ORDER):
            criticality = check_choice(criticality, "criticality", Criticality, call)
        if access is not None and (type(access) is not str or access not in ACCESSES):
            access = check_choice(access, "access", Access, call)
        if type(description) is not str or type(technology) is not str \
                or type(operation) is not str:
            description = check_text(description, "description", call)
            technology = check_text(technology, "technology", call)
            operation = check_text(operation, "operation", call)
        return self.workspace.builder.relationship(
            self,
            destination,
            location,
            call=call,
            description=description,
            technology=technology,
            operation=operation,
            interaction=interaction,
            criticality=criticality,
            access=access,
            tags=[] if tags is None else check_tags(tags, call),
            properties={} if properties is None else check_properties(properties, call),
        )

    def failure_mode(
        self,
        impact: str,
        mitigation: str = "",
        *,
        fallback: str = "",
        detection: str = "",
        recovery: str = "",
    ) -> FailureMode:
        """Record what happens when this element goes down, and what softens it."""
        call = f"{self.id}.failure_mode"
        mode = FailureMode(
            element_id=self.id,
            impact=check_text(impact, "impact", call, optional=False),
            mitigation=check_text(mitigation, "mitigation", call),
            fallback=check_text(fallback, "fallback", call),
            detection=check_text(detection, "detection", call),
            recovery=check_text(recovery, "recovery", call),
            location=caller_location(),
        )
        self.workspace.failure_modes.append(mode)
        return mode


ElementRef = Element | str
"""An element, or the id of one (resolved when the model is complete)."""


class _EventParty(Element):
    """Elements that can publish and subscribe to events."""

    def publishes(
        self, event: str, description: str = "", *, via: ElementRef | None = None
    ) -> EventLink:
        """Declare that this element produces ``event`` (through the queue ``via``, if given)."""
        return self.workspace.builder.event_link(self, event, description, via, "producer",
                                              caller_location())

    def subscribes(
        self, event: str, reason: str = "", *, via: ElementRef | None = None
    ) -> EventLink:
        """Declare that this element consumes ``event``, and why."""
        return self.workspace.builder.event_link(self, event, reason, via, "consumer",
                                              caller_location())


class Person(Element):
    """A human user of the systems: a customer, an administrator, an operator."""


class SoftwareSystem(_EventParty):
    """A software system: the top level of the C4 model, internal or external."""

    def container(
        self,
        name: str,
        description: str = "",
        *,
        technology: str = "",
        owner: str | Element | None = None,
        tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None,
        group: str | None = None,
        id: str | None = None,
    ) -> Container:
        """An application or service of this system (a C4 container)."""
        return self.workspace.builder.element(
            Container, "container", name, caller_location(), parent=self, call="container",
            description=description, technology=technology, owner=owner, tags=tags,
            properties=properties, group=group, id=id,
        )

    def database(
        self,
        name: str,
        description: str = "",
        *,
        technology: str = "",
        owner: str | Element | None = None,
        tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None,
        group: str | None = None,
        id: str | None = None,
    ) -> Database:
        """A datastore of this system; ``owner`` is the container that owns its data (or a team)."""
        return self.workspace.builder.element(
            Database, "database", name, caller_location(), parent=self, call="database",
            description=description, technology=technology, owner=owner, tags=tags,
            properties=properties, group=group, id=id,
        )

    def queue(
        self,
        name: str,
        description: str = "",
        *,
        technology: str = "",
        owner: str | Element | None = None,
        tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None,
        group: str | None = None,
        id: str | None = None,
    ) -> Queue:
        """A message queue, topic or event bus of this system."""
        return self.workspace.builder.element(
            Queue, "queue", name, caller_location(), parent=self, call="queue",
            description=description, technology=technology, owner=owner, tags=tags,
            properties=properties, group=group, id=id,
        )


class Container(_EventParty):
    """A separately deployable or runnable unit: an application, a service, a datastore."""

    def component(
        self,
        name: str,
        description: str = "",
        *,
        technology: str = "",
        tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None,
        group: str | None = None,
        id: str | None = None,
    ) -> Component:
        """A component inside this container (a C4 component)."""
        return self.workspace.builder.element(
            Component, "component", name, caller_location(), parent=self, call="component",
            description=description, technology=technology, tags=tags, properties=properties,
            group=group, id=id,
        )


class Database(Container):
    """A container that stores data: a database, a cache, a bucket."""


class Queue(Container):
    """A container that carries messages: a queue, a topic, an event bus."""


class Component(_EventParty):
    """A grouping of related functionality inside a container."""
