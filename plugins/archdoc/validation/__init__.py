"""Validation: rules over the model and the ADR log, and the reports of their findings."""

from archdoc.validation.diagnostics import Diagnostic
from archdoc.validation.base import Finding, Rule, RuleContext, rule
from archdoc.validation.registry import RULES, run_rules

__all__ = ["Diagnostic", "Finding", "RULES", "Rule", "RuleContext", "rule", "run_rules"]
