"""What each tool answers: typed records, so that every result carries its JSON Schema.

Ids are the model's ids (``shop.order-api``); files are relative to the project root with
``/`` separators; every list is in declaration order unless its field says otherwise.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "DecisionInfo",
    "DecisionLink",
    "DecisionList",
    "Dependencies",
    "DependencyInfo",
    "Deployment",
    "ElementDetail",
    "ElementMatch",
    "ElementSummary",
    "EventRole",
    "FailureModeInfo",
    "Finding",
    "FindResult",
    "ImpactInfo",
    "ImpactResult",
    "RelationshipInfo",
    "ValidationResult",
    "ValidationSummary",
    "ViewInfo",
    "ViewList",
]

PropertyValue = str | int | float | bool


class ElementSummary(BaseModel):
    """An element in a listing."""

    id: str = Field(description="The element's id, e.g. `shop.order-api`.")
    kind: str = Field(description="person, system, container, database, queue or component.")
    name: str
    description: str = ""
    technology: str = ""
    parent: str | None = Field(default=None, description="The id of the enclosing element.")
    external: bool = Field(default=False, description="Outside the organisation's control.")
    tags: list[str] = []


class ElementMatch(ElementSummary):
    """An element found by a query."""

    matched: list[str] = Field(
        description="The fields a word of the query was found in: id, name, description, "
        "technology, owner, tags, properties.")


class FindResult(BaseModel):
    query: str
    total: int = Field(description="How many elements match; `elements` holds at most `limit`.")
    elements: list[ElementMatch] = Field(description="Best match first.")


class RelationshipInfo(BaseModel):
    """A declared relationship: `source` uses (depends on) `destination`."""

    id: str
    source: str
    destination: str
    description: str = ""
    technology: str = ""
    operation: str = Field(
        default="", description="An endpoint, topic or method, e.g. `POST /orders`."
    )
    interaction: Literal["sync", "async"] = "sync"
    criticality: str | None = None
    access: str | None = Field(
        default=None, description="For a datastore: read, write or readwrite."
    )
    tags: list[str] = []
    location: str | None = Field(default=None, description="`file:line` of the declaration.")


class EventRole(BaseModel):
    event: str
    reason: str = ""
    via: str | None = Field(default=None, description="The queue or topic it travels through.")


class FailureModeInfo(BaseModel):
    impact: str
    mitigation: str = ""
    fallback: str = ""
    detection: str = ""
    recovery: str = ""


class Deployment(BaseModel):
    """Where a container runs."""

    environment: str
    node: str
    instances: int | str | None = Field(
        default=None, description="Copies: a number, a range, or one."
    )


class DecisionLink(BaseModel):
    kind: str = Field(description="supersedes, superseded-by, amends, amended-by, relates, ...")
    target: int | None = Field(description="The number of the other decision.")


class DecisionInfo(BaseModel):
    """An architecture decision record."""

    number: int
    id: str = Field(description="The four-digit number, e.g. `0007`.")
    title: str
    status: str = Field(description="Lowercase: proposed, accepted, superseded, ...")
    date: str | None = Field(default=None, description="ISO date of the decision, when known.")
    affects: list[str] = Field(default=[], description="Ids of the elements the decision changes.")
    tags: list[str] = []
    deciders: list[str] = []
    links: list[DecisionLink] = Field(default=[], description="Declared and implied links.")
    file: str = Field(description="The record's file; read it for the whole decision.")


class ElementDetail(ElementSummary):
    """Everything the model says about one element."""

    kind_label: str = Field(description="`Software System`, `Database`, ...")
    owner: str = Field(default="", description="The team that owns it.")
    data_owner: str | None = Field(
        default=None, description="For a datastore: the container owning its data."
    )
    properties: dict[str, PropertyValue] = {}
    location: str | None = Field(default=None, description="`file:line` of the declaration.")
    children: list[ElementSummary] = []
    uses: list[RelationshipInfo] = Field(default=[], description="Relationships declared from it.")
    used_by: list[RelationshipInfo] = Field(default=[], description="Relationships declared to it.")
    publishes: list[EventRole] = []
    subscribes: list[EventRole] = []
    failure_modes: list[FailureModeInfo] = []
    deployments: list[Deployment] = []
    decisions: list[DecisionInfo] = Field(
        default=[], description="Decisions whose `affects` names it."
    )
    views: list[str] = Field(default=[], description="Keys of the views that draw it.")
    flows: list[str] = Field(default=[], description="Ids of the flows it takes part in.")


class ImpactInfo(BaseModel):
    element: str
    name: str
    kind: str
    effect: Literal["breaks", "degraded"] = Field(
        description="breaks: reached through synchronous dependencies only; degraded: through an "
        "asynchronous one, or the failed element declares a fallback.")
    distance: int = Field(description="Dependencies between it and the failed element (1: direct).")
    chain: list[str] = Field(description="From the affected element to the failed one.")


class ImpactResult(BaseModel):
    element: str
    name: str
    breaks: int = Field(description="How many elements break.")
    degraded: int = Field(description="How many elements degrade.")
    impacts: list[ImpactInfo] = Field(
        description=(
            "Breaks first, then by distance; at most `limit` of them (the counts are of all)."
        )
    )


class DependencyInfo(BaseModel):
    """`source` depends on `destination`: every relationship and event behind it, lifted to
    deployable units (containers, datastores, queues, systems without containers, people)."""

    source: str
    destination: str
    interaction: Literal["sync", "async"]
    criticality: str | None = None
    implied: bool = Field(description="True when declared only between children of the two units.")
    owns_data: bool = Field(default=False, description="The source owns the destination's data.")
    operations: list[str] = []
    descriptions: list[str] = []
    technologies: list[str] = []
    events: list[str] = Field(
        default=[], description="Events the source consumes from the destination."
    )


class Dependencies(BaseModel):
    element: str
    name: str
    units: list[str] = Field(
        description="The units whose dependencies these are: the element itself, the container of "
        "a component, the containers of a system.")
    depends_on: list[DependencyInfo] = Field(description="What the element uses.")
    depended_on_by: list[DependencyInfo] = Field(description="What uses the element.")


class DecisionList(BaseModel):
    decisions: list[DecisionInfo] = Field(description="By number.")


class Finding(BaseModel):
    """A finding of `archdoc validate`."""

    rule: str
    severity: Literal["error", "warning"]
    message: str
    hint: str = ""
    file: str | None = None
    line: int | None = None
    subject: str = Field(
        default="", description="The id of the element, relationship, flow or ADR."
    )


class ValidationSummary(BaseModel):
    errors: int
    warnings: int


class ValidationResult(BaseModel):
    diagnostics: list[Finding] = Field(description="Sorted by file and line.")
    summary: ValidationSummary


class ViewInfo(BaseModel):
    key: str = Field(description="`landscape`, `context:<system>`, `containers:<system>`, "
                     "`components:<container>`, `deployment:<environment>`, `flow:<flow>`, ...")
    kind: str
    title: str
    description: str = ""
    elements: int = Field(description="How many elements it draws.")
    relationships: int = Field(description="How many relationships (arrows, messages) it draws.")


class ViewList(BaseModel):
    views: list[ViewInfo]
