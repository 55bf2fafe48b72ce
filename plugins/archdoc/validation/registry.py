"""The rule registry: every validation rule with its id, default severity and explanation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from archdoc.source import SourceLocation
from archdoc.validation.diagnostics import Diagnostic

if TYPE_CHECKING:
    from archdoc.analysis.data import DatastoreOwnership
    from archdoc.analysis.graph import DependencyGraph
    from archdoc.drift.compare import DriftReport
    from archdoc.config import ArchdocConfig
    from archdoc.model.workspace import Workspace

__all__ = ["Rule", "RuleContext", "Finding", "PageSource", "rule", "RULES", "all_rules", "check_rule_ids",
           "run_rules"]

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


RULES: dict[str, Rule] = {}
"""Every registered rule by id, in registration order."""


def rule(
    id: str, *, severity: Literal["error", "warning"], summary: str, explanation: str,
    scope: Scope = "model",
) -> Callable[[Check], Check]:
    """Register a check function as a rule."""

    def register(check: Check) -> Check:
        if id in RULES:
            raise RuntimeError(f"rule {id} registered twice")
        RULES[id] = Rule(id, severity, summary, " ".join(explanation.split()), scope, check)
        return check

    return register


@dataclass
class RuleContext:
    """What rules look at: the workspace, its analysis, the ADR log and the configuration."""

    config: ArchdocConfig
    workspace: Workspace | None = None
    adrs: Any = None
    """The ADR log (``archdoc.adr.AdrLog``) when ADRs were loaded."""
    drift: DriftReport | None = None
    """The model compared with observed dependencies, when observed sources were read."""
    pages: list[PageSource] | None = None
    """The site's hand-written pages, when validating them (``archdoc validate``)."""
    block_problems: Callable[[PageSource], list[Finding]] | None = None
    """What is wrong with the ```archdoc blocks of a page (given by the site, which renders them)."""

    @cached_property
    def graph(self) -> DependencyGraph:
        from archdoc.analysis.graph import DependencyGraph

        assert self.workspace is not None
        return DependencyGraph(self.workspace)

    @cached_property
    def data_ownership(self) -> list[DatastoreOwnership]:
        """Each datastore's owner, writers and readers: the analysis the site's table shows."""
        from archdoc.analysis.data import data_ownership

        return data_ownership(self.graph)


def all_rules() -> dict[str, Rule]:
    """Every rule, after importing the modules that register them."""
    from archdoc.validation import (  # noqa: F401 - importing registers the rules
        adr_rules,
        deployment_rules,
        drift_rules,
        model_rules,
        page_rules,
        user_rules,
        view_rules,
    )

    return RULES


def run_rules(context: RuleContext, scopes: Iterable[Scope] | None = None) -> list[Diagnostic]:
    """Run every enabled rule (of ``scopes``, default all) whose inputs are present; sorted by
    file and line."""
    all_rules()
    wanted = set(scopes) if scopes is not None else None

    found: list[Diagnostic] = []
    for r in RULES.values():
        severity = context.config.rules.get(r.id, r.severity)
        if severity == "off" or (wanted is not None and r.scope not in wanted):
            continue
        if r.scope == "observed" and (context.drift is None or context.workspace is None):
            continue
        if r.scope == "model" and context.workspace is None:
            continue
        if r.scope == "adr" and context.adrs is None:
            continue
        if r.scope == "pages" and (context.pages is None or context.block_problems is None):
            continue
        for f in r.check(context):
            found.append(
                Diagnostic(rule=r.id, severity=severity, message=f.message, hint=f.hint,
                           location=f.location, subject=f.subject)
            )
    found.sort(key=Diagnostic.sort_key)
    return found


def check_rule_ids(config: ArchdocConfig) -> None:
    """A severity for a rule that does not exist is a typo: a ConfigError at its line, with the
    closest id."""
    import difflib

    from archdoc.errors import ConfigError

    known = sorted(all_rules())
    for rule_id in config.rules:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, known, n=1)
            raise ConfigError(
                f"unknown rule {rule_id!r} under `rules:`",
                location=config.location(f"rules.{rule_id}"),
                hint=f"did you mean {close[0]!r}?" if close
                else "the rule ids are listed by the docs' rule catalog",
            )
