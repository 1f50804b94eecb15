"""A brief with four faults a desk officer would catch: each is refused with its rule and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefbuilder.check import RULES

from rulecheck import check

FAULTY = """\
brief:
  title: Enforced disappearances
  organisation:
    name: TJWG
  date: 2024-11-15
sources:
  - id: tjwg-2024
    kind: report
    title: Existing "Nowhere"
    publisher: TJWG
    date: 2024-10-31
statistics:
  - id: victims
    value: 113
    unit: persons
    label: victims
  - id: mss-jurisdiction
    value: 81.4
    unit: percent
    base: 100
    sources: [{id: tjwg-2024, page: 15}]
    status: verified
    label: MSS
  - id: interviews
    value: 62
    unit: interviews
    as_of: 2025-06-01
    sources: [{id: tjwg-2024, page: 8}]
    status: verified
    label: interviews
  - id: rumour
    value: 12
    unit: cases
    sources: [{id: tjwg-2024, page: 40}]
    status: unverified
    label: rumoured cases
"""


def test_each_fault_is_an_error_with_its_rule_and_line(tmp_path: Path) -> None:
    result = check(tmp_path, FAULTY, header="", minimum_status="verified", today=dt.date(2025, 1, 1))
    errors = {(f.rule, f.location.line) for f in result.findings if f.severity == "error"}
    assert ("provenance.no-source", 13) in errors          # (a) victims: no sources
    assert ("consistency.percent-base", 18) in errors      # (b) 81.4% of 100
    assert ("time.future", 27) in errors                   # (c) as_of 2025-06-01, after the brief and today
    assert ("status.below-minimum", 35) in errors          # (d) unverified under a 'verified' audience
    # victims has no status either: unverified by default, pointed at its entry
    assert errors == {
        ("provenance.no-source", 13), ("status.below-minimum", 13), ("consistency.percent-base", 18),
        ("time.future", 27), ("time.source-after-statistic", 27), ("status.below-minimum", 35),
    }


# Families whose rows this test holds docs/rules.md to; add a family once its rows are written.
DOCUMENTED_FAMILIES = ("language.", "provenance.", "status.", "consistency.", "time.")


def test_every_rule_is_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    undocumented = [rule_id for rule_id in RULES
                    if rule_id.startswith(DOCUMENTED_FAMILIES) and f"`{rule_id}`" not in docs]
    assert undocumented == []
