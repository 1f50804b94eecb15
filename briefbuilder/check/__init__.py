"""Check stage: brief (+ audience policy + treaty catalog + the rendered documents) → findings."""

from __future__ import annotations

from .findings import RULES, CheckContext, ChecksFailed, Finding, RuleInfo, register_rule
from .run import run_rules

__all__ = ["RULES", "CheckContext", "ChecksFailed", "Finding", "RuleInfo", "register_rule", "run_rules"]
