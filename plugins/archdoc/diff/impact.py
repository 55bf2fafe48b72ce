"""The impact of a change: what it does to the dependency graph.

- the dependencies between units (containers, databases, queues, people, systems without
  containers) that appeared, went, or changed interaction or criticality;
- for each of them, the units whose blast radius (what breaks or degrades if it fails) changed,
  and the critical paths through it that appeared or went;
- synchronous cycles that the change creates or resolves;
- steps of flows that ran over a relationship the change removes.
"""

from __future__ import annotations

from archdoc.analysis.graph import Dependency, DependencyGraph
from archdoc.analysis.impact import BlastRadii, blast_radii
from archdoc.analysis.structure import sync_cycles
from archdoc.diff.document import (
    BlastRadiusChange,
    CycleChanges,
    DependencyChange,
    DiffDocument,
    FieldChange,
    FlowOverRemoved,
    IdsChange,
    Impact,
    Interaction,
    PathsChange,
)
from archdoc.diff.rebuild import workspace_from_export
from archdoc.diff.snapshot import Snapshot
from archdoc.model.workspace import Workspace

__all__ = ["change_impact", "paths_through"]


def change_impact(base: Snapshot, head: Snapshot, document: DiffDocument) -> Impact:
    """The impact of going from ``base`` to ``head`` (``document`` holds their differences)."""
    old_ws, new_ws = workspace_from_export(base.export), workspace_from_export(head.export)
    old, new = DependencyGraph(old_ws), DependencyGraph(new_ws)
    dependencies = _dependency_changes(old, new)
    units = list(dict.fromkeys([*new.nodes, *old.nodes]))
    old_radii, new_radii = blast_radii(old, units), blast_radii(new, units)
    radius = _blast_radius_changes(old, new, old_radii, new_radii, dependencies)
    old_critical, new_critical = _critical(old), _critical(new)
    paths = PathsChange()
    for change in dependencies:
        change.blast_radius = [r.element for r in radius if _key(change) in r.because]
        before = paths_through(old_critical, change.source, change.destination)
        after = paths_through(new_critical, change.source, change.destination)
        change.critical_paths = PathsChange(added=[list(p) for p in after if p not in before],
                                            removed=[list(p) for p in before if p not in after])
        paths.added += [p for p in change.critical_paths.added if p not in paths.added]
        paths.removed += [p for p in change.critical_paths.removed if p not in paths.removed]
    return Impact(
        dependencies=dependencies,
        blast_radius=radius,
        critical_paths=paths,
        sync_cycles=_cycles(old, new),
        flows=_flows_over_removed(old_ws, new_ws, document),
    )


# -- critical paths -------------------------------------------------------------------------------

PATH_LIMIT = 50
"""Critical paths through one dependency, at most, on each side."""

Adjacency = tuple[dict[str, list[str]], dict[str, list[str]]]


def _critical(graph: DependencyGraph) -> Adjacency:
    """Successors and predecessors along ``critical`` dependencies, in declaration order."""
    successors: dict[str, list[str]] = {}
    predecessors: dict[str, list[str]] = {}
    for d in graph.dependencies():
        if d.criticality == "critical":
            successors.setdefault(d.source_id, []).append(d.destination_id)
            predecessors.setdefault(d.destination_id, []).append(d.source_id)
    return successors, predecessors


def _chains(start: str, following: dict[str, list[str]], limit: int) -> list[list[str]]:
    """Maximal chains from ``start`` along ``following`` that visit no unit twice."""
    chains: list[list[str]] = []
    stack = [[start]]
    while stack and len(chains) < limit:
        path = stack.pop()
        options = [n for n in following.get(path[-1], []) if n not in path]
        if not options:
            chains.append(path)
        stack.extend([*path, n] for n in reversed(options))
    return chains


def paths_through(critical: Adjacency, source: str, destination: str,
                  limit: int = PATH_LIMIT) -> list[tuple[str, ...]]:
    """The critical paths (maximal chains of critical dependencies, as the site lists them)
    that run through ``source -> destination``."""
    successors, predecessors = critical
    if destination not in successors.get(source, []):
        return []
    found: list[tuple[str, ...]] = []
    for back in _chains(source, predecessors, limit):
        for forward in _chains(destination, successors, limit):
            path = (*reversed(back), *forward)
            if len(set(path)) == len(path) and path not in found:
                found.append(path)
                if len(found) >= limit:
                    return found
    return found


def _key(change: DependencyChange) -> str:
    return f"{change.source}->{change.destination}"


def _interaction(dependency: Dependency) -> Interaction:
    return Interaction(interaction=dependency.interaction, criticality=dependency.criticality)


def _dependency_changes(old: DependencyGraph, new: DependencyGraph) -> list[DependencyChange]:
    before = {(d.source_id, d.destination_id): d for d in old.dependencies()}
    after = {(d.source_id, d.destination_id): d for d in new.dependencies()}
    found = []
    for key, dependency in after.items():
        previous = before.get(key)
        if previous is None:
            found.append(DependencyChange(source=key[0], destination=key[1], change="added",
                                          to=_interaction(dependency)))
        elif (previous.interaction, previous.criticality) != (
            dependency.interaction,
            dependency.criticality,
        ):
            found.append(
                DependencyChange(
                    source=key[0],
                    destination=key[1],
                    change="changed",
                    from_=_interaction(previous),
                    to=_interaction(dependency),
                )
            )
    for key, dependency in before.items():
        if key not in after:
            found.append(DependencyChange(source=key[0], destination=key[1], change="removed",
                                          from_=_interaction(dependency)))
    return found


def _blast_radius_changes(
    old: DependencyGraph, new: DependencyGraph, old_radii: BlastRadii, new_radii: BlastRadii,
    dependencies: list[DependencyChange],
) -> list[BlastRadiusChange]:
    """Units of both sides whose breaks or degraded sets differ, each with the changed
    dependencies behind it: a dependency ``s -> d`` (added, removed, or whose interaction
    changed) explains a change of ``x``'s blast radius when ``d`` is ``x`` or depends on it, and
    what entered or left the blast radius is ``s`` or depends on ``s``."""
    index = new_radii.index

    def upstream(radii: BlastRadii, unit: str) -> int:
        """The unit and everything that depends on it, on one side."""
        return radii.breaks.get(unit, 0) | radii.degraded.get(unit, 0) | (1 << index[unit])

    relevant = [
        c
        for c in dependencies
        if c.change != "changed"
        or (c.from_ is not None and c.to is not None and c.from_.interaction != c.to.interaction)
    ]
    # For each: its destination's bit, and the mask of its source and what depends on the source.
    reach = []
    for c in relevant:
        sides = ([old_radii] if c.change == "removed" else [new_radii] if c.change == "added"
                 else [old_radii, new_radii])
        source = 0
        for r in sides:
            source |= upstream(r, c.source)
        reach.append((c, 1 << index[c.destination], source))
    old_fallback = {m.element_id for m in old.workspace.failure_modes if m.fallback}
    new_fallback = {m.element_id for m in new.workspace.failure_modes if m.fallback}
    found = []
    for unit in new.nodes:
        if unit not in old.nodes:
            continue
        ob, nb = old_radii.breaks[unit], new_radii.breaks[unit]
        od, nd = old_radii.degraded[unit], new_radii.degraded[unit]
        if ob == nb and od == nd:
            continue
        reaching = ob | od | nb | nd
        moved = (ob ^ nb) | (od ^ nd)
        because = [_key(c) for c, destination, source in reach
                   if (c.destination == unit or reaching & destination) and moved & source]
        fallback = None
        if (unit in old_fallback) != (unit in new_fallback):
            fallback = FieldChange(from_=unit in old_fallback, to=unit in new_fallback)
        found.append(BlastRadiusChange(
            element=unit,
            breaks=IdsChange(added=new_radii.ids(nb & ~ob), removed=new_radii.ids(ob & ~nb)),
            degraded=IdsChange(added=new_radii.ids(nd & ~od), removed=new_radii.ids(od & ~nd)),
            because=because, fallback=fallback,
        ))
    return found


def _cycles(old: DependencyGraph, new: DependencyGraph) -> CycleChanges:
    before = sync_cycles(old)
    after = sync_cycles(new)
    old_sets = {frozenset(c) for c in before}
    new_sets = {frozenset(c) for c in after}
    return CycleChanges(new=[c for c in after if frozenset(c) not in old_sets],
                        resolved=[c for c in before if frozenset(c) not in new_sets])


def _flows_over_removed(
    old: Workspace, new: Workspace, document: DiffDocument
) -> list[FlowOverRemoved]:
    """Steps of HEAD's flows between elements that a removed relationship connected (the
    relationship itself, or one between their parents or children, in either direction)."""
    removed = document.relationships.removed
    if not removed or not new.flows:
        return []

    def chain(id: str) -> list[str]:
        found = []
        current: str | None = id
        while current is not None and current not in found:
            found.append(current)
            element = new.elements.get(current) or old.elements.get(current)
            current = element.parent_id if element is not None else None
        return found

    def backs(source: str, destination: str, s: str, d: str) -> bool:
        return ((source in chain(s) and destination in chain(d))
                or (s in chain(source) and d in chain(destination)))

    found: list[FlowOverRemoved] = []
    for flow in new.flows:
        for message in flow.messages():
            s, d = message.source_id, message.destination_id
            for r in removed:
                if backs(r.source, r.destination, s, d) or backs(r.source, r.destination, d, s):
                    entry = FlowOverRemoved(flow=flow.id, name=flow.name, source=s, destination=d,
                                            relationship=r.id)
                    if entry not in found:
                        found.append(entry)
    return found
