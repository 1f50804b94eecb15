"""consistency.*: the numbers of a brief hold together."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulecheck import check

SOURCES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing "Nowhere", publisher: TJWG, date: 2024-10-31}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [{id: tjwg-2024, page: 12}], status: verified, label: victims}
  - {id: share-of-share, value: 50.0, unit: percent, base: 100, sources: [{id: tjwg-2024, page: 12}], label: half}
"""


def share(fields: str) -> str:
    return SOURCES + f"  - {{id: s, unit: percent, sources: [{{id: tjwg-2024, page: 15}}], label: s, {fields}}}\n"


@pytest.mark.parametrize("fields", [
    "value: 81.4, base: 113",
    "value: 81.4, base: victims",
    "value: 72, base: 43",
    "value: 81.42, base: 113",
    "value: 80, base: victims, qualifier: about",       # an approximation, not a rounded k/N
])
def test_percent_base_passes(tmp_path: Path, fields: str) -> None:
    assert check(tmp_path, share(fields)).of("consistency.percent-base") == []


@pytest.mark.parametrize(("fields", "message"), [
    ("value: 81.4, base: 100", "81.4% cannot be k/100 at one decimal; nearest: 81.0% (81/100), 82.0% (82/100)"),
    ("value: 81.4, base: 112", "81.4% cannot be k/112 at one decimal; nearest: 81.3% (91/112), 82.1% (92/112)"),
    ("value: 71, base: 43", "71% cannot be k/43 as a whole number; nearest: 70% (30/43), 72% (31/43)"),
    ("value: 81.40, base: victims", "81.40% cannot be k/113 at 2 decimals; nearest: 80.53% (91/113), 81.42% (92/113)"),
    ("value: 50, base: 0", "'s' is a percentage of 0; a base must be at least 1"),
    ("value: 50, base: 1", "50% cannot be k/1 as a whole number; nearest: 0% (0/1), 100% (1/1)"),  # the smallest whole
    ("value: 0.5, base: 3", "0.5% cannot be k/3 at one decimal; nearest: 0.0% (0/3), 33.3% (1/3)"),  # nearest to none
])
def test_percent_base_fails(tmp_path: Path, fields: str, message: str) -> None:
    result = check(tmp_path, share(fields))
    (finding,) = result.of("consistency.percent-base")
    assert (finding.severity, finding.message) == ("error", message)
    assert finding.location.line == result.line("- {id: s,")


@pytest.mark.parametrize("fields", [
    "value: 81.4, count: 92, base: victims",
    "value: 81, qualifier: more-than, count: 92, base: victims",    # 81.41… > 81
    "value: 82, qualifier: fewer-than, count: 92, base: victims",
    "value: 81, qualifier: about, count: 92, base: victims",
])
def test_count_passes(tmp_path: Path, fields: str) -> None:
    assert check(tmp_path, share(fields)).of("consistency.count") == []


@pytest.mark.parametrize(("fields", "message"), [
    ("value: 80.5, count: 92, base: victims", "92 of 113 is 81.4%, not 80.5%"),
    ("value: 12, count: 2, base: 8", "2 of 8 is 25%, not 12%"),
    ("value: 82, qualifier: more-than, count: 92, base: victims", "92 of 113 is 81.4%, not more than 82%"),
    ("value: 81, qualifier: up-to, count: 92, base: victims", "92 of 113 is 81.4%, not up to 81%"),
])
def test_count_fails(tmp_path: Path, fields: str, message: str) -> None:
    result = check(tmp_path, share(fields))
    (finding,) = result.of("consistency.count")
    assert finding.severity == "error"
    assert finding.message.startswith(message)
    assert finding.location.line == result.line("- {id: s,")


def test_count_shows_both_roundings_of_a_tie(tmp_path: Path) -> None:
    (finding,) = check(tmp_path, share("value: 10, count: 1, base: 8")).of("consistency.count")
    assert finding.message.startswith("1 of 8 is 12% or 13%, not 10%")


PART_OF_WHOLE = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing "Nowhere", publisher: TJWG, date: 2024-10-31}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [{id: tjwg-2024, page: 12}], label: victims}
  - id: too-many
    value: 120
    unit: persons
    base: victims
    sources: [{id: tjwg-2024, page: 12}]
    label: more than the whole
  - id: count-too-big
    value: 81.4
    unit: percent
    base: victims
    count: 114
    sources: [{id: tjwg-2024, page: 12}]
    label: count over the base
  - id: negative
    value: -3
    unit: cases
    sources: [{id: tjwg-2024, page: 12}]
    label: negative
  - id: negative-base
    value: 10
    unit: percent
    base: -10
    sources: [{id: tjwg-2024, page: 12}]
    label: negative base
  - id: net-change
    value: -12
    unit: number
    sources: [{id: tjwg-2024, page: 12}]
    label: a change may be negative
  # at the bounds, and shares whose figure exceeds their base's number: no finding
  - {id: none, value: 0, unit: persons, sources: [{id: tjwg-2024, page: 12}], label: nobody}
  - {id: all, value: 113, unit: persons, base: victims, sources: [{id: tjwg-2024, page: 12}], label: everybody}
  - {id: zero-count, value: 0, unit: percent, count: 0, base: victims, sources: [{id: tjwg-2024, page: 12}], label: none}
  - {id: zero-base, value: 50, unit: percent, base: 0, sources: [{id: tjwg-2024, page: 12}], label: of nothing}
  - {id: over-fifty, value: 81.4, unit: percent, base: 50, sources: [{id: tjwg-2024, page: 12}], label: 81.4 > 50}
"""


def test_part_exceeds_whole(tmp_path: Path) -> None:
    result = check(tmp_path, PART_OF_WHOLE)
    findings = result.of("consistency.part-exceeds-whole")
    assert {f.severity for f in findings} == {"error"}
    assert sorted(f.location.line for f in findings) == [
        result.line("value: 120"),
        result.line("count: 114"),
        result.line("value: -3"),
        result.line("base: -10"),
    ]
    assert sorted(f.message for f in findings) == [
        "'count-too-big' counts 114 of a whole of 113",
        "'negative' is negative (-3)",
        "'negative-base' has a negative base (-10)",
        "'too-many' is 120 of a whole of 113",
    ]


def test_part_equal_to_whole_passes(tmp_path: Path) -> None:
    assert check(tmp_path, share("value: 100, count: 113, base: victims")).of("consistency.part-exceeds-whole") == []


GROUPS = SOURCES + """\
  - {id: men, value: 58.4, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], label: men}
  - {id: women, value: 41.6, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], label: women}
  - {id: women-wrong, value: 45.1, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], label: women}
  - {id: women-112, value: 41.1, unit: percent, base: 112, sources: [{id: tjwg-2024, page: 19}], label: women}
  - {id: men-count, value: 58.4, count: 66, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], label: men}
  - {id: women-count, value: 41.6, count: 46, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 19}], label: women}
  - {id: defection, value: 39.8, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], label: defection}
  - {id: guilt, value: 25.7, unit: percent, base: victims, sources: [{id: tjwg-2024, page: 18}], label: guilt}
  - {id: cases, value: 66, unit: cases, sources: [{id: tjwg-2024, page: 18}], label: cases}
groups:
"""


@pytest.mark.parametrize("group", [
    "  - {id: g, parts: [men, women]}",
    "  - {id: g, parts: [defection, guilt], exhaustive: false}",
    "  - {id: g, parts: [victims, cases]}",     # counts without a stated whole: nothing to add up
])
def test_group_sum_passes(tmp_path: Path, group: str) -> None:
    assert check(tmp_path, GROUPS + group + "\n").of("consistency.group-sum") == []


@pytest.mark.parametrize(("group", "message"), [
    ("  - {id: g, parts: [men, women-wrong]}", "sum to 103.5%, not 100%"),
    ("  - {id: g, parts: [men, women, defection], exhaustive: false}", "sum to 139.8%, not at most 100%"),
    ("  - {id: g, parts: [defection, guilt]}", "sum to 65.5%, not 100%"),
    ("  - {id: g, parts: [men, women-112]}", "different wholes (men: 113, women-112: 112)"),
    ("  - {id: g, parts: [men, cases]}", "mixes percentages with other units"),
    ("  - {id: g, parts: [men-count, women-count]}", "the counts of group 'g' sum to 112, not 113"),
])
def test_group_sum_fails(tmp_path: Path, group: str, message: str) -> None:
    result = check(tmp_path, GROUPS + group + "\n")
    (finding,) = result.of("consistency.group-sum")
    assert finding.severity == "error"
    assert message in finding.message
    assert finding.location.line == result.line("- {id: g,")


def test_group_sum_points_at_the_parts_in_block_style(tmp_path: Path) -> None:
    body = GROUPS + """\
  - id: g
    parts:
      - men
      - women-wrong
"""
    result = check(tmp_path, body)
    (finding,) = result.of("consistency.group-sum")
    assert finding.location.line == result.line("- men")


@pytest.mark.parametrize(("base_fields", "problem"), [
    ("value: 113.5, unit: persons", "is not a whole number (113.5)"),
    ("value: 113, unit: persons, qualifier: about", "is approximate (about 113)"),
])
def test_base_unit_fails(tmp_path: Path, base_fields: str, problem: str) -> None:
    body = SOURCES + f"""\
  - {{id: the-base, {base_fields}, sources: [{{id: tjwg-2024, page: 1}}], label: base}}
  - id: s
    value: 50.0
    unit: percent
    base: the-base
    count: 92
    sources: [{{id: tjwg-2024, page: 15}}]
    label: s
"""
    result = check(tmp_path, body)
    (finding,) = result.of("consistency.base-unit")
    assert finding.severity == "error"
    assert problem in finding.message
    assert finding.location.line == result.line("base: the-base")
    # an unusable base is reported once, not again as a wrong percentage or count (50.0% of 113 would be both)
    assert result.of("consistency.percent-base") == result.of("consistency.count") == []


def test_base_unit_passes_for_a_count(tmp_path: Path) -> None:
    assert check(tmp_path, share("value: 81.4, base: victims")).of("consistency.base-unit") == []
