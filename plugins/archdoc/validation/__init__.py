"""Validation: rules over the model and the ADR log, and the reports of their findings."""

from archdoc.validation.diagnostics import Diagnostic
from archdoc.validation.registry import RULES, Finding, Rule, RuleContext, rule, run_rules

__all__ = ["Diagnostic", "Finding", "RULES", "Rule", "RuleContext", "rule", "run_rules"]
