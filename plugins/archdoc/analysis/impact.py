"""Transitive impact: what breaks, or degrades, when an element fails."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Literal

from archdoc.analysis.graph import DependencyGraph
from archdoc.errors import ReferenceNotFound

__all__ = ["Impact", "impact_of"]


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
        raise ReferenceNotFound(f"no element with id {element_id!r}", hint=workspace.suggest(element_id))
    failing = {graph.unit[element_id]}
    if element.kind == "system":
        failing |= {graph.unit[c] for c in workspace.elements if c.startswith(element_id + ".")}
    with_fallback = {m.element_id for m in workspace.failure_modes if m.fallback}
    # A declared fallback keeps the dependents of that unit running, degraded; a system's own
    # fallback covers every one of its containers.
    cushioned = {u for u in failing if u in with_fallback} if element_id not in with_fallback \
        else set(failing)
    sync_chains = _reverse_bfs(graph, failing - cushioned, failing, sync_only=True)
    all_chains = _reverse_bfs(graph, failing, failing, sync_only=False)
    impacts = [Impact(u, "breaks", chain) for u, chain in sync_chains.items()]
    impacts += [Impact(u, "degraded", chain) for u, chain in all_chains.items() if u not in sync_chains]
    impacts.sort(key=lambda i: (i.effect != "breaks", i.distance, graph.order.get(i.element_id, 0)))
    return impacts


def _reverse_bfs(graph: DependencyGraph, sources: set[str], failing: set[str], *,
                 sync_only: bool) -> dict[str, tuple[str, ...]]:
    """Shortest chains from each dependent to one of ``sources`` (failed units are not dependents)."""
    chains: dict[str, tuple[str, ...]] = {}
    queue: deque[tuple[str, tuple[str, ...]]] = deque(
        (u, (u,)) for u in graph.sort(sources) if u in graph.graph
    )
    seen = set(failing)
    while queue:
        unit, chain = queue.popleft()
        for dependent in graph.sort(list(graph.graph.predecessors(unit))):
            if dependent in seen:
                continue
            if sync_only and not graph.is_sync(dependent, unit):
                continue
            seen.add(dependent)
            new_chain = (dependent, *chain)
            chains[dependent] = new_chain
            queue.append((dependent, new_chain))
    return chains
