"""The architecture model: what a model package declares."""

from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.elements import (
    Component,
    Container,
    Database,
    Element,
    Person,
    Queue,
    SoftwareSystem,
)
from archdoc.model.flows import Flow, FlowBlock, FlowBranch, FlowMessage, FlowNote
from archdoc.model.records import Event, EventLink, FailureMode, Relationship
from archdoc.model.views import Style, View
from archdoc.model.workspace import Workspace

__all__ = [
    "Component",
    "Container",
    "ContainerInstance",
    "Database",
    "DeploymentNode",
    "Element",
    "Environment",
    "Event",
    "EventLink",
    "FailureMode",
    "Flow",
    "FlowBlock",
    "FlowBranch",
    "FlowMessage",
    "FlowNote",
    "Person",
    "Queue",
    "Relationship",
    "SoftwareSystem",
    "Style",
    "View",
    "Workspace",
]
