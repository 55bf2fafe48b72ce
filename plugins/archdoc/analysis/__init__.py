"""Analysis of the model: the dependency graph and what is derived from it."""

from archdoc.analysis.data import DatastoreOwnership, data_ownership
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
    "Impact",
    "critical_paths",
    "data_ownership",
    "dependency_matrix",
    "impact_of",
    "startup_layers",
    "sync_cycles",
]
