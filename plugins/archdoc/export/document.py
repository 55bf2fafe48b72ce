"""The workspace as one JSON document, and the JSON Schema of that document."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict

from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.elements import Element
from archdoc.model.flows import Flow
from archdoc.model.records import Event, FailureMode, Relationship
from archdoc.model.views import Style, View
from archdoc.model.workspace import Workspace
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex

__all__ = ["WorkspaceDocument", "ViewSummaryRecord", "export_document", "export_json",
           "export_schema", "view_record"]

FORMAT: Final = "archdoc.workspace/1"


class ViewSummaryRecord(BaseModel):
    """A view as drawn: its key, title, kind, the element ids it draws (in drawing order) and
    the relationships between them as ``[source, destination]`` pairs."""

    model_config = ConfigDict(extra="forbid")

    key: str
    title: str
    kind: str
    """The key's kind: landscape, context, containers, components, neighbourhood, view, flow,
    deployment."""
    elements: list[str]
    relationships: list[tuple[str, str]]


def view_record(view: ComputedView | SequenceView | DeploymentView) -> ViewSummaryRecord:
    kind = view.key.partition(":")[0]
    if isinstance(view, ComputedView):
        return ViewSummaryRecord(
            key=view.key,
            title=view.title,
            kind=kind,
            elements=view.element_ids,
            relationships=[(e.source_id, e.destination_id) for e in view.edges],
        )
    if isinstance(view, SequenceView):
        return ViewSummaryRecord(key=view.key, title=view.title, kind=kind,
                                 elements=view.element_ids, relationships=view.relationship_pairs())
    return ViewSummaryRecord(key=view.key, title=view.title, kind=kind, elements=view.drawn_ids(),
                             relationships=view.relationship_pairs())


class WorkspaceDocument(BaseModel):
    """Everything the model declares, in declaration order; ids link the parts."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["archdoc.workspace/1"] = FORMAT
    name: str
    description: str = ""
    elements: list[Element] = []
    relationships: list[Relationship] = []
    events: list[Event] = []
    failure_modes: list[FailureMode] = []
    flows: list[Flow] = []
    environments: list[Environment] = []
    deployment_nodes: list[DeploymentNode] = []
    deployments: list[ContainerInstance] = []
    styles: list[Style] = []
    """``ws.style`` declarations, in order."""
    view_definitions: list[View] = []
    """The views the model defines with ``ws.view`` (their selectors)."""
    views: list[ViewSummaryRecord] = []
    """Every view, built-in and defined, as drawn."""


def export_document(workspace: Workspace, views: ViewIndex | None = None) -> WorkspaceDocument:
    index = views or ViewIndex(workspace)
    return WorkspaceDocument(
        name=workspace.name,
        description=workspace.description,
        elements=list(workspace.elements.values()),
        relationships=workspace.relationships,
        events=list(workspace.events.values()),
        failure_modes=workspace.failure_modes,
        flows=workspace.flows,
        environments=workspace.environments,
        deployment_nodes=list(workspace.nodes.values()),
        deployments=workspace.instances,
        styles=workspace.styles,
        view_definitions=workspace.views,
        views=[view_record(index[key]) for key in index],
    )


def _relative_locations(value: Any, root: str) -> Any:
    """Make every ``location.file`` relative to the project root, with ``/`` separators."""
    if isinstance(value, dict):
        if set(value) == {"file", "line"} and isinstance(value["file"], str):
            file = value["file"]
            if os.path.isabs(file):
                rel = os.path.relpath(file, root)
                file = file if rel.startswith("..") else rel
            return {"file": file.replace(os.sep, "/"), "line": value["line"]}
        return {k: _relative_locations(v, root) for k, v in value.items()}
    if isinstance(value, list):
        return [_relative_locations(v, root) for v in value]
    return value


def export_json(workspace: Workspace, *, root: Path | None = None,
                views: ViewIndex | None = None) -> str:
    """The stable JSON export: same model, same bytes."""
    data = export_document(workspace, views).model_dump(mode="json")
    base = str((root or workspace.root or Path.cwd()).resolve())
    data = _relative_locations(data, base)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_schema() -> str:
    schema = WorkspaceDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "archdoc workspace export"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
