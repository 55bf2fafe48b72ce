"""The model against what runs: each dependency declared and seen, declared and never seen, or
seen and not declared.

Both sides are compared at the level of the dependency analysis: *units* (containers,
databases, queues, people, systems without containers). A call observed between two services
counts against the units of the elements they map to, so a relationship declared between
components, or on a whole system, counts for the call (implied relationships are declared).
An observed call is also declared when the model routes it:

- through a gateway or proxy that no source observes (``web -> gateway -> orders`` in the model,
  ``web -> orders`` in the traces, the gateway not being traced);
- as an event, when the client publishes what the server consumes (a messaging system's
  producer and consumer), or through a queue both use;
- through an observed service that matches no element (``web -> mesh-proxy -> orders``):
  the declared ``web -> orders`` is then seen.

A declared dependency is judged only when it is synchronous and both its ends are observed:
an asynchronous one, or one with an end no source shows, is listed as not judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from archdoc.analysis.graph import Dependency, DependencyGraph
from archdoc.drift.mapping import Match, ServiceMap, role_of
from archdoc.drift.observed import ObservedPair, Observations, ObservedSource, SourceKind
from archdoc.model.workspace import Workspace

__all__ = ["DriftEdge", "DriftReport", "DriftStatus", "Evidence", "UnmappedService", "calls_text",
           "compare", "seen_in"]

DriftStatus = Literal["seen", "unseen", "undeclared", "unjudged"]
"""``seen``: declared and observed; ``unseen``: declared (synchronous, both ends observed) and
never observed; ``undeclared``: observed and not declared; ``unjudged``: declared, and no
source could have shown it."""

_PRECEDENCE: dict[str, int] = {"undeclared": 0, "unseen": 1, "seen": 2, "unjudged": 3}


@dataclass(frozen=True)
class Evidence:
    """An observed pair that shows a dependency, and how."""

    pair: ObservedPair
    via: str = ""
    """The element (a gateway, a queue) or the unmapped service the call went through, if any."""
    how: Literal["direct", "gateway", "event", "queue", "unmapped"] = "direct"


@dataclass
class DriftEdge:
    """One dependency between two units, with its drift status."""

    source_id: str
    destination_id: str
    status: DriftStatus
    dependency: Dependency | None = None
    """The model's dependency (None for an undeclared one)."""
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def calls(self) -> int | None:
        """Calls counted by the observed pairs behind it (None when no source counts them)."""
        counts = [e.pair.calls for e in self.evidence if e.pair.calls is not None]
        return sum(counts) if counts else None

    @property
    def sources(self) -> list[ObservedSource]:
        """Where it was seen: the first record of each file."""
        found: dict[tuple[str, int, str], ObservedSource] = {}
        for e in self.evidence:
            for s in e.pair.sources:
                found.setdefault((s.file, s.line, s.path), s)
        return list(found.values())


@dataclass
class UnmappedService:
    """An observed service that matches no element."""

    name: str
    source: ObservedSource
    calls: int | None
    """Calls in and out of it, as counted by the sources (None when none counts)."""
    match: Match
    """The failed look-up: candidates when ambiguous, else the closest ids."""


@dataclass
class DriftReport:
    """The comparison: every dependency with its status, the services that match nothing, and
    how every observed name was mapped. :meth:`lifted_status` is what a diagram draws."""

    edges: list[DriftEdge]
    unmapped: list[UnmappedService]
    matches: list[Match]
    """Every observed name that was looked up, in the order the sources show them."""
    observed_units: set[str]
    """Units some observed service maps to."""
    files: list[tuple[SourceKind, str]]
    min_calls: int = 0
    ignored_pairs: int = 0
    """Observed pairs left out for having fewer than ``min_calls`` calls."""

    def with_status(self, status: DriftStatus) -> list[DriftEdge]:
        return [e for e in self.edges if e.status == status]

    def lifted_status(self, workspace: Workspace,
                      drawn: Iterable[str]) -> dict[tuple[str, str], DriftStatus]:
        """The status of each edge between ``drawn`` elements (a view's), every unit edge lifted
        to the closest drawn element at each end; where several lift to one, the most telling
        wins: undeclared, then unseen, then seen, then unjudged."""
        allowed = set(drawn)
        out: dict[tuple[str, str], DriftStatus] = {}
        for edge in self.edges:
            source = workspace.nearest(edge.source_id, allowed)
            destination = workspace.nearest(edge.destination_id, allowed)
            if source is None or destination is None or source == destination:
                continue
            key = (source, destination)
            if key not in out or _PRECEDENCE[edge.status] < _PRECEDENCE[out[key]]:
                out[key] = edge.status
        return out


def compare(workspace: Workspace, observed: Observations, *, min_calls: int = 0,
            graph: DependencyGraph | None = None) -> DriftReport:
    """Compare the model's dependencies with the observations (pairs below ``min_calls`` left
    out)."""
    return _Comparison(workspace, observed, min_calls, graph or DependencyGraph(workspace)).run()


class _Comparison:
    def __init__(self, workspace: Workspace, observed: Observations, min_calls: int,
                 graph: DependencyGraph) -> None:
        self.ws, self.observed, self.min_calls, self.graph = workspace, observed, min_calls, graph
        self.names = ServiceMap(workspace)
        self.declared: dict[tuple[str, str], Dependency] = {
            (d.source_id, d.destination_id): d for d in graph.dependencies()}
        self.seen: dict[tuple[str, str], list[Evidence]] = {}
        self.undeclared: dict[tuple[str, str], list[Evidence]] = {}
        self.out: dict[str, list[str]] = {}
        for source, destination in self.declared:
            self.out.setdefault(source, []).append(destination)

    # -- mapping ------------------------------------------------------------------------------

    def unit(self, match: Match) -> str | None:
        if match.element_id is None:
            return None
        return self.graph.unit.get(match.element_id, match.element_id)

    def run(self) -> DriftReport:
        pairs = [p for p in self.observed.pairs.values()
                 if p.calls is None or p.calls >= self.min_calls]
        ignored = len(self.observed.pairs) - len(pairs)
        matches: dict[tuple[str, str], Match] = {}

        def look_up(name: str, role: str) -> Match:
            key = (name, role)
            if key not in matches:
                matches[key] = self.names.match(name, role)  # type: ignore[arg-type]
            return matches[key]

        ends: list[tuple[ObservedPair, Match, Match]] = []
        for pair in pairs:
            client = look_up(pair.client, "service")
            server = look_up(pair.server, role_of(pair.connection_type, server=True))
            ends.append((pair, client, server))
        for name in self.observed.standalone:
            look_up(name, "service")
        self.observed_units = {u for m in matches.values() if (u := self.unit(m)) is not None}
        self.kinds: dict[str, set[str]] = {}
        """The kinds of source that show each unit."""
        for pair, client, server in ends:
            for match in (client, server):
                if (u := self.unit(match)) is not None:
                    self.kinds.setdefault(u, set()).update(s.kind for s in pair.sources)
        for name in self.observed.standalone:
            if (u := self.unit(look_up(name, "service"))) is not None:
                self.kinds.setdefault(u, set()).add(self.observed.services[name].kind)

        through_unmapped: dict[
            str, tuple[list[tuple[str, ObservedPair]], list[tuple[str, ObservedPair]]]
        ] = {}
        for pair, client, server in ends:
            cu, su = self.unit(client), self.unit(server)
            if cu is None or su is None:
                if cu is not None and su is None:
                    through_unmapped.setdefault(server.name, ([], []))[0].append((cu, pair))
                elif su is not None and cu is None:
                    through_unmapped.setdefault(client.name, ([], []))[1].append((su, pair))
                continue
            if cu == su:
                continue  # inside one unit
            self._place(pair, cu, su)
        self._through_unmapped(through_unmapped)
        return DriftReport(
            edges=self._edges(), unmapped=self._unmapped(ends, matches),
            matches=list(matches.values()), observed_units=self.observed_units,
            files=list(self.observed.files), min_calls=self.min_calls, ignored_pairs=ignored)

    # -- declared or not ------------------------------------------------------------------------

    def _levels(self, unit: str) -> list[str]:
        """The unit, then its ancestors, then (for a system) the units inside it."""
        levels = [unit]
        element = self.ws.elements.get(unit)
        if element is None:
            return levels
        levels += [a.id for a in element.ancestors()]
        if element.kind == "system":
            prefix = unit + "."
            levels += [u for u in self.graph.nodes if u.startswith(prefix)]
        return levels

    def _declares_call(self, source: str, destination: str) -> bool:
        dep = self.declared.get((source, destination))
        return dep is not None and (bool(dep.relationships) or dep.owns)

    def _place(self, pair: ObservedPair, cu: str, su: str) -> None:
        for source in self._levels(cu):
            for destination in self._levels(su):
                if self._declares_call(source, destination):
                    self._see((source, destination), Evidence(pair))
                    return
        consumer = self.declared.get((su, cu))
        if consumer is not None and consumer.events:  # the server consumes the client's events
            self._see((su, cu), Evidence(pair, how="event"))
            return
        for middle in self.out.get(cu, []):
            element = self.ws.elements.get(middle)
            if element is None or middle == su:
                continue
            if element.kind == "queue" and self._declares_call(su, middle) \
                    and self._declares_call(cu, middle):
                self._see((cu, middle), Evidence(pair, middle, "queue"))
                self._see((su, middle), Evidence(pair, middle, "queue"))
                return
            if self._transparent(middle, pair) and self._declares_call(cu, middle) \
                    and self._declares_call(middle, su):
                self._see((cu, middle), Evidence(pair, middle, "gateway"))
                self._see((middle, su), Evidence(pair, middle, "gateway"))
                return
        self.undeclared.setdefault((cu, su), []).append(Evidence(pair))

    def _transparent(self, unit: str, pair: ObservedPair) -> bool:
        """No source that shows the pair shows ``unit``: a call through it would look direct."""
        return not (self.kinds.get(unit, set()) & {s.kind for s in pair.sources})

    def _see(self, key: tuple[str, str], evidence: Evidence) -> None:
        self.seen.setdefault(key, []).append(evidence)

    def _through_unmapped(
        self,
        through: dict[str, tuple[list[tuple[str, ObservedPair]], list[tuple[str, ObservedPair]]]],
    ) -> None:
        """A declared dependency seen as two calls through a service that maps to nothing."""
        for name, (callers, callees) in through.items():
            for cu, first in callers:
                for su, second in callees:
                    if cu != su and self._declares_call(cu, su):
                        self._see((cu, su), Evidence(first, name, "unmapped"))
                        self._see((cu, su), Evidence(second, name, "unmapped"))

    # -- the result ---------------------------------------------------------------------------

    def _edges(self) -> list[DriftEdge]:
        edges = []
        for key, dep in self.declared.items():
            evidence = _unique(self.seen.get(key, []))
            if evidence:
                status: DriftStatus = "seen"
            elif (dep.relationships or dep.owns) and dep.interaction == "sync" \
                    and key[0] in self.observed_units and key[1] in self.observed_units:
                status = "unseen"
            else:
                status = "unjudged"
            edges.append(DriftEdge(key[0], key[1], status, dep, evidence))
        order = self.graph.order
        for key in sorted(self.undeclared, key=lambda k: (order.get(k[0], 0), order.get(k[1], 0))):
            edges.append(
                DriftEdge(key[0], key[1], "undeclared", None, _unique(self.undeclared[key]))
            )
        return edges

    def _unmapped(self, ends: list[tuple[ObservedPair, Match, Match]],
                  matches: dict[tuple[str, str], Match]) -> list[UnmappedService]:
        calls: dict[str, int | None] = {}
        for pair, client, server in ends:
            for match in (client, server):
                if match.element_id is None:
                    before = calls.get(match.name)
                    if pair.calls is not None:
                        calls[match.name] = (before or 0) + pair.calls
                    else:
                        calls.setdefault(match.name, before)
        found: dict[str, UnmappedService] = {}
        for match in matches.values():
            if match.element_id is None and match.name not in found:
                source = self.observed.services[match.name]
                found[match.name] = UnmappedService(
                    match.name, source, calls.get(match.name), match
                )
        return list(found.values())


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[tuple[str, str, str], str]] = set()
    out = []
    for e in evidence:
        key = (e.pair.key, e.via)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def calls_text(calls: int | None) -> str:
    """``1,204 calls``, ``1 call``; ``""`` when nothing counted them."""
    if calls is None:
        return ""
    return f"{calls:,} call{'s' * (calls != 1)}"


def seen_in(edge: DriftEdge) -> str:
    """Where an edge was observed: the first source, and how many more."""
    sources = edge.sources
    if not sources:
        return ""
    more = f" and {len(sources) - 1} more" if len(sources) > 1 else ""
    return f"{sources[0]}{more}"
