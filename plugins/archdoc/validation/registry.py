"""The rule registry: every validation rule with its id, default severity and explanation.

The rules are those of the modules listed in :data:`RULE_MODULES`, in that order: a new rule
is a decorated check in one of them, a new subject one module and one line here.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from archdoc.config import ArchdocConfig
from archdoc.validation import (
    adr_rules,
    deployment_rules,
    drift_rules,
    model_rules,
    page_rules,
    user_rules,
    view_rules,
)
from archdoc.validation.base import Finding, PageSource, Rule, RuleContext, Scope, rule
from archdoc.validation.diagnostics import Diagnostic

__all__ = ["RULES", "RULE_MODULES", "Finding", "PageSource", "Rule", "RuleContext", "all_rules",
           "check_rule_ids", "rule", "run_rules"]

RULE_MODULES: tuple[ModuleType, ...] = (
    adr_rules,
    deployment_rules,
    drift_rules,
    model_rules,
    page_rules,
    user_rules,
    view_rules,
)
"""The modules whose rules archdoc runs, in the order the catalog lists them."""


def _index(modules: Iterable[ModuleType]) -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if not isinstance(value, Rule) or found.get(value.id) is value:
                continue
            if value.id in found:
                raise RuntimeError(f"rule {value.id} declared twice")
            found[value.id] = value
    return found


RULES: dict[str, Rule] = _index(RULE_MODULES)
"""Every rule by id, in the order of :data:`RULE_MODULES`, then of each module."""


def all_rules() -> dict[str, Rule]:
    """Every rule by id."""
    return RULES


def run_rules(context: RuleContext, scopes: Iterable[Scope] | None = None) -> list[Diagnostic]:
    """Run every enabled rule (of ``scopes``, default all) whose inputs are present; sorted by
    file and line."""
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
