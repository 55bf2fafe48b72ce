"""Every view of a model by key, computed on first use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from archdoc.model.workspace import Workspace
from archdoc.views.computed import AnyView, ComputedView, DeploymentView, SequenceView
from archdoc.views.deployment import compute_deployment
from archdoc.views.dynamic import compute_flow
from archdoc.views.relationships import RelationshipIndex
from archdoc.views.spec import ViewSpec, static_specs
from archdoc.views.static import compute_static
from archdoc.views.styles import StyleSheet

__all__ = ["ViewIndex", "ViewSummary", "KEY_KINDS"]

KEY_KINDS = ("landscape", "context", "containers", "components", "neighbourhood", "view",
             "flow", "deployment")
"""The kinds of view key: ``kind:argument`` (``landscape`` has no argument)."""


@dataclass(frozen=True)
class ViewSummary:
    """A line of ``archdoc views``."""

    key: str
    title: str
    kind: str
    elements: int
    relationships: int


class ViewIndex:
    """The views of a workspace: built-in ones, the user's (``ws.view``), flows, deployments.

    ``index[key]`` computes a view the first time it is asked for; ``keys()`` lists every key
    in a stable order.
    """

    def __init__(self, workspace: Workspace, *, direction: str = "TB") -> None:
        self.workspace = workspace
        self.direction = direction
        self._computed: dict[str, AnyView] = {}

    @cached_property
    def relationships(self) -> RelationshipIndex:
        return RelationshipIndex(self.workspace)

    @cached_property
    def styles(self) -> StyleSheet:
        return StyleSheet(self.workspace.styles)

    @cached_property
    def specs(self) -> dict[str, ViewSpec]:
        return {spec.key: spec for spec in static_specs(self.workspace)}

    @cached_property
    def _order(self) -> list[str]:
        ws = self.workspace
        keys = list(self.specs)
        keys += [f"flow:{f.id}" for f in ws.flows]
        keys += [f"deployment:{e.id}" for e in ws.environments]
        return keys

    def keys(self) -> list[str]:
        return list(self._order)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in set(self._order)

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def get(self, key: str) -> AnyView | None:
        if key in self._computed:
            return self._computed[key]
        view = self._compute(key)
        if view is not None:
            self._computed[key] = view
        return view

    def __getitem__(self, key: str) -> AnyView:
        view = self.get(key)
        if view is None:
            raise KeyError(key)
        return view

    def static(self, key: str) -> ComputedView | None:
        view = self.get(key)
        return view if isinstance(view, ComputedView) else None

    def _compute(self, key: str) -> AnyView | None:
        spec = self.specs.get(key)
        if spec is not None:
            return compute_static(self.workspace, spec, self.relationships, self.styles,
                                  direction=self.direction)
        kind, _, argument = key.partition(":")
        if kind == "flow":
            flow = next((f for f in self.workspace.flows if f.id == argument), None)
            return None if flow is None else compute_flow(self.workspace, flow, self.styles)
        if kind == "deployment":
            env = next((e for e in self.workspace.environments if e.id == argument), None)
            return None if env is None else compute_deployment(
                self.workspace, env, self.relationships, self.styles)
        return None

    def summaries(self) -> list[ViewSummary]:
        """Key, title, kind and size of every view."""
        out = []
        for key in self._order:
            view = self[key]
            if isinstance(view, ComputedView):
                out.append(ViewSummary(key, view.title, key.partition(":")[0], len(view.nodes),
                                       len(view.edges)))
            elif isinstance(view, SequenceView):
                out.append(ViewSummary(key, view.title, "flow", len(view.participants),
                                       len(view.relationship_pairs())))
            elif isinstance(view, DeploymentView):
                out.append(ViewSummary(key, view.title, "deployment", len(view.drawn_ids()),
                                       len(view.relationship_pairs())))
        return out
