"""Data ownership: for each datastore, its owner and who else writes or reads it.

One analysis, read by the validation rules (``multiple-writers``, ``foreign-datastore-access``,
``datastore-without-owner``) and by the site's data-ownership table, so the page and
``archdoc validate`` always give the same verdict. Everything is counted in containers: a
component's access counts for its container, and an owner given as a component is its container.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.analysis.graph import DependencyGraph
from archdoc.model.elements import Element
from archdoc.model.records import Relationship

__all__ = ["DatastoreOwnership", "data_ownership", "ownership_of"]

CONTAINER_KINDS = frozenset({"container", "database", "queue"})
"""The units that count as readers and writers of a datastore."""


@dataclass
class DatastoreOwnership:
    """The verdict on one datastore."""

    datastore: Element
    owner: str | None
    """The container that owns its data (``database(..., owner=...)``), or None."""
    writes: dict[str, list[Relationship]] = field(default_factory=dict)
    """Containers other than the owner that write it (a relationship writes unless it says
    ``access="read"``), with the relationships that do, in declaration order."""
    reads: dict[str, list[Relationship]] = field(default_factory=dict)
    """Containers other than the owner that only read it (``access="read"``)."""
    owner_writes: list[Relationship] = field(default_factory=list)
    """The owner's own writing relationships."""

    @property
    def id(self) -> str:
        return self.datastore.id

    @property
    def writers(self) -> list[str]:
        """Every container that writes it: the owner first (when it is a container), then the
        others."""
        first = [self.owner] if self.owner is not None and self.owner_is_container else []
        return [*first, *self.writes]

    @property
    def owner_is_container(self) -> bool:
        owner = self.datastore.workspace.elements.get(self.owner) if self.owner else None
        return owner is not None and owner.kind in CONTAINER_KINDS

    @property
    def unowned(self) -> bool:
        """No owning container is declared (external datastores are exempt)."""
        return self.owner is None and not self.datastore.external

    @property
    def shared_writes(self) -> bool:
        """More than one container writes it (the owner counts as a writer)."""
        return len(self.writers) > 1

    @property
    def foreign_reads(self) -> bool:
        """Another container reads a datastore that has an owner."""
        return self.owner is not None and bool(self.reads)


def ownership_of(graph: DependencyGraph, datastore_id: str,
                 incoming: list[Relationship] | None = None) -> DatastoreOwnership:
    """The verdict on one datastore (a ``database`` element); ``incoming``: the relationships
    that end at it (default: found in the workspace)."""
    workspace = graph.workspace
    datastore = workspace.elements[datastore_id]
    owner_id = datastore.data_owner_id
    owner = graph.unit.get(owner_id, owner_id) if owner_id else None
    verdict = DatastoreOwnership(datastore=datastore, owner=owner)
    if incoming is None:
        incoming = [r for r in workspace.relationships if r.destination_id == datastore_id]
    for relationship in incoming:
        unit = graph.unit.get(relationship.source_id)
        if (
            unit is None
            or unit == datastore_id
            or workspace.elements[unit].kind not in CONTAINER_KINDS
        ):
            continue
        if unit == owner:
            if relationship.access != "read":
                verdict.owner_writes.append(relationship)
        elif relationship.access == "read":
            verdict.reads.setdefault(unit, []).append(relationship)
        else:
            verdict.writes.setdefault(unit, []).append(relationship)
    for unit in verdict.writes:  # a container that writes is a writer, whatever else it reads
        verdict.reads.pop(unit, None)
    return verdict


def data_ownership(graph: DependencyGraph) -> list[DatastoreOwnership]:
    """The verdict on every datastore, in declaration order."""
    workspace = graph.workspace
    incoming: dict[str, list[Relationship]] = {}
    for relationship in workspace.relationships:
        incoming.setdefault(relationship.destination_id, []).append(relationship)
    return [ownership_of(graph, e.id, incoming.get(e.id, [])) for e in workspace.elements.values()
            if e.kind == "database"]
