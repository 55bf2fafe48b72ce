"""Where a statement of the Structurizr DSL is, and what it holds that archdoc cannot: the
small records the readers of :mod:`dsl_model`, :mod:`dsl_deployment` and :mod:`dsl_views` share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archdoc.importers.plan import PElement, PEnvironment, PNode
from archdoc.source import SourceLocation

__all__ = ["Instance", "Scope", "Unsupported"]


@dataclass(eq=False)
class Unsupported:
    """Something the DSL knows that archdoc has no counterpart for (a custom element, a group)."""

    what: str
    name: str
    location: SourceLocation


@dataclass(eq=False)
class Instance:
    """A ``containerInstance`` or ``softwareSystemInstance`` on a node."""

    node: PNode
    element: PElement
    location: SourceLocation


@dataclass
class Scope:
    """Where a statement is: the block kind, the element in scope, the group, the environment."""

    kind: str
    """model, person, system, container, component, custom, environment, node, infrastructure,
    instance, relationship."""
    element: Any = None
    group: str = ""
    environment: PEnvironment | None = None
    enterprise: str = ""
