"""What an import will write: the model in the terms of archdoc's public API, in source order.

Each reader (the Structurizr DSL, the Structurizr JSON workspace, Backstage catalog files) turns
its source into a :class:`Plan`: the elements, relationships, flows, deployments, views and styles
to declare, each with the place in the source it came from, and the :class:`Notice` of everything
that could not be carried over. The writer (``pywriter``) turns a plan into model code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from archdoc.errors import ArchdocError
from archdoc.source import SourceLocation

__all__ = [
    "ImportSourceError",
    "Notice",
    "Plan",
    "PElement",
    "PRelationship",
    "PEnvironment",
    "PNode",
    "PDeploy",
    "PFlow",
    "PStep",
    "PParallel",
    "PView",
    "PStyle",
    "Statement",
    "Selector",
    "Children",
    "element_id",
    "environment_id",
    "node_id",
]

ElementKind = Literal["person", "system", "container", "database", "queue", "component"]


class ImportSourceError(ArchdocError):
    """The source of an import cannot be read, or uses something the importer does not support."""


@dataclass(frozen=True)
class Notice:
    """Something of the source that the generated model does not carry (or carries differently)."""

    location: SourceLocation | None
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}note: {self.message}"


@dataclass(eq=False)
class PElement:
    """A person, system, container (of any kind) or component to declare."""

    kind: ElementKind
    name: str
    location: SourceLocation | None
    parent: PElement | None = None
    description: str = ""
    technology: str = ""
    tags: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    external: bool = False
    owner: str = ""
    """The owning team."""
    data_owner: PElement | None = None
    """For a database: the container that owns its data."""
    group: str = ""
    """``"Outer/Inner"`` for nested groups."""
    id: str | None = None
    """An explicit ``id=`` (the element's own part); None derives it from the name."""
    var_hint: str = ""
    """The preferred variable name (from the source's identifier), or '' to derive one."""
    var: str = ""
    """The variable the writer declares it as (set by the writer)."""


@dataclass(eq=False)
class PEnvironment:
    name: str
    location: SourceLocation | None
    description: str = ""
    id: str | None = None
    var_hint: str = ""
    var: str = ""


@dataclass(eq=False)
class PNode:
    """A deployment node or a piece of infrastructure."""

    kind: Literal["node", "infrastructure"]
    name: str
    environment: PEnvironment
    location: SourceLocation | None
    parent: PNode | None = None
    description: str = ""
    technology: str = ""
    instances: int | str | None = None
    tags: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    icon: str = ""
    id: str | None = None
    """An explicit ``id=`` (the whole id); None derives it from the name."""
    var_hint: str = ""
    var: str = ""


Endpoint = Union[PElement, PNode]


@dataclass(eq=False)
class PRelationship:
    source: Endpoint
    destination: Endpoint
    location: SourceLocation | None
    description: str = ""
    technology: str = ""
    operation: str = ""
    interaction: Literal["sync", "async"] = "sync"
    criticality: str | None = None
    access: str | None = None
    tags: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    infer_access: bool = True
    """Whether the access to a database may be inferred from the description."""


@dataclass(eq=False)
class PDeploy:
    node: PNode
    container: PElement
    location: SourceLocation | None
    instances: int | str | None = None


@dataclass(eq=False)
class PStep:
    kind: Literal["step", "reply"]
    source: PElement
    destination: PElement
    location: SourceLocation | None
    description: str = ""
    technology: str = ""


@dataclass(eq=False)
class PParallel:
    """Branches that happen at the same time: ``with f.parallel(): ...`` then ``with f.also():``."""

    branches: list[list[FlowItem]]
    location: SourceLocation | None


FlowItem = Union[PStep, PParallel]


@dataclass(eq=False)
class PFlow:
    name: str
    location: SourceLocation | None
    description: str = ""
    id: str | None = None
    items: list[FlowItem] = field(default_factory=list)


@dataclass(frozen=True, eq=False)
class Children:
    """The children (``"id.*"``) or all descendants (``"id.**"``) of an element."""

    element: PElement
    deep: bool = False


Selector = Union[PElement, Children, str]
"""An element, its children, or a selector string of ``ws.view``:
``"*"``, ``"tag:X"``, ``"kind:K"``."""


def element_id(element: PElement) -> str:
    """The id archdoc will give the element: its own part and its ancestors', joined by dots."""
    from archdoc.model.ids import join_id, slugify

    own = element.id if element.id is not None else slugify(element.name)
    if element.parent is None or "." in own:
        return own
    return join_id(element_id(element.parent), own)


def environment_id(environment: PEnvironment) -> str:
    from archdoc.model.ids import slugify

    return environment.id if environment.id is not None else slugify(environment.name)


def node_id(node: PNode) -> str:
    """The id archdoc will give the node: explicit, or its parent's and its name's slug."""
    from archdoc.model.ids import join_id, slugify

    if node.id is not None:
        return node.id
    parent = node_id(node.parent) if node.parent is not None else environment_id(node.environment)
    return join_id(parent, slugify(node.name))


@dataclass(eq=False)
class PView:
    name: str
    location: SourceLocation | None
    description: str = ""
    of: PElement | None = None
    include: list[Selector] = field(default_factory=list)
    exclude: list[Selector] = field(default_factory=list)
    around: PElement | None = None
    depth: int = 1
    direction: str = ""
    id: str | None = None


@dataclass(eq=False)
class PStyle:
    tag: str
    location: SourceLocation | None
    options: dict[str, str | int] = field(default_factory=dict)
    """``color``, ``border``, ``text``, ``shape``, ``line``, ``width``: arguments of
    ``ws.style``."""
    targets: set[str] = field(default_factory=set)
    """What the source styled with it: ``element``, ``relationship`` or both."""


Statement = Union[PElement, PRelationship, PEnvironment, PNode, PDeploy, PFlow, PView, PStyle]


@dataclass
class Plan:
    """A whole model to write, in declaration order."""

    name: str
    source: str
    """What was imported, for the module docstring: ``workspace.dsl``."""
    description: str = ""
    statements: list[Statement] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def add(self, statement: Statement) -> None:
        self.statements.append(statement)

    def note(self, location: SourceLocation | None, message: str) -> None:
        self.notices.append(Notice(location, message))

    def elements(self) -> list[PElement]:
        return [s for s in self.statements if isinstance(s, PElement)]

    def relationships(self) -> list[PRelationship]:
        return [s for s in self.statements if isinstance(s, PRelationship)]
