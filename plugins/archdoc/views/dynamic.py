"""Dynamic views: a flow as a sequence of messages between participants."""

from __future__ import annotations

from archdoc.model.flows import Flow
from archdoc.model.workspace import Workspace
from archdoc.views.computed import Participant, SequenceView
from archdoc.views.styles import StyleSheet, node_style

__all__ = ["compute_flow"]


def compute_flow(workspace: Workspace, flow: Flow, sheet: StyleSheet) -> SequenceView:
    participants = []
    for id in flow.participant_ids():
        element = workspace.elements.get(id)
        if element is None:
            participants.append(Participant(id, id, "unknown", "Unknown", "", False, None))
            continue
        participants.append(Participant(
            id=id, name=element.name, kind=element.kind, kind_label=element.kind_label,
            technology=element.technology, external=element.external,
            style=node_style(element.kind, element.external, element.tags, sheet)))
    return SequenceView(
        key=f"flow:{flow.id}", title=flow.name, description=flow.description,
        participants=participants, items=list(flow.items), location=flow.location)
