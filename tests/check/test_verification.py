"""status.*: the audience's minimum status, and attribution of reported figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.check.verification import attribution_phrases
from briefbuilder.load.prose_figures import prose_figures_for

from rulecheck import check

FIGURES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing "Nowhere", publisher: TJWG, date: 2024-10-31}
statistics:
  - id: verified-figure
    value: 113
    unit: persons
    sources: [{id: tjwg-2024, page: 12}]
    status: verified
    label: victims
  - id: reported-figure
    value: 66
    unit: cases
    sources: [{id: tjwg-2024, page: 12}]
    status: reported
    label: cases
  - id: unverified-figure
    value: 62
    unit: interviews
    sources: [{id: tjwg-2024, page: 12}]
    label: interviews
"""


@pytest.mark.parametrize(("minimum", "refused"), [
    ("verified", {"reported-figure", "unverified-figure"}),
    ("reported", {"unverified-figure"}),
    ("unverified", set()),
])
def test_below_minimum(tmp_path: Path, minimum: str, refused: set[str]) -> None:
    result = check(tmp_path, FIGURES, minimum_status=minimum)
    findings = result.of("status.below-minimum")
    assert {f.message.split("'")[1] for f in findings} == refused
    assert all(f.severity == "error" for f in findings)


@pytest.mark.parametrize(("minimum", "accepted"), [("verified", "'verified'"), ("reported", "'reported' or 'verified'")])
def test_below_minimum_says_which_statuses_the_audience_accepts(tmp_path: Path, minimum: str, accepted: str) -> None:
    result = check(tmp_path, FIGURES, minimum_status=minimum)
    unverified = next(f for f in result.of("status.below-minimum") if "'unverified-figure'" in f.message)
    assert unverified.message.endswith(f"audience accepts only {accepted} figures; verify it or leave it out")


def test_below_minimum_points_at_the_status_or_at_the_statistic(tmp_path: Path) -> None:
    result = check(tmp_path, FIGURES, minimum_status="verified")
    lines = sorted(f.location.line for f in result.of("status.below-minimum"))
    # reported-figure has a 'status:' line; unverified-figure is unverified by default (no status line)
    assert lines == [result.line("status: reported"), result.line("- id: unverified-figure")]


def narrative(summary: str) -> str:
    return FIGURES + "summary:\n" + summary


@pytest.mark.parametrize("summary", [
    "  en: According to TJWG, [[stat:reported-figure]] cases were documented.\n",
    "  en: The [[stat:reported-figure]] cases reported by TJWG.\n",
    "  en: TJWG reports that [[stat:reported-figure]] cases were documented.\n",
    "  en: Some [[stat:reported-figure|attributed]] cases were documented.\n",
    "  ko: TJWG에 따르면 [[stat:reported-figure]]건이 기록되었다.\n",
    "  ko: 보고서에 의하면 [[stat:reported-figure]]건이다.\n",
    "  en: Verified figures need no attribution, so [[stat:verified-figure]] victims.\n",
])
def test_attributed_reported_figures_pass(tmp_path: Path, summary: str) -> None:
    assert check(tmp_path, narrative(summary)).of("status.reported-unattributed") == []


@pytest.mark.parametrize("summary", [
    "  en: Some [[stat:reported-figure]] cases were documented.\n",
    # the attribution belongs to the previous sentence
    "  en: According to TJWG, 113 people vanished. Some [[stat:reported-figure]] cases were documented.\n",
    # a Korean phrase does not attribute English text
    "  en: 에 따르면 [[stat:reported-figure]] cases.\n",
    # an option that is not 'attributed'
    "  en: Some [[stat:reported-figure|count]] cases were documented.\n",
    "  ko: 기록된 사례는 [[stat:reported-figure]]건이다.\n",
])
def test_unattributed_reported_figures_fail(tmp_path: Path, summary: str) -> None:
    result = check(tmp_path, narrative(summary))
    (finding,) = result.of("status.reported-unattributed")
    assert (finding.severity, finding.location.line) == ("error", result.line("[[stat:reported-figure"))
    assert finding.message == ("'reported-figure' is a reported figure, not verified: attribute it "
                               "([[stat:reported-figure|attributed]] or 'according to …' in the sentence)")


def test_a_citation_s_full_stop_does_not_end_the_sentence(tmp_path: Path) -> None:
    summary = "  en: According to TJWG [[cite:tjwg-2024|p. 15]] some [[stat:reported-figure]] cases.\n"
    assert check(tmp_path, narrative(summary)).of("status.reported-unattributed") == []


def test_finding_points_at_the_line_in_a_block(tmp_path: Path) -> None:
    body = FIGURES + """\
sections:
  - id: findings
    heading: Findings
    text:
      en: |
        According to TJWG, [[stat:reported-figure]] cases were documented.

        Later, [[stat:reported-figure]] cases again.
"""
    result = check(tmp_path, body)
    (finding,) = result.of("status.reported-unattributed")
    assert finding.location.line == result.line("Later, [[stat:")


def test_phrases_are_locale_data() -> None:
    prose = prose_figures_for()
    assert "according to" in attribution_phrases("en", prose)
    assert "에 따르면" in attribution_phrases("ko", prose)
    assert "selon" in attribution_phrases("fr", prose)
    assert attribution_phrases("xx", prose) == ()
    assert set(attribution_phrases("*", prose)) >= {"according to", "에 따르면", "selon"}


def test_the_rules_report_errors_first_then_by_line(tmp_path: Path) -> None:
    """run_rules (briefbuilder.check) hands a script every finding, errors first, each kind in the order of the file."""
    unlocated = FIGURES.replace("sources: [{id: tjwg-2024, page: 12}]\n    status: verified",
                                "sources: [{id: tjwg-2024}]\n    status: verified")  # a warning: no page
    findings = check(tmp_path, unlocated, minimum_status="verified").findings
    severities = [finding.severity for finding in findings]
    assert "warning" in severities and severities == sorted(severities, key=lambda severity: severity != "error")
    errors = [finding.location.line for finding in findings if finding.severity == "error" and finding.location]
    assert errors == sorted(errors)
