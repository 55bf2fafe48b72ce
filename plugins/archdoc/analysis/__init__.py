"""Analysis of the model: the dependency graph and what is derived from it."""

from archdoc.analysis.data import DatastoreOwnership, data_ownership
from archdoc.analysis.dependencies import (
    DependencyStatus,
    critical_services,
    dependency_status,
    service_dependencies,
    status_counts,
)
from archdoc.analysis.graph import Dependency, DependencyGraph
from archdoc.analysis.impact import Impact, impact_of
from archdoc.analysis.structure import (
    DependencyMatrix,
    critical_paths,
    dependency_matrix,
    startup_layers,
    sync_cycles,
)

__all__ = [
    "DatastoreOwnership",
    "Dependency",
    "DependencyGraph",
    "DependencyMatrix",
    "DependencyStatus",
    "Impact",
    "critical_paths",
    "critical_services",
    "data_ownership",
    "dependency_matrix",
    "dependency_status",
    "impact_of",
    "service_dependencies",
    "startup_layers",
    "status_counts",
    "sync_cycles",
]
