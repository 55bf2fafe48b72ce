"""The public API against an inventory, as griffe does: nothing leaks, nothing vanishes by accident.

Adding a name to ``archdoc.__all__`` is a decision: add it to the inventory here in the same
change. Removing one breaks users' model code: it needs a reason a user would accept.
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

import pytest

import archdoc

INVENTORY: dict[str, list[str]] = {
    "archdoc": [
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
    ],
    "archdoc.model": [
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
    ],
    "archdoc.analysis": [
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
    ],
    "archdoc.errors": [
        "AdrError",
        "ArchdocError",
        "ConfigError",
        "MissingDependency",
        "ModelError",
        "ModelLoadError",
        "ObservedError",
        "ReferenceNotFound",
        "RevisionError",
    ],
    "archdoc.export": [
        "ViewSummaryRecord",
        "WorkspaceDocument",
        "export_document",
        "export_json",
        "export_schema",
        "view_record",
    ],
    "archdoc.drift": [
        "SERVICE_NAME",
        "DriftEdge",
        "DriftReport",
        "DriftStatus",
        "Evidence",
        "Match",
        "ObservedCall",
        "ObservedFiles",
        "ObservedPair",
        "ObservedSource",
        "Observations",
        "ServiceMap",
        "UnmappedService",
        "compare",
        "read_compose",
        "read_jaeger",
        "read_observations",
        "read_servicegraph",
    ],
}


def public_names(module: ModuleType) -> set[str]:
    """Names a user could import: not private, not modules, not re-imported ``annotations``."""
    return {
        name for name, value in vars(module).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
        and not getattr(value, "__module__", "").startswith(("typing", "collections", "pydantic"))
    }


@pytest.mark.parametrize("module_name", sorted(INVENTORY))
def test_all_matches_the_inventory(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(module.__all__) == sorted(INVENTORY[module_name])
    assert len(module.__all__) == len(set(module.__all__)), "a name is listed twice"


@pytest.mark.parametrize("module_name", sorted(INVENTORY))
def test_every_exported_name_exists(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        assert hasattr(module, name), f"{module_name}.{name} is in __all__ but not defined"


@pytest.mark.parametrize("module_name", ["archdoc", "archdoc.model", "archdoc.analysis"])
def test_nothing_public_leaks_past_all(module_name: str) -> None:
    module = importlib.import_module(module_name)
    leaked = public_names(module) - set(module.__all__) - {"__version__"}
    assert not leaked, f"public in {module_name} but not in __all__: {sorted(leaked)}"


def test_top_level_names_are_the_same_objects_as_in_their_modules() -> None:
    from archdoc import errors, model, source

    for name in archdoc.__all__:
        if name == "__version__":
            continue
        home = next(m for m in (model, errors, source) if hasattr(m, name))
        assert getattr(archdoc, name) is getattr(home, name)


def test_errors_share_one_root() -> None:
    from archdoc import errors

    for name in INVENTORY["archdoc.errors"]:
        assert issubclass(getattr(errors, name), archdoc.ArchdocError)


def test_version() -> None:
    assert archdoc.__version__.count(".") == 2
