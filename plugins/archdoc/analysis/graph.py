"""The dependency graph between deployable units, with implied relationships.

A relationship declared between components rolls up to their containers, and one declared on
a container rolls up to its system: analysis works on *units* — containers (services,
databases, queues), systems without containers (typically external ones) and people.
Events add asynchronous edges from each consumer to each producer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from archdoc.model.elements import Element
from archdoc.model.records import Relationship
from archdoc.model.values import CRITICALITY_ORDER
from archdoc.model.workspace import Workspace

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "UNIT_KINDS", "Dependency", "DependencyGraph", "combined_interaction", "descendants",
    "highest_criticality",
]

UNIT_KINDS = frozenset({"person", "container", "database", "queue"})


def combined_interaction(relationships: list[Relationship]) -> Literal["sync", "async"]:
    """``sync`` when any of the relationships is synchronous."""
    for r in relationships:
        if r.interaction == "sync":
            return "sync"
    return "async"


def highest_criticality(relationships: list[Relationship]) -> str | None:
    """The most critical level among the relationships, or None."""
    levels = [r.criticality for r in relationships if r.criticality]
    return min(levels, key=CRITICALITY_ORDER.__getitem__) if levels else None


@dataclass(slots=True)
class Dependency:
    """``source`` depends on ``destination``: every relationship and event behind that."""

    source_id: str
    destination_id: str
    relationships: list[Relationship] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    """Events the source consumes from the destination."""
    owns: bool = False
    """The source owns the destination's data (``database(..., owner=source)``)."""

    @property
    def interaction(self) -> Literal["sync", "async"]:
        """``sync`` when the source owns the destination's data or any declared relationship
        behind it is synchronous."""
        return "sync" if self.owns else combined_interaction(self.relationships)

    @property
    def criticality(self) -> str | None:
        """The highest criticality of the relationships behind it."""
        return highest_criticality(self.relationships)

    @property
    def implied(self) -> bool:
        """True when no relationship was declared between exactly these two units."""
        return not any(
            r.source_id == self.source_id and r.destination_id == self.destination_id
            for r in self.relationships
        )

    @property
    def operations(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self.relationships:
            if r.operation:
                seen.setdefault(r.operation)
        return list(seen)

    @property
    def descriptions(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self.relationships:
            if r.description:
                seen.setdefault(r.description)
        return list(seen)

    @property
    def technologies(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self.relationships:
            if r.technology:
                seen.setdefault(r.technology)
        return list(seen)


def descendants(workspace: Workspace, id: str) -> list[str]:
    """The ids of every element inside ``id`` (children, their children...), from the
    workspace's index of children; not in declaration order."""
    found: list[str] = []
    todo = workspace.children_ids(id)
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(workspace.children_ids(child))
    return found


def unit_of(workspace: Workspace, element: Element) -> str:
    """The unit an element's dependencies count against."""
    if element.kind in UNIT_KINDS or element.kind == "system":
        return element.id
    node: Element | None = element
    while node is not None and node.kind not in UNIT_KINDS:
        node = workspace.elements.get(node.parent_id) if node.parent_id else None
    return node.id if node is not None else element.id


class DependencyGraph:
    """Units as nodes, :class:`Dependency` records as edges (``networkx.DiGraph``)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.order: dict[str, int] = {id: i for i, id in enumerate(workspace.elements)}
        """Declaration index of every element: the tie-breaker of every listing."""
        self.nodes: dict[str, None] = {}
        """Every unit, in declaration order (systems named by a relationship join with it)."""
        self.unit: dict[str, str] = {}
        self._deps: dict[tuple[str, str], Dependency] = {}
        units, nodes, deps = self.unit, self.nodes, self._deps
        for id, element in workspace.elements.items():
            kind = element.kind
            if kind in UNIT_KINDS:
                units[id] = id
                nodes[id] = None
            elif kind == "system":
                units[id] = id
                if not self._has_containers(element):
                    # A system with containers is their sum; it is a node only when a
                    # relationship names the system itself (added with that edge below).
                    nodes[id] = None
            else:  # a component: the container around it
                unit = units[id] = unit_of(workspace, element)
                if unit == id:  # in no container
                    nodes[id] = None
        for relationship in workspace.relationships:
            source = units.get(relationship.source_id)
            destination = units.get(relationship.destination_id)
            if source is None or destination is None or source == destination:
                continue  # dangling, deployment-level or internal to one unit
            dependency = deps.get((source, destination))
            if dependency is None:
                deps[(source, destination)] = Dependency(source, destination, [relationship])
            else:
                dependency.relationships.append(relationship)
        edge = self._edge
        for id, element in workspace.elements.items():
            if element.data_owner_id is not None:
                owner = units.get(element.data_owner_id)
                if owner is not None and owner != id:
                    edge(owner, id).owns = True
        for event in workspace.events.values():
            for consumer in event.consumers:
                for producer in event.producers:
                    source = units.get(consumer.element_id)
                    destination = units.get(producer.element_id)
                    if source is None or destination is None or source == destination:
                        continue
                    dependency = edge(source, destination)
                    if event.name not in dependency.events:
                        dependency.events.append(event.name)
        for source, destination in self._deps:
            if source not in nodes:
                nodes[source] = None
            if destination not in nodes:
                nodes[destination] = None

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The graph as a ``networkx.DiGraph`` (edge attribute ``dep``), built on first use:
        importing networkx costs more than validating a small model, and validation needs it
        only for transitive contracts."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.nodes)
        graph.add_edges_from((s, d, {"dep": dep}) for (s, d), dep in self._deps.items())
        return graph

    def _has_containers(self, element: Element) -> bool:
        return element.kind == "system" and any(
            child.kind in UNIT_KINDS for child in self.workspace.children_of(element.id)
        )

    def _edge(self, source: str, destination: str) -> Dependency:
        # Our own index while building: networkx's get_edge_data is slow in a hot loop.
        dependency = self._deps.get((source, destination))
        if dependency is None:
            dependency = self._deps[(source, destination)] = Dependency(source, destination)
        return dependency

    # -- reading ------------------------------------------------------------------------------

    def sort(self, ids: list[str] | set[str]) -> list[str]:
        """Ids in declaration order."""
        return sorted(ids, key=lambda i: self.order.get(i, len(self.order)))

    def dependencies(self) -> list[Dependency]:
        """Every edge, in declaration order of source then destination."""
        edges = list(self._deps.values())
        return sorted(edges, key=lambda d: (self.order[d.source_id], self.order[d.destination_id]))

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """For each unit, the units that depend on it, in declaration order (built once)."""
        out: dict[str, list[str]] = {u: [] for u in self.nodes}
        for source, destination in self._deps:
            out[destination].append(source)
        order, last = self.order, len(self.order)
        for units in out.values():
            if len(units) > 1:
                units.sort(key=lambda i: order.get(i, last))
        return out

    @cached_property
    def sync_dependents(self) -> dict[str, list[str]]:
        """For each unit, the units that depend on it synchronously, in declaration order
        (built once: every blast radius walks it)."""
        deps = self._deps
        return {
            unit: [s for s in sources if deps[(s, unit)].interaction == "sync"]
            for unit, sources in self.dependents.items()
        }

    def dependencies_of(self, id: str) -> list[Dependency]:
        """What the unit of ``id`` depends on."""
        unit = self.unit.get(id, id)
        if unit not in self.graph:
            return []
        return [self.graph[unit][d]["dep"] for d in self.sort(list(self.graph.successors(unit)))]

    def dependents_of(self, id: str) -> list[Dependency]:
        """What depends on the unit of ``id``."""
        unit = self.unit.get(id, id)
        if unit not in self.graph:
            return []
        return [self.graph[s][unit]["dep"] for s in self.sort(list(self.graph.predecessors(unit)))]

    def dependency(self, source: str, destination: str) -> Dependency:
        """The dependency of unit ``source`` on unit ``destination`` (KeyError if none)."""
        return self._deps[(source, destination)]

    def sync_edges(self, *, ordered: bool = True) -> dict[str, list[str]]:
        """For each unit, the units it depends on synchronously (in declaration order, unless
        ``ordered=False``: in the order the dependencies were found)."""
        out: dict[str, list[str]] = {u: [] for u in self.nodes}
        for (source, destination), dependency in self._deps.items():
            if dependency.owns:
                out[source].append(destination)
                continue
            for relationship in dependency.relationships:  # Dependency.interaction, inlined
                if relationship.interaction == "sync":
                    out[source].append(destination)
                    break
        if ordered:
            order, last = self.order, len(self.order)
            for targets in out.values():
                if len(targets) > 1:
                    targets.sort(key=lambda u: order.get(u, last))
        return out

    def service_units(self) -> list[str]:
        """Units that are not people: what the matrix and the startup order list."""
        return [u for u in self.nodes if self.workspace.elements[u].kind != "person"]
