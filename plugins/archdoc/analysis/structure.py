"""The shape of the dependency graph: cycles, startup layers, critical paths, the matrix."""

from __future__ import annotations

from dataclasses import dataclass

from archdoc.analysis.graph import Dependency, DependencyGraph

__all__ = [
    "DependencyMatrix",
    "critical_paths",
    "dependency_matrix",
    "startup_layers",
    "sync_cycles",
]


def sync_cycles(graph: DependencyGraph) -> list[list[str]]:
    """Each group of units that depend on each other synchronously, as one cycle in order,
    starting at its first-declared member.

    Asynchronous loops (a saga answering through events) are not cycles here. This runs on
    every ``archdoc validate``, so it does not need networkx (see ``strongly_connected``).
    """
    # Which units form a component does not depend on the order of the edges; the path shown
    # through a component does, so only its members' edges are put in declaration order.
    edges = graph.sync_edges(ordered=False)
    cycles: list[list[str]] = []
    for component in strongly_connected(edges):
        if len(component) == 1 and component[0] not in edges[component[0]]:
            continue
        members = graph.sort(component)
        ordered = {member: graph.sort(edges[member]) for member in members}
        cycles.append(_cycle_through(members[0], set(members), ordered))
    cycles.sort(key=lambda c: graph.order[c[0]])
    return cycles


def strongly_connected(edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, []))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _cycle_through(start: str, members: set[str], edges: dict[str, list[str]]) -> list[str]:
    """The shortest cycle from ``start`` back to it inside one component (breadth first)."""
    if start in edges[start]:
        return [start]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in edges[node]:
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return path[::-1]
                if nxt in members and nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]


def _condensed_order(
    graph: DependencyGraph, nodes: list[str], edges: list[Dependency]
) -> list[list[list[str]]]:
    """Layers (dependencies first) of groups (strongly connected units, in declaration order)."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((d.source_id, d.destination_id) for d in edges
                     if d.source_id in g and d.destination_id in g)
    condensed = nx.condensation(g)
    members = {c: graph.sort(condensed.nodes[c]["members"]) for c in condensed.nodes}
    layers: list[list[list[str]]] = []
    # Reverse so that providers (what nothing else needs before it) come first.
    for generation in nx.topological_generations(condensed.reverse(copy=False)):
        groups = sorted((members[c] for c in generation), key=lambda m: graph.order[m[0]])
        layers.append(groups)
    return layers


def startup_layers(graph: DependencyGraph) -> list[list[str]]:
    """Units in the order they can start: each layer needs only earlier layers.

    Built from declared relationships (both interactions: a consumer needs its queue up),
    not from events. People are left out. Units in a cycle share a layer.
    """
    edges = [d for d in graph.dependencies() if d.relationships or d.owns]
    layers = _condensed_order(graph, graph.service_units(), edges)
    return [[u for group in layer for u in group] for layer in layers]


def critical_paths(graph: DependencyGraph, *, limit: int = 200) -> list[list[str]]:
    """Maximal chains of ``critical`` dependencies, longest first (at most ``limit``)."""
    import networkx as nx

    critical = nx.DiGraph()
    for d in graph.dependencies():
        if d.criticality == "critical":
            critical.add_edge(d.source_id, d.destination_id)
    starts = graph.sort([n for n in critical if critical.in_degree(n) == 0]) or graph.sort(
        list(critical)
    )
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if len(paths) >= limit:
            return
        nexts = [n for n in graph.sort(list(critical.successors(path[-1]))) if n not in path]
        if not nexts:
            if len(path) > 1:
                paths.append(path)
            return
        for n in nexts:
            walk([*path, n])

    for start in starts:
        walk([start])
    paths.sort(key=lambda p: (-len(p), [graph.order[u] for u in p]))
    return paths


@dataclass(frozen=True)
class DependencyMatrix:
    """A dependency structure matrix: row ``i`` depends on column ``j`` where a cell is set.

    Units are ordered dependencies first, so a clean architecture has every mark below the
    diagonal; units in a cycle are kept together as a block, and its marks above the
    diagonal are the cycle.
    """

    order: list[str]
    blocks: list[tuple[int, int]]
    """``(first, last)`` indexes of each block of mutually dependent units (a cycle)."""
    cells: dict[tuple[int, int], Dependency]
    sync_blocks: frozenset[int] = frozenset()
    """Indexes into ``blocks`` of those that hold a synchronous cycle (the others loop only
    through asynchronous dependencies, which is allowed)."""


def dependency_matrix(graph: DependencyGraph, *, include_people: bool = False) -> DependencyMatrix:
    """The matrix of every unit (all interactions, events included)."""
    nodes = list(graph.graph.nodes) if include_people else graph.service_units()
    edges = graph.dependencies()
    order: list[str] = []
    blocks: list[tuple[int, int]] = []
    for layer in _condensed_order(graph, nodes, edges):
        for group in layer:
            if len(group) > 1:
                blocks.append((len(order), len(order) + len(group) - 1))
            order.extend(group)
    index = {u: i for i, u in enumerate(order)}
    cells = {
        (index[d.source_id], index[d.destination_id]): d
        for d in edges if d.source_id in index and d.destination_id in index
    }
    cyclic = {u for cycle in sync_cycles(graph) for u in cycle}
    sync_blocks = frozenset(n for n, (first, last) in enumerate(blocks)
                            if any(order[i] in cyclic for i in range(first, last + 1)))
    return DependencyMatrix(order=order, blocks=blocks, cells=cells, sync_blocks=sync_blocks)
