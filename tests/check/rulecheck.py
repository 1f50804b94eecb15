"""Helpers for rule tests: briefs written inline as YAML, loaded from a temporary file.

Not a conftest.py: other test folders import names from their own ``conftest``
module, which a second conftest here would shadow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefbuilder.audience import Pack
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.check import CheckContext, Finding, run_rules
from briefbuilder.load.brief import load_brief
from briefbuilder.load.prose_figures import prose_figures_for
from briefbuilder.load.statements import statement_words
from briefbuilder.model import Brief

HEADER = """\
brief:
  title: Test brief
  organisation:
    name: Transitional Justice Working Group
  date: 2024-11-15
"""
TODAY = dt.date(2025, 1, 1)

# The worked example: every figure of the TJWG report, all consistent.
TJWG = """\
sources:
  - id: tjwg-2024
    kind: report
    title:
      en: Existing "Nowhere"
      ko: 존재할 수 없는 존재
    publisher: Transitional Justice Working Group
    date: 2024-10-31
    url: https://en.tjwg.org/2024/10/31/report/
  - id: reuters-2024
    kind: news
    title: More than 100 North Koreans have gone missing
    author: Hyonhee Shin
    publisher: Reuters
    date: 2024-10-31
statistics:
  - id: victims
    value: 113
    unit: persons
    as_of: 2024-05-31
    sources: [{id: tjwg-2024, page: 12}]
    status: verified
    label: victims
  - {id: mss-jurisdiction, value: 81.4, count: 92, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 15}], status: verified, label: MSS}
  - {id: mss-arrested, value: 54.9, count: 62, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 15}], status: verified, label: arrested by the MSS}
  - {id: relatives, value: 47.8, count: 54, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 16}], status: verified, label: relatives}
  - {id: aged-20s-30s, value: 38.9, count: 44, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 16}], status: verified, label: 20s and 30s}
  - {id: children, value: 11.5, count: 13, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 16}], status: verified, label: children}
  - {id: arrested-north, value: 79.6, count: 90, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 17}], status: verified, label: in North Korea}
  - {id: arrested-abroad, value: 20.4, count: 23, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 17}], status: verified, label: abroad}
  - {id: defection, value: 39.8, count: 45, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], status: verified, label: defection}
  - {id: guilt, value: 25.7, count: 29, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], status: verified, label: guilt by association}
  - {id: outside, value: 8.8, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], status: verified, label: outside contact}
  - {id: criticism, value: 7.1, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], status: verified, label: criticism}
  - {id: religion, value: 5.3, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], status: verified, label: religion}
  - {id: men, value: 58.4, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], status: verified, label: men}
  - {id: women, value: 41.6, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], status: verified, label: women}
  - id: mss-reported
    value: 81
    qualifier: more-than
    unit: percent
    base: victims
    count: 92
    as_of: 2024-10-31
    sources: [{id: reuters-2024, paragraph: 3}]
    status: reported
    label: vanished after transfer to the MSS
groups:
  - {id: sex, parts: [men, women]}
  - {id: arrest-place, parts: [arrested-north, arrested-abroad]}
  - {id: reasons, parts: [defection, guilt, outside, criticism, religion], exhaustive: false}
summary: >-
  According to Reuters, [[stat:mss-reported]] of the victims vanished after transfer to the MSS.
sections:
  - id: findings
    heading: Findings
    text: |
      Of the [[stat:victims]], [[stat:mss-jurisdiction]] disappeared under the MSS [[cite:tjwg-2024|p. 15]].
"""

@dataclass(frozen=True)
class Result:
    """The findings on one brief, with the brief's body to find lines in."""

    findings: list[Finding]
    body: str
    header: str = HEADER

    def of(self, rule_id: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.rule == rule_id]

    def line(self, marker: str) -> int:
        """The 1-based line of the brief file (header included) on which ``marker`` is written, once."""
        lines = [number for number, text in enumerate(self.body.splitlines(), start=1) if marker in text]
        assert len(lines) == 1, f"{marker!r} is on lines {lines}"
        return self.header.count("\n") + lines[0]


def check(tmp_path: Path, body: str, *, header: str = HEADER, today: dt.date = TODAY,
          languages: tuple[str, ...] = ("en",), edit: Callable[[Brief], Brief] | None = None,
          **pack: Any) -> Result:
    """Every finding on header + body, under a test audience pack with ``pack`` settings; ``edit`` changes the
    loaded brief in Python first, as a script calling the rules directly may."""
    path = tmp_path / "brief.yaml"
    path.write_text(header + body, encoding="utf-8")
    brief = load_brief(path) if edit is None else edit(load_brief(path))
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}, **pack), languages,
                           catalog=catalog_for_brief(brief.directory), today=today,
                           statements={code: statement_words(code) for code in languages}, prose=prose_figures_for())
    return Result(run_rules(context), body, header)
