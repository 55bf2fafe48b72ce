"""What a validation rule is: its declaration, the context it reads and the findings it yields.

A rule is a check function decorated with :func:`rule` in a module of this package (one per
subject: ``model_rules``, ``view_rules``...); :mod:`archdoc.validation.registry` lists those
modules, and so every rule, in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from archdoc.source import SourceLocation

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog
    from archdoc.analysis.data import DatastoreOwnership
    from archdoc.analysis.graph import DependencyGraph
    from archdoc.config import ArchdocConfig
    from archdoc.drift.compare import DriftReport
    from archdoc.model.workspace import Workspace

__all__ = ["Finding", "PageSource", "Rule", "RuleContext", "Scope", "rule"]

Scope = Literal["model", "adr", "observed", "pages"]
"""What a rule checks: the model, the decision log, the model against observed dependencies, or
the hand-written pages."""


@dataclass(frozen=True)
class PageSource:
    """A hand-written page of the site, as read from the docs directory."""

    path: Path
    """The file."""
    name: str
    """Its path below the docs directory (``guide/index.md``): the page it becomes."""
    text: str


@dataclass(frozen=True)
class Finding:
    """What a rule's check yields; the runner turns it into a Diagnostic with the severity."""

    message: str
    location: SourceLocation | None = None
    hint: str = ""
    subject: str = ""


Check = Callable[["RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A validation rule."""

    id: str
    severity: Literal["error", "warning"]
    """Default severity; ``rules:`` in the configuration overrides it (or turns it ``off``)."""
    summary: str
    """One line: what the rule finds."""
    explanation: str
    """One paragraph: why it matters and how to fix it (listed in the docs)."""
    scope: Scope
    check: Check = field(repr=False)

    def __call__(self, context: RuleContext) -> Iterable[Finding]:
        return self.check(context)


def rule(
    id: str, *, severity: Literal["error", "warning"], summary: str, explanation: str,
    scope: Scope = "model",
) -> Callable[[Check], Rule]:
    """Declare a check function as a rule (the module's entry in
    :data:`archdoc.validation.registry.RULE_MODULES` puts it in the registry)."""

    def declare(check: Check) -> Rule:
        return Rule(id, severity, summary, " ".join(explanation.split()), scope, check)

    return declare


@dataclass
class RuleContext:
    """What rules look at: the workspace, its analysis, the ADR log and the configuration."""

    config: ArchdocConfig
    workspace: Workspace | None = None
    adrs: AdrLog | None = None
    """The ADR log when ADRs were loaded."""
    drift: DriftReport | None = None
    """The model compared with observed dependencies, when observed sources were read."""
    pages: list[PageSource] | None = None
    """The site's hand-written pages, when validating them (``archdoc validate``)."""
    block_problems: Callable[[PageSource], list[Finding]] | None = None
    """What is wrong with the ```archdoc blocks of a page (given by the site, which renders
    them)."""

    @cached_property
    def graph(self) -> DependencyGraph:
        from archdoc.analysis.graph import DependencyGraph

        assert self.workspace is not None
        return DependencyGraph(self.workspace)

    @cached_property
    def ancestors(self) -> dict[str, tuple[str, ...]]:
        """Every element's ancestors by id, parent first: built once, in one pass (a parent is
        declared before its children), for the rules that ask who contains whom."""
        assert self.workspace is not None
        chains: dict[str, tuple[str, ...]] = {}
        for id, element in self.workspace.elements.items():
            parent = element.parent_id
            chains[id] = () if parent is None else (parent, *chains.get(parent, ()))
        return chains

    @cached_property
    def data_ownership(self) -> list[DatastoreOwnership]:
        """Each datastore's owner, writers and readers: the analysis the site's table shows."""
        from archdoc.analysis.data import data_ownership

        return data_ownership(self.graph)
