"""The diff document: what ``archdoc diff --format json`` prints, and its JSON Schema.

Every kind of thing compared has the same shape, ``{"added": [...], "removed": [...],
"changed": [{<its key>, "changes": {"<field>": {"from": ..., "to": ...}}}]}``; findings are
``{"new": [...], "fixed": [...]}``, each as ``archdoc validate --format json`` lists it.
``impact`` says what the change does to the dependency graph.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "BlastRadiusChange",
    "DecisionChanges",
    "DecisionEntry",
    "DependencyChange",
    "DeploymentChanges",
    "DeploymentEntry",
    "DiffDocument",
    "ElementChanges",
    "ElementEntry",
    "EventChanges",
    "EventEntry",
    "FieldChange",
    "FindingChanges",
    "FindingEntry",
    "FlowChanges",
    "FlowEntry",
    "FlowOverRemoved",
    "Impact",
    "ListChange",
    "RelationshipChanges",
    "RelationshipEntry",
    "ViewChanges",
    "ViewEntry",
    "diff_schema",
]

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class FieldChange(_Strict):
    """One field's value at BASE and at HEAD."""

    from_: Any = Field(alias="from")
    to: Any


Changes = dict[str, FieldChange]
"""Field name to its change, only for fields that differ."""


# -- elements -----------------------------------------------------------------------------------

class ElementEntry(_Strict):
    id: str
    kind: str
    name: str


class ChangedElement(_Strict):
    id: str
    changes: Changes


class ElementChanges(_Strict):
    added: list[ElementEntry] = []
    removed: list[ElementEntry] = []
    changed: list[ChangedElement] = []


# -- relationships ------------------------------------------------------------------------------

class RelationshipEntry(_Strict):
    id: str
    source: str
    destination: str
    description: str = ""
    technology: str = ""
    operation: str = ""
    interaction: str = "sync"
    criticality: str | None = None


class ChangedRelationship(_Strict):
    id: str
    """The relationship's id at HEAD."""
    source: str
    destination: str
    changes: Changes


class RelationshipChanges(_Strict):
    added: list[RelationshipEntry] = []
    removed: list[RelationshipEntry] = []
    changed: list[ChangedRelationship] = []


# -- events, flows, views, deployment -------------------------------------------------------------

class EventEntry(_Strict):
    name: str
    producers: list[str] = []
    consumers: list[str] = []


class ChangedEvent(_Strict):
    name: str
    changes: Changes


class EventChanges(_Strict):
    added: list[EventEntry] = []
    removed: list[EventEntry] = []
    changed: list[ChangedEvent] = []


class FlowEntry(_Strict):
    id: str
    name: str


class ChangedFlow(_Strict):
    id: str
    changes: Changes
    """``steps`` holds the flow as lines (``a -> b: text``, ``a --> b: reply``, ``alt ...``)."""


class FlowChanges(_Strict):
    added: list[FlowEntry] = []
    removed: list[FlowEntry] = []
    changed: list[ChangedFlow] = []


class ViewEntry(_Strict):
    key: str
    title: str = ""
    kind: str = ""


class ListChange(_Strict):
    """What entered and what left a list (a view's elements or relationships)."""

    added: list[Any] = []
    removed: list[Any] = []


class ChangedView(_Strict):
    key: str
    changes: dict[str, FieldChange | ListChange]
    """``title`` and ``kind`` as ``{from, to}``; ``elements`` (ids) and ``relationships``
    (``[source, destination]`` pairs) as ``{added, removed}``: a view can draw thousands."""


class ViewChanges(_Strict):
    added: list[ViewEntry] = []
    removed: list[ViewEntry] = []
    changed: list[ChangedView] = []


class DeploymentEntry(_Strict):
    id: str
    kind: Literal["environment", "node", "infrastructure", "instance"]
    name: str
    """The node's or environment's name; for an instance, the id of the deployed container."""
    environment: str


class ChangedDeployment(_Strict):
    id: str
    kind: Literal["environment", "node", "infrastructure", "instance"]
    changes: Changes


class DeploymentChanges(_Strict):
    added: list[DeploymentEntry] = []
    removed: list[DeploymentEntry] = []
    changed: list[ChangedDeployment] = []


# -- decisions and findings -----------------------------------------------------------------------

class DecisionEntry(_Strict):
    number: int
    title: str
    status: str


class ChangedDecision(_Strict):
    number: int
    changes: Changes


class DecisionChanges(_Strict):
    added: list[DecisionEntry] = []
    removed: list[DecisionEntry] = []
    changed: list[ChangedDecision] = []


class FindingEntry(_Strict):
    """A finding as ``archdoc validate --format json`` lists it (``file`` relative to the
    working directory, at the side where it is found: HEAD for new ones, BASE for fixed ones)."""

    rule: str
    severity: Literal["error", "warning"]
    message: str
    hint: str = ""
    file: str | None = None
    line: int | None = None
    subject: str = ""


class FindingChanges(_Strict):
    new: list[FindingEntry] = []
    fixed: list[FindingEntry] = []


# -- impact ---------------------------------------------------------------------------------------

class Interaction(_Strict):
    interaction: str
    criticality: str | None = None


class IdsChange(_Strict):
    added: list[str] = []
    removed: list[str] = []


class PathsChange(_Strict):
    added: list[list[str]] = []
    removed: list[list[str]] = []


class DependencyChange(_Strict):
    """A dependency between two units (containers, databases, queues, people, systems without
    containers) that appeared, went or changed, with what it changes downstream."""

    source: str
    destination: str
    change: Literal["added", "removed", "changed"]
    from_: Interaction | None = Field(default=None, alias="from")
    to: Interaction | None = None
    blast_radius: list[str] = []
    """Units whose blast radius changed because of this dependency."""
    critical_paths: PathsChange = PathsChange()
    """Critical paths through this dependency that appeared or went."""


class BlastRadiusChange(_Strict):
    """What breaks (or degrades) if ``element`` fails: who was added to or left that set."""

    element: str
    breaks: IdsChange = IdsChange()
    degraded: IdsChange = IdsChange()
    because: list[str] = []
    """The changed dependencies behind it, as ``source->destination``."""
    fallback: FieldChange | None = None
    """Whether a failure mode declares a fallback, when that changed (it turns breaks into
    degraded)."""


class CycleChanges(_Strict):
    new: list[list[str]] = []
    resolved: list[list[str]] = []


class FlowOverRemoved(_Strict):
    """A step of a HEAD flow that ran over a relationship the change removes."""

    flow: str
    name: str
    source: str
    destination: str
    relationship: str


class Impact(_Strict):
    dependencies: list[DependencyChange] = []
    blast_radius: list[BlastRadiusChange] = []
    critical_paths: PathsChange = PathsChange()
    sync_cycles: CycleChanges = CycleChanges()
    flows: list[FlowOverRemoved] = []


# -- the document ---------------------------------------------------------------------------------

class DiffDocument(_Strict):
    """What changed in the architecture between two revisions."""

    base: str
    """The commit compared against."""
    head: str
    """The commit compared, or ``working tree``."""
    elements: ElementChanges = ElementChanges()
    relationships: RelationshipChanges = RelationshipChanges()
    events: EventChanges = EventChanges()
    flows: FlowChanges = FlowChanges()
    views: ViewChanges = ViewChanges()
    deployment: DeploymentChanges = DeploymentChanges()
    decisions: DecisionChanges = DecisionChanges()
    findings: FindingChanges = FindingChanges()
    impact: Impact = Impact()

    def to_json(self) -> str:
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def diff_schema() -> str:
    """The JSON Schema (draft 2020-12) of ``archdoc diff --format json``."""
    schema = DiffDocument.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "archdoc diff"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
