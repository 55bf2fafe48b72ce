"""Everything page builders read, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archdoc.analysis.data import DatastoreOwnership, data_ownership
from archdoc.analysis.graph import DependencyGraph, descendants
from archdoc.analysis.impact import (
    BlastRadii,
    Impact,
    NearestImpacts,
    blast_radii,
    impact_of,
    nearest_impacts,
)
from archdoc.analysis.structure import critical_paths
from archdoc.model.elements import Element
from archdoc.model.flows import Flow
from archdoc.model.records import EventLink, FailureMode, Relationship
from archdoc.model.workspace import Workspace
from archdoc.site.layout import Layout
from archdoc.validation.diagnostics import Diagnostic
from archdoc.site.diagrams import DiagramSettings, Drawing
from archdoc.views.index import ViewIndex

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog
    from archdoc.adr.records import Adr

__all__ = ["SiteContext"]


@dataclass
class SiteContext:
    """The project as the site sees it, with indexes so that each page is cheap to build."""

    workspace: Workspace
    layout: Layout = field(default_factory=Layout)
    adrs: AdrLog | None = None
    """The ADR log, or None."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    """Diagram options (``direction``, ``deployment``)."""
    assets: dict[str, str] = field(default_factory=dict)
    """Files other than pages made while rendering (deployment SVGs), by path below the site."""
    notices: list[str] = field(default_factory=list)
    """Things the reader of the build log should know, each said once."""
    drift: Any = None
    """The model compared with observed dependencies (``archdoc.drift.DriftReport``), or None."""
    model_dir: Path | None = None
    """The model package's directory (or module): the "Architecture changes" page lists the
    commits that changed it and the ADR directory; None: no such page."""
    _link_targets: dict[str, tuple[str, str]] = field(default_factory=dict, init=False,
                                                      repr=False)
    """Each linked element's name (as Markdown text) and page, made once."""

    def notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)

    @cached_property
    def graph(self) -> DependencyGraph:
        return DependencyGraph(self.workspace)

    @cached_property
    def data_ownership(self) -> list[DatastoreOwnership]:
        """Each datastore's owner, writers and readers (what the validation rules check)."""
        return data_ownership(self.graph)

    @cached_property
    def views(self) -> ViewIndex:
        """Every view of the model by key, computed when first drawn."""
        return ViewIndex(self.workspace, direction=str(self.options.get("direction", "TB")))

    @cached_property
    def drawing(self) -> Drawing:
        """Draws views on pages (Graphviz, Mermaid); :meth:`close` ends its Graphviz process."""
        known = {k: self.options[k] for k in ("engine", "deployment", "max_view_elements",
                                              "max_view_relationships") if k in self.options}
        return Drawing(DiagramSettings(**known), notice=self.notice)

    def close(self) -> None:
        """Release what drawing held (the Graphviz process)."""
        if "drawing" in self.__dict__:
            self.drawing.close()

    @cached_property
    def _relationships(self) -> tuple[dict[str, list[Relationship]], dict[str, list[Relationship]]]:
        out: dict[str, list[Relationship]] = {}
        into: dict[str, list[Relationship]] = {}
        for r in self.workspace.relationships:
            out.setdefault(r.source_id, []).append(r)
            into.setdefault(r.destination_id, []).append(r)
        return out, into

    def outgoing(self, id: str) -> list[Relationship]:
        return self._relationships[0].get(id, [])

    def incoming(self, id: str) -> list[Relationship]:
        return self._relationships[1].get(id, [])

    @cached_property
    def _flows_by_element(self) -> dict[str, list[Flow]]:
        index: dict[str, list[Flow]] = {}
        for flow in self.workspace.flows:
            for id in flow.participant_ids():
                index.setdefault(id, []).append(flow)
        return index

    def flows_of(self, element: Element) -> list[Flow]:
        """Flows the element, or anything inside it, takes part in."""
        found: dict[str, Flow] = {}
        prefix = element.id + "."
        for id, flows in self._flows_by_element.items():
            if id == element.id or id.startswith(prefix):
                for f in flows:
                    found.setdefault(f.id, f)
        order = {f.id: i for i, f in enumerate(self.workspace.flows)}
        return sorted(found.values(), key=lambda f: order[f.id])

    @cached_property
    def _events_by_element(self) -> dict[str, list[tuple[str, str, EventLink]]]:
        index: dict[str, list[tuple[str, str, EventLink]]] = {}
        for name, event in self.workspace.events.items():
            for link in event.producers:
                index.setdefault(link.element_id, []).append((name, "publishes", link))
            for link in event.consumers:
                index.setdefault(link.element_id, []).append((name, "consumes", link))
        return index

    def events_of(self, id: str) -> list[tuple[str, str, EventLink]]:
        return self._events_by_element.get(id, [])

    @cached_property
    def _owned(self) -> dict[str, list[Element]]:
        owned: dict[str, list[Element]] = {}
        for element in self.workspace.elements.values():
            if element.data_owner_id is not None:
                owned.setdefault(element.data_owner_id, []).append(element)
        return owned

    def owned_by(self, id: str) -> list[Element]:
        """The datastores whose data ``id`` owns, in declaration order."""
        return self._owned.get(id, [])

    def descendants(self, id: str) -> list[str]:
        """The ids of every element inside ``id``, in declaration order."""
        return sorted(descendants(self.workspace, id), key=self.graph.order.__getitem__)

    @cached_property
    def _failure_modes(self) -> dict[str, list[FailureMode]]:
        index: dict[str, list[FailureMode]] = {}
        for mode in self.workspace.failure_modes:
            index.setdefault(mode.element_id, []).append(mode)
        return index

    def failure_modes_of(self, id: str) -> list[FailureMode]:
        return self._failure_modes.get(id, [])

    def impact(self, id: str) -> list[Impact]:
        cache = self.__dict__.setdefault("_impact_cache", {})
        if id not in cache:
            cache[id] = impact_of(self.graph, id)
        return cache[id]  # type: ignore[no-any-return]

    @cached_property
    def blast_radii(self) -> BlastRadii:
        """What breaks and degrades when each unit fails, for every unit in one pass."""
        return blast_radii(self.graph)

    def nearest_impacts(self, id: str, limit: int) -> NearestImpacts:
        """The first ``limit`` rows of :meth:`impact` with the counts of all (a unit's rows
        are walked only that far)."""
        return nearest_impacts(self.graph, id, limit, self.blast_radii)

    @cached_property
    def critical_paths(self) -> list[list[str]]:
        return critical_paths(self.graph)

    @cached_property
    def _adrs_by_element(self) -> dict[str, list[Adr]]:
        index: dict[str, list[Adr]] = {}
        for record in self.adr_records():
            for id in record.affects:
                index.setdefault(id, []).append(record)
        return index

    def adr_records(self) -> list[Adr]:
        """Every record of the decision log, by number (none without a log)."""
        return [] if self.adrs is None else list(self.adrs.records)

    def decisions_for(self, id: str) -> list[Adr]:
        return self._adrs_by_element.get(id, [])

    # -- naming and linking --------------------------------------------------------------------
    def element_link(self, page: str, id: str) -> str:
        """``[Name](relative.md)`` for an element id (plain text when unknown)."""
        target = self._link_targets.get(id)
        if target is None:
            from archdoc.render.text import md_text

            element = self.workspace.elements.get(id)
            if element is None:
                return md_text(id)
            target = self._link_targets[id] = (md_text(element.name), self.layout.element(id))
        return f"[{target[0]}]({self.layout.md_link(page, target[1])})"


    def name(self, id: str) -> str:
        element = self.workspace.elements.get(id)
        return element.name if element else id
