"""consistency.*: the field each finding points at, counts at their bounds, and every figure checked.

The briefs here write a statistic one field a line, so a finding on the wrong field points at the wrong
line; test_consistency.py writes most of them on one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.model import Brief
from rulecheck import check
from test_consistency import GROUPS, SOURCES, share


def statistic(id_: str, **fields: object) -> str:
    """One percentage of the statistics list, a field a line."""
    lines = "".join(f"    {key}: {value}\n" for key, value in fields.items())
    return f"  - id: {id_}\n    unit: percent\n{lines}    sources: [{{id: tjwg-2024, page: 15}}]\n    label: {id_}\n"


def test_each_figure_is_checked_after_one_reported_or_passed_over(tmp_path: Path) -> None:
    """A figure the rules report or cannot test does not stop them at the next one; each points at its field."""
    body = SOURCES \
        + statistic("of-nothing", value=50, base=0) \
        + statistic("approximate", value=80, qualifier="about", base="victims") \
        + statistic("count-over-base", value=81.4, count=114, base="victims") \
        + statistic("unreachable", value=71, base=43) \
        + statistic("wrong-count", value=80.5, count=92, base="victims")
    result = check(tmp_path, body)
    assert [(f.message, f.location.line) for f in result.of("consistency.percent-base")] == [
        ("'of-nothing' is a percentage of 0; a base must be at least 1", result.line("base: 0")),
        ("71% cannot be k/43 as a whole number; nearest: 70% (30/43), 72% (31/43)", result.line("value: 71")),
    ]
    assert [(f.message, f.location.line) for f in result.of("consistency.count")] == [
        ("92 of 113 is 81.4%, not 80.5%; correct the count or the percentage", result.line("value: 80.5"))]


@pytest.mark.parametrize(("fields", "message"), [
    ("value: 5, count: 0, base: 8", "0 of 8 is 0%, not 5%"),       # nobody
    ("value: 90, count: 8, base: 8", "8 of 8 is 100%, not 90%"),    # everybody
])
def test_count_at_its_bounds_is_checked(tmp_path: Path, fields: str, message: str) -> None:
    (finding,) = check(tmp_path, share(fields)).of("consistency.count")
    assert finding.message.startswith(message)


@pytest.mark.parametrize("fields", [
    "value: 71, unit: persons, base: 43",    # a count of a whole, not a share of it: 71% could not be k/43
    "value: 71, base: 43, qualifier: about",  # an approximation of a share need not be a k/N
])
def test_percent_base_reads_exact_shares_only(tmp_path: Path, fields: str) -> None:
    body = SOURCES + f"  - {{id: s, sources: [{{id: tjwg-2024, page: 15}}], label: s, {fields}}}\n"
    body = body if "unit:" in fields else body.replace("label: s,", "label: s, unit: percent,")
    assert check(tmp_path, body).of("consistency.percent-base") == []


def _base_set_in_python(base: str):  # type: ignore[no-untyped-def]
    def edit(brief: Brief) -> Brief:
        *others, last = brief.statistics
        return brief.replace(statistics=[*others, last.replace(base=base)])
    return edit


def test_a_percentage_as_base_set_in_python_is_a_base_unit_error(tmp_path: Path) -> None:
    """The loader refuses a share as a base; a script handing the rules such a brief is told why, once."""
    result = check(tmp_path, share("value: 50.0, base: victims"), edit=_base_set_in_python("share-of-share"))
    assert [f.message for f in result.of("consistency.base-unit")] == [
        "'s' is a share of 'share-of-share', which is a percentage, not a count; use the statistic counting the whole"]
    assert result.of("consistency.percent-base") == []


def test_a_base_naming_no_statistic_set_in_python_is_no_base_unit_error(tmp_path: Path) -> None:
    """The loader refuses an unknown base; a script handing the rules one gets no finding on it from here."""
    result = check(tmp_path, share("value: 50.0, base: victims"), edit=_base_set_in_python("nobody"))
    assert result.of("consistency.base-unit") == []


BLOCK_GROUPS = GROUPS.replace(
    "  - {id: cases,",
    "  - {id: defection-count, value: 39.8, count: 45, unit: percent, base: victims, sources: [{id: tjwg-2024, "
    "page: 18}], label: defection}\n  - {id: north-count, value: 79.6, count: 90, unit: percent, base: victims, "
    "sources: [{id: tjwg-2024, page: 17}], label: in North Korea}\n  - {id: cases,") + """\
  - id: counts-only
    parts:
      - victims
      - cases
  - id: mixed
    parts:
      - women-wrong
      - cases
  - id: wholes
    parts:
      - women-112
      - women
  - id: counted
    parts:
      - men-count
      - women-count
  - id: counted-over
    exhaustive: false
    parts:
      - defection-count
      - north-count
"""


def test_each_group_is_checked_and_each_finding_points_at_its_parts(tmp_path: Path) -> None:
    result = check(tmp_path, BLOCK_GROUPS)
    assert [(f.message, f.location.line) for f in result.of("consistency.group-sum")] == [
        ("group 'mixed' mixes percentages with other units; its parts must all be shares (unit: percent)",
         result.line("- women-wrong")),
        ("group 'wholes' has parts of different wholes (women-112: 112, women: 113)", result.line("- women-112")),
        ("the counts of group 'counted' sum to 112, not 113", result.line("- men-count")),
        ("the parts of group 'counted-over' sum to 119.4%, not at most 100% within rounding",
         result.line("- defection-count")),
        ("the counts of group 'counted-over' sum to 135, not at most 113", result.line("- defection-count")),
    ]
