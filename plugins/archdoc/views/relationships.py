"""The relationships views draw, and an index to lift them onto the elements of a view.

Besides the declared relationships, a model states some in other words: a data owner reads and
writes its datastore; a consumer receives its events from the queue the producer publishes to
(or from the producer, when no queue is named). Views draw those too.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from archdoc.model.records import Relationship
from archdoc.model.workspace import Workspace

__all__ = ["drawn_relationships", "RelationshipIndex"]


def drawn_relationships(workspace: Workspace) -> list[Relationship]:
    """The declared relationships, plus the ones implied by data owners and events."""
    found = list(workspace.relationships)
    declared = {(r.source_id, r.destination_id) for r in found}
    declared_into: dict[str, list[str]] = {}
    for source, destination in declared:
        declared_into.setdefault(destination, []).append(source)
    for element in workspace.elements.values():
        owner = element.data_owner_id
        if owner and owner in workspace.elements and not any(
                s == owner or s.startswith(owner + ".") for s in declared_into.get(element.id, [])):
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


class RelationshipIndex:
    """Every drawn relationship, findable by any element it starts or ends in (or below)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.order: dict[str, int] = {id: i for i, id in enumerate(workspace.elements)}
        """Declaration index of every element: the order of every view."""
        self.pools: dict[str | None, tuple[list[str], frozenset[str]]] = {}
        """The elements a view of each scope draws by default (filled by the views)."""
        self.relationships = drawn_relationships(workspace)
        self._touching: dict[str, list[int]] = {}
        elements = workspace.elements
        for index, r in enumerate(self.relationships):
            for end in {r.source_id, r.destination_id}:
                element = elements.get(end)
                while element is not None:
                    self._touching.setdefault(element.id, []).append(index)
                    element = elements.get(element.parent_id) if element.parent_id else None

    def touching(self, ids: Iterable[str]) -> list[Relationship]:
        """Relationships with an end in one of ``ids`` or below it, in declaration order."""
        return self._gathered([self._touching.get(id, []) for id in ids])

    def between(self, ids: Iterable[str]) -> list[Relationship]:
        """The relationships :meth:`lifted` can draw between two of ``ids``, in declaration
        order: those of :meth:`touching`, less the ones that touch only the element with the
        most. A relationship lifted onto two distinct elements has an end in (or below) each,
        so a hub's thousand relationships are read only for the few the view shows."""
        lists = [self._touching.get(id, []) for id in ids]
        if len(lists) > 1:
            lists.remove(max(lists, key=len))
        return self._gathered(lists)

    def _gathered(self, lists: list[list[int]]) -> list[Relationship]:
        """The relationships of the index lists, each once, in declaration order."""
        found: set[int] = set()
        for indexes in lists:
            found.update(indexes)
        return [self.relationships[i] for i in sorted(found)]

    def lifted(
        self, relationships: Iterable[Relationship], visible: Container[str]
    ) -> dict[tuple[str, str], list[Relationship]]:
        """The relationships grouped by the visible elements they connect (self-loops dropped)."""
        edges: dict[tuple[str, str], list[Relationship]] = {}
        relationships = list(relationships)
        nearest = self.workspace.nearest
        # Each end looked up once: many relationships share one.
        ends = {id for r in relationships for id in (r.source_id, r.destination_id)}
        shown = {id: nearest(id, visible) for id in ends}
        for r in relationships:
            source, destination = shown[r.source_id], shown[r.destination_id]
            if source is None or destination is None or source == destination:
                continue
            edges.setdefault((source, destination), []).append(r)
        return edges
