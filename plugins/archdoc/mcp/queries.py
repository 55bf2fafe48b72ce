"""The answers of the MCP tools, computed from the core; nothing here knows of MCP.

Each function takes a :class:`~archdoc.mcp.live.Snapshot` and returns a record of
:mod:`archdoc.mcp.results`; an unknown id or status is a :class:`ReferenceNotFound` whose hint
names the closest ones.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from archdoc.errors import ReferenceNotFound
from archdoc.mcp.live import Snapshot
from archdoc.mcp.results import (
    DecisionInfo,
    DecisionLink,
    DecisionList,
    Dependencies,
    DependencyInfo,
    Deployment,
    ElementDetail,
    ElementMatch,
    ElementSummary,
    EventRole,
    FailureModeInfo,
    Finding,
    FindResult,
    ImpactInfo,
    ImpactResult,
    RelationshipInfo,
    ValidationResult,
    ValidationSummary,
    ViewInfo,
    ViewList,
)
from archdoc.model.elements import Element
from archdoc.model.records import Relationship
from archdoc.model.workspace import Workspace
from archdoc.source import SourceLocation

if TYPE_CHECKING:
    from archdoc.adr.records import Adr

__all__ = [
    "dependencies",
    "find_elements",
    "get_element",
    "impact",
    "list_decisions",
    "validate",
    "views",
]


# -- views -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DrawnView:
    info: ViewInfo
    element_ids: frozenset[str]
    """The model elements it draws (for a deployment view: the deployed containers)."""


def _all_views(snapshot: Snapshot) -> list[_DrawnView]:
    return snapshot.memo("views", lambda: _list_views(snapshot))


def _list_views(snapshot: Snapshot) -> list[_DrawnView]:
    """Every view of the model, as ``archdoc views`` lists them (the view index): the one place
    that knows where views come from; ``views()`` and ``get_element().views`` both read it."""
    from archdoc.views import ViewIndex

    index = ViewIndex(snapshot.project.workspace)
    drawn = []
    for summary in index.summaries():
        view = index[summary.key]
        drawn.append(_DrawnView(
            ViewInfo(key=summary.key, kind=summary.kind, title=summary.title,
                     description=view.description, elements=summary.elements,
                     relationships=summary.relationships),
            frozenset(view.element_ids)))
    return drawn


def views(snapshot: Snapshot) -> ViewList:
    return ViewList(views=[v.info for v in _all_views(snapshot)])


# -- elements --------------------------------------------------------------------------------


def _where(location: SourceLocation | None, root: Path) -> str | None:
    if location is None:
        return None
    return f"{_relative(location.file, root)}:{location.line}"


def _relative(file: str | Path, root: Path) -> str:
    file = str(file)
    if os.path.isabs(file):
        rel = os.path.relpath(file, root.resolve())
        if not rel.startswith(".."):
            file = rel
    return file.replace(os.sep, "/")


def _element(workspace: Workspace, id: str) -> Element:
    element = workspace.get(id)
    if element is None:
        hint = workspace.suggest(id)
        if not hint.startswith("did you mean"):
            hint = "find_elements looks ids up by name, technology, tag..."
        raise ReferenceNotFound(f"no element with id {id!r}", hint=hint)
    return element


def _summary(element: Element) -> dict[str, object]:
    return {
        "id": element.id, "kind": element.kind, "name": element.name,
        "description": element.description, "technology": element.technology,
        "parent": element.parent_id, "external": element.external, "tags": list(element.tags),
    }


_SELECTOR_PREFIXES = ("tag:", "kind:")


def _is_selector(term: str) -> bool:
    return (
        term.startswith(_SELECTOR_PREFIXES) or term == "external" or any(c in term for c in "*?[")
    )


def _variants(term: str) -> list[str]:
    """The word and its singular (``orders`` also finds ``Order API``)."""
    variants = [term]
    if len(term) > 3 and term.endswith("s"):
        variants.append(term[:-1])
        if term.endswith("ies"):
            variants.append(term[:-3] + "y")
        elif term.endswith("es"):
            variants.append(term[:-2])
    return variants


def _score(element: Element, term: str) -> tuple[int, list[str]]:
    """How well ``term`` (lowercase) matches the element, and the fields it was found in."""
    id, name = element.id.lower(), element.name.lower()
    last = id.rsplit(".", 1)[-1]
    fields = {
        "id": id, "name": name, "description": element.description.lower(),
        "technology": element.technology.lower(), "owner": element.owner.lower(),
        "tags": " ".join(element.tags).lower(),
        "properties": " ".join(f"{k} {v}" for k, v in element.properties.items()).lower(),
    }
    variants = _variants(term)
    matched = [field for field, text in fields.items() if any(v in text for v in variants)]
    if not matched:
        # A misspelt word still finds the element whose id or name is close to it.
        words = [w for w in re.split(r"[^a-z0-9]+", f"{id} {name}") if w]
        if difflib.get_close_matches(term, words, n=1, cutoff=0.8):
            return 5, ["name"]
        return 0, []
    if term in (id, name, last):
        best = 100
    elif any(last.startswith(v) or name.startswith(v) for v in variants):
        best = 60
    elif "id" in matched or "name" in matched:
        best = 40
    elif term in (t.lower() for t in element.tags):
        best = 30
    elif "technology" in matched:
        best = 20
    else:
        best = 10
    if not any(term in fields[f] for f in matched):
        best -= 5  # found only through the singular
    return best, matched


def find_elements(snapshot: Snapshot, query: str, limit: int = 50) -> FindResult:
    """Elements matching every word of ``query`` (case-insensitive), best first.

    A word (or its singular) is looked for in the id, name, description, technology, owner, tags
    and properties; a word found nowhere still matches an id or name close to it (a typo);
    ``tag:NAME``, ``kind:KIND``, ``external`` and id globs (``shop.*``) select instead of
    searching. An empty query lists every element in declaration order.
    """
    from archdoc.validation.patterns import matches

    workspace = snapshot.project.workspace
    terms = query.split()
    selectors = [t for t in terms if _is_selector(t)]
    words = [t.lower() for t in terms if not _is_selector(t)]
    found: list[tuple[int, int, Element, list[str]]] = []
    for order, element in enumerate(workspace.elements.values()):
        if not all(matches(element, s) for s in selectors):
            continue
        total, fields = 0, []
        for word in words:
            score, matched = _score(element, word)
            if not score:
                break
            total += score
            fields += [f for f in matched if f not in fields]
        else:
            found.append((-total, order, element, fields))
    found.sort(key=lambda f: (f[0], f[1]))
    return FindResult(
        query=query, total=len(found),
        elements=[ElementMatch(**_summary(e), matched=fields) for _, _, e, fields in found[:limit]],
    )


def _relationship(r: Relationship, root: Path) -> RelationshipInfo:
    return RelationshipInfo(
        id=r.id, source=r.source_id, destination=r.destination_id, description=r.description,
        technology=r.technology, operation=r.operation, interaction=r.interaction,
        criticality=r.criticality, access=r.access, tags=list(r.tags),
        location=_where(r.location, root),
    )


def get_element(snapshot: Snapshot, id: str) -> ElementDetail:
    """Everything the model says about one element."""
    workspace, root = snapshot.project.workspace, snapshot.root
    element = _element(workspace, id)
    out, into = workspace.relationships_of(element.id)
    roles: dict[str, list[EventRole]] = {"publishes": [], "subscribes": []}
    for name, event in workspace.events.items():
        for role, links in (("publishes", event.producers), ("subscribes", event.consumers)):
            roles[role] += [EventRole(event=name, reason=link.reason, via=link.via_id)
                            for link in links if link.element_id == element.id]
    adrs = snapshot.project.adrs
    decisions = [_decision(r, snapshot) for r in adrs.affecting(element.id)] if adrs else []
    return ElementDetail(
        **_summary(element),
        kind_label=element.kind_label, owner=element.owner, data_owner=element.data_owner_id,
        properties=dict(element.properties), location=_where(element.location, root),
        children=[ElementSummary(**_summary(c)) for c in workspace.children_of(element.id)],
        uses=[_relationship(r, root) for r in out],
        used_by=[_relationship(r, root) for r in into],
        publishes=roles["publishes"], subscribes=roles["subscribes"],
        failure_modes=[
            FailureModeInfo(impact=m.impact, mitigation=m.mitigation, fallback=m.fallback,
                            detection=m.detection, recovery=m.recovery)
            for m in workspace.failure_modes if m.element_id == element.id
        ],
        deployments=[
            Deployment(environment=i.environment_id, node=i.node_id, instances=i.instances)
            for i in workspace.instances if i.container_id == element.id
        ],
        decisions=decisions,
        views=[v.info.key for v in _all_views(snapshot) if element.id in v.element_ids],
        flows=[f.id for f in workspace.flows if element.id in f.participant_ids()],
    )


# -- analysis --------------------------------------------------------------------------------


def impact(snapshot: Snapshot, id: str, limit: int = 100) -> ImpactResult:
    """What breaks, or degrades, if the element fails (the ``limit`` nearest; the counts are
    of all)."""
    from archdoc.analysis.impact import impact_of

    workspace = snapshot.project.workspace
    element = _element(workspace, id)
    impacts = impact_of(snapshot.graph, element.id)
    rows = []
    for i in impacts[:limit]:
        affected = workspace.elements[i.element_id]
        rows.append(ImpactInfo(element=i.element_id, name=affected.name, kind=affected.kind,
                               effect=i.effect, distance=i.distance, chain=list(i.chain)))
    breaks = sum(i.effect == "breaks" for i in impacts)
    return ImpactResult(element=element.id, name=element.name, breaks=breaks,
                        degraded=len(impacts) - breaks, impacts=rows)


def dependencies(snapshot: Snapshot, id: str) -> Dependencies:
    """The direct dependencies of the element's units, both ways, across its boundary."""
    workspace, graph = snapshot.project.workspace, snapshot.graph
    element = _element(workspace, id)
    inside = [element.id, *(e for e in workspace.elements if e.startswith(element.id + "."))]
    units = list(dict.fromkeys(graph.unit[e] for e in inside if graph.unit.get(e) in graph.nodes))
    own = set(units)

    def info(dep) -> DependencyInfo:  # type: ignore[no-untyped-def]
        return DependencyInfo(
            source=dep.source_id, destination=dep.destination_id, interaction=dep.interaction,
            criticality=dep.criticality, implied=dep.implied, owns_data=dep.owns,
            operations=dep.operations, descriptions=dep.descriptions,
            technologies=dep.technologies, events=list(dep.events),
        )

    return Dependencies(
        element=element.id, name=element.name, units=units,
        depends_on=[info(d) for u in units for d in graph.dependencies_of(u)
                    if d.destination_id not in own],
        depended_on_by=[info(d) for u in units for d in graph.dependents_of(u)
                        if d.source_id not in own],
    )


# -- decisions -------------------------------------------------------------------------------


def _decision(record: Adr, snapshot: Snapshot) -> DecisionInfo:
    adrs = snapshot.project.adrs
    assert adrs is not None
    return DecisionInfo(
        number=record.number, id=record.id, title=record.title, status=record.status,
        date=record.date.isoformat() if record.date else None, affects=list(record.affects),
        tags=list(record.tags), deciders=list(record.deciders),
        links=[DecisionLink(kind=lk.kind, target=lk.target) for lk in adrs.links(record.number)],
        file=_relative(record.file, snapshot.root),
    )


def list_decisions(
    snapshot: Snapshot, element_id: str | None = None, status: str | None = None
) -> DecisionList:
    """The decision log, optionally only the records affecting an element (or anything inside
    it) and only those of one status."""
    from archdoc.adr import normalise_status

    adrs = snapshot.project.adrs
    records = list(adrs) if adrs else []
    if element_id is not None:
        element = _element(snapshot.project.workspace, element_id)
        records = [r for r in records
                   if any(a == element.id or a.startswith(element.id + ".") for a in r.affects)]
    if status is not None:
        wanted = normalise_status(status)
        known = list(dict.fromkeys([*(adrs.lifecycle.statuses if adrs else ()),
                                    *(r.status for r in adrs or [])]))
        if wanted not in known:
            raise ReferenceNotFound(f"no ADR status {status!r}",
                                    hint="statuses: " + ", ".join(known))
        records = [r for r in records if r.status == wanted]
    return DecisionList(decisions=[_decision(r, snapshot) for r in records])


# -- validation ------------------------------------------------------------------------------


def validate(snapshot: Snapshot) -> ValidationResult:
    """Every finding of ``archdoc validate`` on the project as it is now."""
    from archdoc.project import validate_project

    findings = [
        Finding(rule=d.rule, severity=d.severity, message=d.message, hint=d.hint,
                file=_relative(d.location.file, snapshot.root) if d.location else None,
                line=d.location.line if d.location else None, subject=d.subject)
        for d in validate_project(snapshot.project)
    ]
    errors = sum(f.severity == "error" for f in findings)
    return ValidationResult(
        diagnostics=findings,
        summary=ValidationSummary(errors=errors, warnings=len(findings) - errors),
    )
