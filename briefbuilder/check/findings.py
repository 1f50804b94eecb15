"""Findings and the rule registry of the check stage.

A rule is a pure function from a :class:`CheckContext` to findings: no I/O,
no rendering. Rules about the documents an audience receives (word limits,
numbering, a confidential name) read the documents the build rendered and
will write, handed over in ``CheckContext.documents``. Each has a stable id (``consistency.percent-base``) and a
one-line explanation, listed by ``briefbuilder check --rules`` and the docs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..audience import Pack
from ..catalog import Catalog
from ..document import RenderedDocument
from ..errors import BriefError, Location, Problem
from ..load.statements import StatementWords
from ..load.prose_figures import ProseFigures
from ..model import Brief, Located

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    rule: str
    message: str
    location: Location | None = None
    audiences: tuple[str, ...] = ()  # the audience packs it was found for (set by the pipeline)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}: {self.rule}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data: ``json.dumps([f.as_dict() for f in findings])``."""
        where = self.location.as_dict() if self.location else {"file": None, "line": None, "place": None}
        return {**where, "severity": self.severity, "rule": self.rule, "message": self.message,
                "audiences": list(self.audiences)}


@dataclass(frozen=True)
class CheckContext:
    """Everything a rule may read: the brief, its audience, what is being built."""

    brief: Brief
    pack: Pack
    languages: tuple[str, ...]
    catalog: Catalog
    today: dt.date = field(default_factory=dt.date.today)
    # The documents rendered for this audience, by language, or why one could not be rendered.
    documents: Mapping[str, RenderedDocument | BriefError] = field(default_factory=dict)
    # Each language's words of treaty status (its statements.yaml), for the check of the prose; None: it has none.
    statements: Mapping[str, StatementWords | None] = field(default_factory=dict)
    # How each language writes figures in prose (locales/<code>/prose-figures.yaml), by language code;
    # a language without one is not read by the rules that need it (load/ reads the files: Inputs.prose).
    prose: Mapping[str, ProseFigures] = field(default_factory=dict)
    # What several rules derive from the brief alike (the narrative as the prose rules read it), computed
    # by the first rule that needs it and freed with the context.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    unused_packs: tuple[Path, ...] = ()  # manifests of packs beside the brief that the build does not use

    def document(self, language: str) -> RenderedDocument | None:
        """The rendered document in ``language``; None when it was not (or could not be) rendered."""
        document = self.documents.get(language)
        return document if isinstance(document, RenderedDocument) else None


def resolve(brief: Brief, path: str) -> tuple[Any, Located]:
    """The value at a dotted ``path`` and the nearest object holding it (to point at)."""
    value: Any = brief
    holder: Located = brief.brief
    for part in path.split("."):
        if isinstance(value, Located):
            holder = value
        value = getattr(value, part, None)
        if value is None:
            break
    return value, holder


Rule = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    id: str
    explanation: str
    severity: Severity  # the worst it reports
    example: str  # a finding as the user sees it
    function: Rule

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.id, "severity": self.severity, "explanation": self.explanation, "example": self.example}


RULES: dict[str, RuleInfo] = {}


def register_rule(function: Rule, rule_id: str, explanation: str, *, severity: Severity, example: str) -> None:
    """Register a rule under a stable id, with what ``briefbuilder check --rules`` and docs/rules.md say of it.

    A call after the function, not a decorator: mutation testing (docs/testing.md) leaves decorated
    functions alone, and the rules are most of what check/ does.
    """
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} registered twice")
    RULES[rule_id] = RuleInfo(rule_id, explanation, severity, example, function)


def rules_markdown() -> str:
    """The table of every registered rule, as docs/rules.md holds it."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = [f"| `{info.id}` | {info.severity} | {cell(info.explanation)} | `{cell(info.example)}` |"
            for info in RULES.values()]
    return "\n".join(["| Rule | Severity | What it checks | Example finding |",
                      "|------|----------|----------------|-----------------|", *rows]) + "\n"


class ChecksFailed(BriefError):
    """The brief failed its checks, so nothing was written; ``findings`` holds every finding, errors first."""

    kind = "checks"

    def __init__(self, findings: Iterable[Finding]):
        self.findings: list[Finding] = list(findings)
        super().__init__(Problem(f.location, f.rule, f.message) for f in self.findings if f.severity == "error")

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "findings": [finding.as_dict() for finding in self.findings]}
