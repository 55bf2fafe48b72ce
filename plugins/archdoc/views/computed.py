"""Computed views: what a renderer draws, resolved from a view specification and the model.

A renderer (Mermaid, Graphviz, an export format) is a pure function of one of these: it never
looks at the workspace again. Every name, kind, technology, boundary, group and style a diagram
shows is here, in drawing order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from archdoc.analysis.graph import combined_interaction, highest_criticality
from archdoc.model.elements import KIND_LABELS
from archdoc.model.flows import FlowItem
from archdoc.model.records import Relationship
from archdoc.source import SourceLocation

__all__ = [
    "NodeStyle",
    "EdgeStyle",
    "ViewNode",
    "ViewBoundary",
    "ViewEdge",
    "ComputedView",
    "Participant",
    "SequenceView",
    "DeploymentBox",
    "DeployedContainer",
    "DeploymentEdge",
    "DeploymentView",
    "AnyView",
    "StaticKind",
]

StaticKind = Literal["landscape", "context", "containers", "components", "neighbourhood", "custom"]


@dataclass(frozen=True)
class NodeStyle:
    """How a box is drawn: colours as hex, a shape, a border line."""

    fill: str
    border: str
    text: str
    shape: str
    """box, rounded, cylinder, person, queue, hexagon, component, folder."""
    line: str = "solid"
    width: int = 1
    tags: tuple[str, ...] = ()
    """The tags whose ``ws.style`` changed it (for the legend)."""


@dataclass(frozen=True)
class EdgeStyle:
    """How an arrow is drawn."""

    color: str
    line: str
    """solid, dashed (asynchronous) or dotted."""
    width: int
    tags: tuple[str, ...] = ()
    meaning: str = ""
    """What the style says, for the key, when it is not the model's own (an overlay's)."""


@dataclass
class ViewNode:
    """A box of a static view: an element."""

    id: str
    name: str
    kind: str
    """person, system, container, database, queue, component."""
    kind_label: str
    """``Software System``, ``Database``..."""
    technology: str
    description: str
    external: bool
    tags: list[str]
    boundary: str | None
    """The id of the :class:`ViewBoundary` it is drawn in (None: at the top)."""
    style: NodeStyle
    focus: bool = False
    """The element the view is about (a context view's system, a neighbourhood's element)."""
    link: bool = True
    """Whether the element has a page to link to (every element does in the site)."""

    @property
    def kind_text(self) -> str:
        """What a box says under its name: ``External Software System``, ``Container: Go``."""
        kind = self.kind_label + (f": {self.technology}" if self.technology else "")
        return "External " + kind if self.external and self.kind == "system" else kind


@dataclass
class ViewBoundary:
    """A labelled frame around boxes: an element drawn as a container of its parts, or a group."""

    id: str
    """The element id, or ``group:<parent id>:<path>`` for a group."""
    label: str
    kind: Literal["element", "group"]
    element_kind: str = ""
    """For an element boundary: its kind (system, container...)."""
    parent: str | None = None
    """The boundary it is drawn in."""
    external: bool = False

    @property
    def kind_label(self) -> str:
        """For an element boundary: ``Software System``, ``Container``..."""
        return KIND_LABELS.get(self.element_kind, self.element_kind)

    @property
    def title(self) -> str:
        """What the frame says: a group's name, or an element's name and kind
        (``Shop [Software System]``)."""
        return self.label if self.kind == "group" else f"{self.label} [{self.kind_label}]"


@dataclass
class ViewEdge:
    """An arrow of a view: every relationship it stands for (declared or implied)."""

    source_id: str
    destination_id: str
    relationships: list[Relationship] = field(default_factory=list)
    style: EdgeStyle | None = None
    note: str = ""
    """The label of an arrow no relationship stands for (an overlay's)."""

    @property
    def interaction(self) -> Literal["sync", "async"]:
        return combined_interaction(self.relationships)

    @property
    def criticality(self) -> str | None:
        return highest_criticality(self.relationships)

    @property
    def descriptions(self) -> list[str]:
        return list(dict.fromkeys(r.description for r in self.relationships if r.description))

    @property
    def label(self) -> str:
        descriptions = self.descriptions
        text = descriptions[0] if descriptions else self.note
        if len(descriptions) > 1:
            text += f" (+{len(descriptions) - 1} more)"
        return text

    @property
    def technology(self) -> str:
        return ", ".join(dict.fromkeys(r.technology for r in self.relationships if r.technology))

    @property
    def tags(self) -> list[str]:
        return list(dict.fromkeys(t for r in self.relationships for t in r.tags))

    @property
    def implied(self) -> bool:
        """True when no relationship was declared between exactly these two elements."""
        return not any(r.source_id == self.source_id and r.destination_id == self.destination_id
                       for r in self.relationships)


@dataclass
class ComputedView:
    """A static diagram: boxes, boundaries and arrows, in drawing order."""

    key: str
    kind: StaticKind
    title: str
    description: str
    direction: str
    nodes: list[ViewNode]
    boundaries: list[ViewBoundary]
    edges: list[ViewEdge]
    subject_id: str | None = None
    """The scope (``of=``) or the element the view is about."""
    location: SourceLocation | None = None
    """Where a user's view was declared."""

    @property
    def element_ids(self) -> list[str]:
        return [n.id for n in self.nodes]

    def frames(
        self,
    ) -> tuple[dict[str | None, list[ViewBoundary]], dict[str | None, list[ViewNode]]]:
        """The boundaries drawn in each boundary, and the boxes drawn in each (None: at the
        top), in drawing order: what a renderer nests."""
        inner: dict[str | None, list[ViewBoundary]] = {}
        for boundary in self.boundaries:
            inner.setdefault(boundary.parent, []).append(boundary)
        members: dict[str | None, list[ViewNode]] = {}
        for node in self.nodes:
            members.setdefault(node.boundary, []).append(node)
        return inner, members

    def node(self, id: str) -> ViewNode:
        return next(n for n in self.nodes if n.id == id)


# -- dynamic views --------------------------------------------------------------------------


@dataclass
class Participant:
    """A lifeline of a sequence diagram."""

    id: str
    name: str
    kind: str
    """The element's kind, or ``unknown`` for an id the model lacks."""
    kind_label: str
    technology: str
    external: bool
    style: NodeStyle | None


@dataclass
class SequenceView:
    """A flow drawn as a sequence diagram: participants in order of appearance, then the items
    (steps, replies, notes, alt/opt/loop/par blocks) as the model declares them."""

    key: str
    title: str
    description: str
    participants: list[Participant]
    items: list[FlowItem]
    location: SourceLocation | None = None
    kind: Literal["flow"] = "flow"

    @property
    def element_ids(self) -> list[str]:
        return [p.id for p in self.participants]

    def relationship_pairs(self) -> list[tuple[str, str]]:
        """Every (source, destination) of a step or reply, first appearance first."""
        from archdoc.model.flows import FlowMessage, walk

        return list(dict.fromkeys((m.source_id, m.destination_id) for m in walk(self.items)
                                  if isinstance(m, FlowMessage)))


# -- deployment views -----------------------------------------------------------------------


@dataclass
class DeployedContainer:
    """A container instance on a deployment node."""

    id: str
    """``<node id>/<container id>``."""
    container_id: str
    name: str
    kind: str
    technology: str
    description: str
    instances: str
    """``""`` for one, else ``"3"`` or ``"2-10"``."""
    style: NodeStyle
    known: bool = True
    """False when the container id is not in the model."""


@dataclass
class DeploymentBox:
    """A deployment node: nested nodes and the containers it runs."""

    id: str
    name: str
    kind: Literal["node", "infrastructure"]
    technology: str
    description: str
    instances: str
    icon: str
    """The icon name as declared (``aws.compute.ECS``), or ``""`` to infer from the technology."""
    tags: list[str]
    properties: dict[str, str]
    children: list[DeploymentBox] = field(default_factory=list)
    containers: list[DeployedContainer] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children and not self.containers


@dataclass
class DeploymentEdge:
    """An arrow between deployed containers or deployment nodes."""

    source_id: str
    """A :class:`DeployedContainer` id or a :class:`DeploymentBox` id."""
    destination_id: str
    label: str
    technology: str
    interaction: str
    between: Literal["containers", "nodes"]
    relationships: list[Relationship] = field(default_factory=list)


@dataclass
class DeploymentView:
    """An environment: its node tree, the containers on it, and the arrows between them."""

    key: str
    title: str
    description: str
    environment_id: str
    roots: list[DeploymentBox]
    edges: list[DeploymentEdge]
    direction: str = "TB"
    location: SourceLocation | None = None
    kind: Literal["deployment"] = "deployment"

    def boxes(self) -> list[DeploymentBox]:
        """Every node, depth first in declaration order."""
        out: list[DeploymentBox] = []

        def visit(box: DeploymentBox) -> None:
            out.append(box)
            for child in box.children:
                visit(child)

        for root in self.roots:
            visit(root)
        return out

    def deployed(self) -> list[DeployedContainer]:
        return [c for box in self.boxes() for c in box.containers]

    @property
    def element_ids(self) -> list[str]:
        """The containers deployed, each once."""
        return list(dict.fromkeys(c.container_id for c in self.deployed()))

    def drawn_ids(self) -> list[str]:
        """Every node, then every container deployed (each once)."""
        return [b.id for b in self.boxes()] + self.element_ids

    def relationship_pairs(self) -> list[tuple[str, str]]:
        """The arrows as (source, destination) of node or container ids, each pair once."""
        containers = {c.id: c.container_id for c in self.deployed()}
        return list(
            dict.fromkeys(
                (
                    containers.get(e.source_id, e.source_id),
                    containers.get(e.destination_id, e.destination_id),
                )
                for e in self.edges
            )
        )


AnyView = ComputedView | SequenceView | DeploymentView
