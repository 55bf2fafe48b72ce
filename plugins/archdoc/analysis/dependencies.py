"""Verdicts on the dependencies between services: each pair's status, and how many of each.

The site's dependency table and summary, the home page's figures and any other report read
them from here, so that every place gives one service pair the same status.
"""

from __future__ import annotations

from typing import Literal

from archdoc.analysis.graph import Dependency, DependencyGraph
from archdoc.model.elements import Container
from archdoc.model.workspace import Workspace

__all__ = ["DependencyStatus", "critical_services", "dependency_status", "service_dependencies",
           "status_counts"]

DependencyStatus = Literal["Asynchronous", "Critical Path", "Healthy"]


def dependency_status(dependency: Dependency) -> DependencyStatus:
    """``Asynchronous`` when no synchronous relationship is behind the pair (asynchronous wins
    over criticality), ``Critical Path`` when a ``critical`` one is, else ``Healthy``."""
    if dependency.interaction == "async":
        return "Asynchronous"
    if dependency.criticality == "critical":
        return "Critical Path"
    return "Healthy"


def service_dependencies(graph: DependencyGraph) -> list[Dependency]:
    """The dependency pairs between services (people left out), in declaration order."""
    elements = graph.workspace.elements
    return [d for d in graph.dependencies() if elements[d.source_id].kind != "person"]


def status_counts(graph: DependencyGraph) -> dict[str, int]:
    """``{"pairs", "critical", "healthy", "async"}``: the service pairs, and how many have each
    status."""
    statuses = [dependency_status(d) for d in service_dependencies(graph)]
    return {
        "pairs": len(statuses),
        "critical": statuses.count("Critical Path"),
        "healthy": statuses.count("Healthy"),
        "async": statuses.count("Asynchronous"),
    }


def critical_services(workspace: Workspace) -> list[Container]:
    """The internal services (containers of kind ``container``) that are critical: those tagged
    ``critical`` when the model tags any, else those a ``critical`` relationship targets."""
    services = [c for c in workspace.containers() if c.kind == "container" and not c.external]
    tagged = [c for c in services if "critical" in c.tags]
    if tagged:
        return tagged
    targets = {r.destination_id for r in workspace.relationships if r.criticality == "critical"}
    return [c for c in services if c.id in targets]
