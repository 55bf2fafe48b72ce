"""C4 static views: system landscape, system context, containers, components.

A view lists elements (some inside the boundary of the system or container it is about)
and edges between them. Relationships declared lower in the hierarchy are *implied* at the
level a view shows: a component's call to another system appears as an edge from its
container on the container view and from its system on the context view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from archdoc.model.elements import Element
from archdoc.model.records import Relationship
from archdoc.model.values import CRITICALITY_ORDER
from archdoc.model.workspace import Workspace

__all__ = [
    "View",
    "ViewEdge",
    "all_views",
    "component_view",
    "container_view",
    "drawn_relationships",
    "context_view",
    "landscape_view",
]

ViewKind = Literal["landscape", "context", "containers", "components"]


@dataclass
class ViewEdge:
    """An arrow of a view: every relationship it stands for."""

    source_id: str
    destination_id: str
    relationships: list[Relationship] = field(default_factory=list)

    @property
    def interaction(self) -> str:
        return "sync" if any(r.interaction == "sync" for r in self.relationships) else "async"

    @property
    def criticality(self) -> str | None:
        levels = [r.criticality for r in self.relationships if r.criticality]
        return min(levels, key=CRITICALITY_ORDER.__getitem__) if levels else None

    @property
    def label(self) -> str:
        descriptions = list(dict.fromkeys(r.description for r in self.relationships if r.description))
        text = descriptions[0] if descriptions else ""
        if len(descriptions) > 1:
            text += f" (+{len(descriptions) - 1} more)"
        return text

    @property
    def technology(self) -> str:
        return ", ".join(dict.fromkeys(r.technology for r in self.relationships if r.technology))


@dataclass
class View:
    """One diagram: its key (``containers:shop``), title, elements and edges."""

    key: str
    kind: ViewKind
    title: str
    description: str
    subject_id: str | None
    """The system or container the view is about (None for the landscape)."""
    element_ids: list[str]
    boundary_ids: list[str]
    """Elements drawn inside the subject's boundary."""
    edges: list[ViewEdge]


def _lifter(workspace: Workspace, visible: set[str]) -> Callable[[str], str | None]:
    return lambda id: workspace.nearest(id, visible)


def drawn_relationships(workspace: Workspace) -> list[Relationship]:
    """The declared relationships, plus the ones the model states in other words: a data
    owner reads and writes its datastore; a consumer receives its events from the queue the
    producer publishes to (or from the producer, when no queue is named)."""
    found = list(workspace.relationships)
    declared = {(r.source_id, r.destination_id) for r in found}
    for element in workspace.elements.values():
        owner = element.data_owner_id
        if owner and owner in workspace.elements and not any(
                s == owner or s.startswith(owner + ".") for s, d in declared if d == element.id):
            found.append(Relationship(
                id=f"{owner}->{element.id}~owns", source_id=owner, destination_id=element.id,
                description="Reads and writes", access="readwrite", location=element.location))
    for name, event in workspace.events.items():
        queues = list(dict.fromkeys(p.via_id for p in event.producers if p.via_id))
        for consumer in event.consumers:
            if consumer.via_id:
                continue
            targets = queues or [p.element_id for p in event.producers]
            for target in targets:
                source = target if not queues else consumer.element_id
                destination = consumer.element_id if not queues else target
                if (source, destination) in declared or source == destination:
                    continue
                found.append(Relationship(
                    id=f"{source}->{destination}~{name}", source_id=source,
                    destination_id=destination, description=f"Consumes {name}" if queues else name,
                    interaction="async", operation=name, location=consumer.location))
    return found


def _edges(
    workspace: Workspace, relationships: list[Relationship] | None, visible: set[str],
    keep: set[str] | None = None,
) -> list[ViewEdge]:
    """Relationships lifted onto ``visible`` elements (only those touching ``keep``, if given)."""
    lift = _lifter(workspace, visible)
    edges: dict[tuple[str, str], ViewEdge] = {}
    if relationships is None:
        relationships = drawn_relationships(workspace)
    for r in relationships:
        source, destination = lift(r.source_id), lift(r.destination_id)
        if source is None or destination is None or source == destination:
            continue
        if keep is not None and source not in keep and destination not in keep:
            continue
        edge = edges.get((source, destination))
        if edge is None:
            edge = edges[(source, destination)] = ViewEdge(source, destination)
        edge.relationships.append(r)
    return list(edges.values())


def _ordered(workspace: Workspace, ids: set[str]) -> list[str]:
    return [id for id in workspace.elements if id in ids]


def _top_level(workspace: Workspace) -> set[str]:
    return {e.id for e in workspace.elements.values() if e.kind in ("person", "system")}


def landscape_view(workspace: Workspace, relationships: list[Relationship] | None = None) -> View:
    """Every person and software system, and how they relate."""
    visible = _top_level(workspace)
    return View(
        key="landscape", kind="landscape", title="System landscape",
        description=f"Every person and software system of {workspace.name}.",
        subject_id=None, element_ids=_ordered(workspace, visible), boundary_ids=[],
        edges=_edges(workspace, relationships, visible),
    )


def context_view(
    workspace: Workspace, system: Element, relationships: list[Relationship] | None = None
) -> View:
    """The system, and the people and systems it relates to."""
    visible = _top_level(workspace)
    edges = [e for e in _edges(workspace, relationships, visible)
             if system.id in (e.source_id, e.destination_id)]
    shown = {system.id} | {e.source_id for e in edges} | {e.destination_id for e in edges}
    return View(
        key=f"context:{system.id}", kind="context", title=f"{system.name}: system context",
        description=f"{system.name} and the people and software systems around it.",
        subject_id=system.id, element_ids=_ordered(workspace, shown), boundary_ids=[],
        edges=edges,
    )


def container_view(
    workspace: Workspace, system: Element, relationships: list[Relationship] | None = None
) -> View | None:
    """The containers of the system, and what they relate to outside it."""
    inside = {c.id for c in workspace.children_of(system.id)}
    if not inside:
        return None
    others = {e.id for e in workspace.elements.values()
              if e.kind in ("person", "system") and e.id != system.id}
    edges = _edges(workspace, relationships, inside | others, keep=inside)
    shown = inside | {e.source_id for e in edges} | {e.destination_id for e in edges}
    return View(
        key=f"containers:{system.id}", kind="containers", title=f"{system.name}: containers",
        description=f"The applications, services and datastores that make up {system.name}.",
        subject_id=system.id, element_ids=_ordered(workspace, shown),
        boundary_ids=_ordered(workspace, inside), edges=edges,
    )


def component_view(
    workspace: Workspace, container: Element, relationships: list[Relationship] | None = None
) -> View | None:
    """The components of the container, and what they relate to outside it."""
    inside = {c.id for c in workspace.children_of(container.id)}
    if not inside:
        return None
    system_id = container.parent_id
    siblings = {c.id for c in workspace.children_of(system_id) if c.id != container.id}
    others = {e.id for e in workspace.elements.values()
              if e.kind in ("person", "system") and e.id != system_id}
    edges = _edges(workspace, relationships, inside | siblings | others, keep=inside)
    shown = inside | {e.source_id for e in edges} | {e.destination_id for e in edges}
    return View(
        key=f"components:{container.id}", kind="components",
        title=f"{container.name}: components",
        description=f"The parts of {container.name} and what they talk to.",
        subject_id=container.id, element_ids=_ordered(workspace, shown),
        boundary_ids=_ordered(workspace, inside), edges=edges,
    )


def all_views(workspace: Workspace) -> dict[str, View]:
    """Every static view the model gives, by key, in a stable order."""
    views: dict[str, View] = {}
    drawn = drawn_relationships(workspace)
    landscape = landscape_view(workspace, drawn)
    views[landscape.key] = landscape
    for system in workspace.systems():
        context = context_view(workspace, system, drawn)
        views[context.key] = context
        containers = container_view(workspace, system, drawn)
        if containers is not None:
            views[containers.key] = containers
    for container in workspace.containers():
        components = component_view(workspace, container, drawn)
        if components is not None:
            views[components.key] = components
    return views
