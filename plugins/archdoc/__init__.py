"""archdoc: architecture docs as code.

A team describes its architecture once, as a Python model, and keeps its decisions as ADR
Markdown files; archdoc validates both and publishes an MkDocs site from them.
"""

from archdoc.errors import (
    AdrError,
    ArchdocError,
    ConfigError,
    ModelError,
    ModelLoadError,
    ObservedError,
    ReferenceNotFound,
)
from archdoc.model import (
    Component,
    Container,
    ContainerInstance,
    Database,
    DeploymentNode,
    Element,
    Environment,
    Event,
    EventLink,
    FailureMode,
    Flow,
    Person,
    Queue,
    Relationship,
    SoftwareSystem,
    Style,
    View,
    Workspace,
)
from archdoc.source import SourceLocation

__version__ = "0.1.0"

__all__ = [
    "AdrError",
    "ArchdocError",
    "Component",
    "ConfigError",
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
    "ModelError",
    "ModelLoadError",
    "ObservedError",
    "Person",
    "Queue",
    "ReferenceNotFound",
    "Relationship",
    "SoftwareSystem",
    "SourceLocation",
    "Style",
    "View",
    "Workspace",
    "__version__",
]
