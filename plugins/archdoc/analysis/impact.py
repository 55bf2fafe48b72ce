"""Transitive impact: what breaks, or degrades, when an element fails."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from archdoc.analysis.graph import UNIT_KINDS, DependencyGraph, descendants
from archdoc.analysis.structure import strongly_connected
from archdoc.errors import ReferenceNotFound

__all__ = ["BlastRadii", "Impact", "NearestImpacts", "blast_radii", "impact_of",
           "nearest_impacts"]


@dataclass(frozen=True)
class Impact:
    """One element affected by a failure, and the chain of dependencies through which."""

    element_id: str
    effect: Literal["breaks", "degraded"]
    """``breaks``: reached through synchronous dependencies only, ending at a failed unit with no
    fallback; ``degraded``: every chain has an asynchronous link (it keeps running, but messages
    pile up or data goes stale) or ends at a failed unit with a fallback."""
    chain: tuple[str, ...]
    """From the affected element to the failed one: ``("web", "orders", "orders-db")``."""

    @property
    def distance(self) -> int:
        return len(self.chain) - 1


def impact_of(graph: DependencyGraph, element_id: str) -> list[Impact]:
    """Everything that depends on ``element_id``, directly or through a chain.

    A system's failure is the failure of all its containers. Each chain is judged on its own: it
    *breaks* its first element when every dependency along it is synchronous and the failed unit
    it ends at has no ``fallback`` (``failure_mode(..., fallback=...)``, declared on the unit, or
    on the failed system); otherwise it *degrades* it. An element breaks when any of its chains
    does. The result is ordered by effect (breaks first), distance, then declaration order.
    """
    workspace = graph.workspace
    element = workspace.elements.get(element_id)
    if element is None:
        raise ReferenceNotFound(
            f"no element with id {element_id!r}", hint=workspace.suggest(element_id)
        )
    failing = {graph.unit[element_id]}
    if element.kind == "system":
        failing |= {graph.unit[c] for c in descendants(workspace, element_id)}
    with_fallback = {m.element_id for m in workspace.failure_modes if m.fallback}
    # A declared fallback keeps the dependents of that unit running, degraded; a system's own
    # fallback covers every one of its containers.
    cushioned = {u for u in failing if u in with_fallback} if element_id not in with_fallback \
        else set(failing)
    sync_chains = _reverse_bfs(graph, failing - cushioned, failing, sync_only=True)
    all_chains = _reverse_bfs(graph, failing, failing, sync_only=False)
    impacts = [Impact(u, "breaks", chain) for u, chain in sync_chains.items()]
    impacts += [
        Impact(u, "degraded", chain) for u, chain in all_chains.items() if u not in sync_chains
    ]
    impacts.sort(key=lambda i: (i.effect != "breaks", i.distance, graph.order.get(i.element_id, 0)))
    return impacts


def _reverse_bfs(graph: DependencyGraph, sources: set[str], failing: set[str], *,
                 sync_only: bool) -> dict[str, tuple[str, ...]]:
    """Shortest chains from each dependent to one of ``sources`` (failed units are not
    dependents)."""
    chains: dict[str, tuple[str, ...]] = {}
    for level in _reverse_levels(graph, sources, failing, sync_only=sync_only):
        chains.update(level)
    return chains


def _reverse_levels(graph: DependencyGraph, sources: set[str], failing: set[str], *,
                    sync_only: bool) -> Iterator[dict[str, tuple[str, ...]]]:
    """The breadth-first walk of :func:`_reverse_bfs`, one distance at a time: the dependents
    first found at that distance, in the order found, each with its chain."""
    dependents = graph.sync_dependents if sync_only else graph.dependents
    level: dict[str, tuple[str, ...]] = {u: (u,) for u in graph.sort(sources) if u in dependents}
    seen = set(failing)
    while level:
        found: dict[str, tuple[str, ...]] = {}
        for unit, chain in level.items():
            for dependent in dependents[unit]:
                if dependent not in seen:
                    seen.add(dependent)
                    found[dependent] = (dependent, *chain)
        if found:
            yield found
        level = found


@dataclass(frozen=True)
class NearestImpacts:
    """The first rows of :func:`impact_of`'s answer, and how many rows it has in all."""

    impacts: list[Impact]
    """The first ``limit`` impacts, in :func:`impact_of`'s order."""
    total: int
    breaks: int
    """How many of all the impacts (not only the first) are ``breaks``."""

    @classmethod
    def of(cls, impacts: list[Impact], limit: int | None = None) -> NearestImpacts:
        """The first ``limit`` (default all) of a whole answer of :func:`impact_of`."""
        return cls(impacts[:limit], len(impacts), sum(i.effect == "breaks" for i in impacts))


def nearest_impacts(graph: DependencyGraph, element_id: str, limit: int,
                    radii: BlastRadii | None = None) -> NearestImpacts:
    """``impact_of(graph, element_id)[:limit]``, with the counts of the whole answer.

    Given ``radii`` (:func:`blast_radii` of ``graph``), the impact of a unit (a person,
    container, database or queue) is counted from them and walked only as far as its first
    ``limit`` rows: the page of an element a thousand services depend on does not walk the
    graph for rows it leaves out. Other elements (a system, a component) are walked whole.
    """
    element = graph.workspace.elements.get(element_id)
    if radii is None or element is None or element.kind not in UNIT_KINDS \
            or element_id not in radii.index:
        return NearestImpacts.of(impact_of(graph, element_id), limit)
    breaks, degraded = radii.breaks[element_id], radii.degraded[element_id]
    failing = {element_id}
    shown: list[Impact] = []
    if breaks:  # none when the element has a fallback
        shown = _nearest(graph, failing, "breaks", limit, set())
    if len(shown) < limit and degraded:
        shown += _nearest(graph, failing, "degraded", limit - len(shown),
                          set(radii.ids(breaks)))
    return NearestImpacts(shown, breaks.bit_count() + degraded.bit_count(), breaks.bit_count())


def _nearest(graph: DependencyGraph, failing: set[str], effect: Literal["breaks", "degraded"],
             limit: int, skip: set[str]) -> list[Impact]:
    """The first ``limit`` impacts of one effect, nearest first and, at one distance, in
    declaration order (as :func:`impact_of` sorts them); ``skip``: units not listed."""
    order = graph.order
    found: list[Impact] = []
    for level in _reverse_levels(graph, failing, failing, sync_only=effect == "breaks"):
        units = [u for u in level if u not in skip]
        units.sort(key=lambda u: order.get(u, 0))
        found += [Impact(u, effect, level[u]) for u in units]
        if len(found) >= limit:
            break
    return found[:limit]


@dataclass(frozen=True)
class BlastRadii:
    """What breaks and what degrades when each unit fails, for every unit at once.

    The same answer as :func:`impact_of` for a unit (without the chains), computed for the
    whole graph in one pass: sets are bit masks over ``units`` (bit ``i`` is ``units[i]``), so
    two graphs measured over the same ``units`` compare with ``==``.
    """

    units: list[str]
    index: dict[str, int]
    breaks: dict[str, int]
    """Unit -> the units that break when it fails (synchronous chains, no fallback declared)."""
    degraded: dict[str, int]
    """Unit -> the units that keep running, degraded, when it fails."""

    def ids(self, mask: int) -> list[str]:
        """The units of ``mask``, in the order of ``units``."""
        found = []
        while mask:
            low = mask & -mask
            found.append(self.units[low.bit_length() - 1])
            mask ^= low
        return found


def blast_radii(graph: DependencyGraph, units: list[str] | None = None) -> BlastRadii:
    """:class:`BlastRadii` of every unit of ``graph``; ``units`` fixes the bit order (units of
    the graph it leaves out are added after them)."""
    order = list(units) if units is not None else []
    index = {u: i for i, u in enumerate(order)}
    for unit in graph.nodes:
        if unit not in index:
            index[unit] = len(order)
            order.append(unit)
    every: dict[str, list[str]] = {u: [] for u in graph.nodes}
    for dependency in graph.dependencies():
        every[dependency.source_id].append(dependency.destination_id)
    sync = _dependents(graph.sync_edges(), index)
    reach = _dependents(every, index)
    fallback = {m.element_id for m in graph.workspace.failure_modes if m.fallback}
    breaks: dict[str, int] = {}
    degraded: dict[str, int] = {}
    for unit in graph.nodes:
        own = ~(1 << index[unit])
        broken = 0 if unit in fallback else sync[unit] & own
        breaks[unit] = broken
        degraded[unit] = reach[unit] & own & ~broken
    return BlastRadii(units=order, index=index, breaks=breaks, degraded=degraded)


def _dependents(edges: dict[str, list[str]], index: dict[str, int]) -> dict[str, int]:
    """For each node, the mask of the nodes from which it is reachable along ``edges`` (those
    that depend on it, directly or through others; itself when it is on a cycle)."""
    components = strongly_connected(edges)  # each after every component it reaches
    component_of = {u: n for n, members in enumerate(components) for u in members}
    predecessors: dict[str, list[str]] = {}
    for source, destinations in edges.items():
        for destination in destinations:
            predecessors.setdefault(destination, []).append(source)
    masks = [0] * len(components)
    for n in reversed(range(len(components))):  # dependents before what they depend on
        members = components[n]
        mask = 0
        for unit in members:
            for dependent in predecessors.get(unit, ()):
                other = component_of[dependent]
                if other != n:
                    mask |= masks[other] | (1 << index[dependent])
        if len(members) > 1 or any(u in edges[u] for u in members):
            for unit in members:
                mask |= 1 << index[unit]
        masks[n] = mask
    return {u: masks[component_of[u]] for u in edges}
