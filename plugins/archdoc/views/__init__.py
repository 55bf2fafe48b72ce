"""The views of the model: specification -> computed view -> one renderer per output.

A :class:`ViewSpec` says what a view asks for (built-in views are default specifications; a
user's ``ws.view(...)`` is another); :class:`ViewIndex` computes each into a
:class:`ComputedView` (static), :class:`SequenceView` (a flow) or :class:`DeploymentView`,
which renderers (``archdoc.render``) turn into Mermaid, Graphviz, or an export format.
"""

from archdoc.views.computed import (
    AnyView,
    ComputedView,
    DeployedContainer,
    DeploymentBox,
    DeploymentEdge,
    DeploymentView,
    EdgeStyle,
    NodeStyle,
    Participant,
    SequenceView,
    ViewBoundary,
    ViewEdge,
    ViewNode,
)
from archdoc.views.index import ViewIndex, ViewSummary
from archdoc.views.relationships import RelationshipIndex, drawn_relationships
from archdoc.views.spec import ViewSpec

__all__ = [
    "AnyView",
    "ComputedView",
    "DeployedContainer",
    "DeploymentBox",
    "DeploymentEdge",
    "DeploymentView",
    "EdgeStyle",
    "NodeStyle",
    "Participant",
    "RelationshipIndex",
    "SequenceView",
    "ViewBoundary",
    "ViewEdge",
    "ViewIndex",
    "ViewNode",
    "ViewSpec",
    "ViewSummary",
    "drawn_relationships",
]
