"""Run every registered rule over a brief."""

from __future__ import annotations

from ..errors import Location
from ..progress import stage
from . import rules_loaded  # noqa: F401  (importing a rule module registers its rules)
from .findings import RULES, CheckContext, Finding

_NOWHERE = Location("", 0)


def run_rules(context: CheckContext) -> list[Finding]:
    """All findings, errors first, then by file and line."""
    stage(f"checking for {context.pack.name}")
    findings = [finding for info in RULES.values() for finding in info.function(context)]
    return sorted(findings, key=lambda f: (f.severity != "error", f.location or _NOWHERE, f.rule))
