"""A project: its configuration, its model and its decision log, loaded together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archdoc.config import ArchdocConfig, load_config
from archdoc.loader import load_workspace
from archdoc.model.workspace import Workspace
from archdoc.validation.diagnostics import Diagnostic
from archdoc.validation.registry import RuleContext, run_rules

__all__ = ["Project", "load_project", "validate_project"]


@dataclass
class Project:
    """Everything archdoc reads from a repository."""

    config: ArchdocConfig
    workspace: Workspace
    adrs: Any = None
    """The ADR log (``archdoc.adr.AdrLog``), or None when the project keeps no ADRs."""
    load_diagnostics: list[Diagnostic] = field(default_factory=list)


def load_project(config_path: str | Path | None = None, *, config: ArchdocConfig | None = None) -> Project:
    """Read the configuration, import the model and read the ADRs."""
    config = config or load_config(config_path)
    workspace = load_workspace(config)
    return Project(config=config, workspace=workspace, adrs=_load_adrs(config))


def _load_adrs(config: ArchdocConfig) -> Any:
    try:
        from archdoc.adr import load_log
    except ImportError:
        return None
    return load_log(config)


def validate_project(project: Project) -> list[Diagnostic]:
    """Every finding of every enabled rule, sorted by file and line."""
    context = RuleContext(config=project.config, workspace=project.workspace, adrs=project.adrs)
    return [*project.load_diagnostics, *run_rules(context)]
