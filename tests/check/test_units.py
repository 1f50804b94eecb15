"""The count-unit rule (briefbuilder/check/units.py) on small briefs: its exact messages and locations.

What a label counts is read from each language's words (``label_units`` in
locales/<code>/prose-figures.yaml); the unit its count prints with comes from the
statistic, its ``count_unit`` or its base.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.model import Brief

from rulecheck import Result, check

RULE = "figures.count-unit"
DECIDED = """\
statistics:
  - id: decided
    value: 57000
    unit: cases
    label: {en: applications decided, ko: 심사 완료 건수}
"""


def found(result: Result) -> list[tuple[str, int | None]]:
    """Each count-unit finding as a user reads it: its message and the line of brief.yaml it points at."""
    return [(finding.message, finding.location.line if finding.location else None) for finding in result.of(RULE)]


def recognised(label: str, *, unit: str = "percent", extra: str = "    base: decided\n    count: 1544\n") -> str:
    """The statistic the tests vary: by default 1,544 recognised of the 57,000 applications decided."""
    return f"  - id: recognised\n    value: 2.7\n    unit: {unit}\n{extra}    label: {label}\n"


@pytest.mark.parametrize("label", ["{en: recognised refugees}", "{ko: 난민 인정자}"])
def test_a_percentage_counting_persons_of_a_base_in_cases_is_warned_at_its_unit(tmp_path: Path, label: str) -> None:
    result = check(tmp_path, DECIDED + recognised(label))
    said = label.split(": ", 1)[1].rstrip("}")
    assert found(result) == [
        ((f"statistic 'recognised': its label ('{said}') counts persons, but its count prints as cases (the unit of "
          "its base 'decided'); add 'count_unit: persons'"), result.line("unit: percent"))]


@pytest.mark.parametrize("label", ["{en: recognised refugees}", "{ko: 난민 인정자}"])
def test_a_count_unit_the_label_disagrees_with_is_warned_at_it(tmp_path: Path, label: str) -> None:
    """The fix names the count_unit to write over the one written, not one to add."""
    result = check(tmp_path, DECIDED + recognised(
        label, extra="    base: decided\n    count: 1544\n    count_unit: cases\n"))
    said = label.split(": ", 1)[1].rstrip("}")
    assert found(result) == [
        ((f"statistic 'recognised': its label ('{said}') counts persons, but its count prints as cases (its "
          "count_unit); write 'count_unit: persons'"), result.line("count_unit: cases"))]


def test_a_count_unit_that_agrees_with_the_label_is_no_warning(tmp_path: Path) -> None:
    body = DECIDED + recognised("{en: recognised refugees, ko: 난민 인정자}",
                                extra="    base: decided\n    count: 1544\n    count_unit: persons\n")
    assert check(tmp_path, body).of(RULE) == []


@pytest.mark.parametrize(("label", "said"), [("{en: applications decided}", "cases"), ("{ko: 심사 완료 건수}", "cases"),
                                             ("{en: interviews}", "interviews"), ("{ko: 면담}", "interviews")])
def test_a_figure_in_its_own_unit_whose_label_counts_another_is_warned_at_its_unit(
        tmp_path: Path, label: str, said: str) -> None:
    result = check(tmp_path, "statistics:\n" + recognised(label, unit="persons", extra=""))
    text = label.split(": ", 1)[1].rstrip("}")
    assert found(result) == [
        ((f"statistic 'recognised': its label ('{text}') counts {said}, but its count prints as persons (its unit); "
          f"write 'unit: {said}'"), result.line("unit: persons"))]


@pytest.mark.parametrize("label", ["{en: recognised refugees}", "{ko: 난민 인정자}"])
def test_a_figure_in_its_own_unit_that_its_label_agrees_with_is_no_warning(tmp_path: Path, label: str) -> None:
    assert check(tmp_path, "statistics:\n" + recognised(label, unit="persons", extra="")).of(RULE) == []


@pytest.mark.parametrize("label", ["{en: victims}", "{ko: 피해자}"])
def test_a_plain_number_prints_no_unit_whatever_its_label_counts(tmp_path: Path, label: str) -> None:
    assert check(tmp_path, "statistics:\n" + recognised(label, unit="number", extra="")).of(RULE) == []


@pytest.mark.parametrize("unit", ["percent", "number", "persons", "cases"])  # a percentage without a base: no count
def test_a_count_unit_off_a_percentage_with_a_base_is_warned_at_it(tmp_path: Path, unit: str) -> None:
    result = check(tmp_path, "statistics:\n" + recognised("{en: recognised refugees}", unit=unit,
                                                          extra="    count_unit: persons\n"))
    assert found(result) == [
        ("statistic 'recognised': 'count_unit' applies only to a percentage with a base; remove it",
         result.line("count_unit: persons"))]


def test_a_figure_printing_no_unit_does_not_end_the_check_of_the_figures_after_it(tmp_path: Path) -> None:
    body = DECIDED + recognised("{en: victims}", unit="number", extra="").replace("id: recognised", "id: total") \
        + recognised("{en: recognised refugees}")
    result = check(tmp_path, body)
    assert found(result) == [
        (("statistic 'recognised': its label ('recognised refugees') counts persons, but its count prints as cases "
          "(the unit of its base 'decided'); add 'count_unit: persons'"), result.line("unit: percent"))]


def test_a_percentage_of_a_plain_number_is_no_warning(tmp_path: Path) -> None:
    """A base that is a plain number gives its percentages' counts no unit to disagree with."""
    body = DECIDED.replace("unit: cases", "unit: number") + recognised("{en: recognised refugees}")
    assert check(tmp_path, body).of(RULE) == []


def test_a_percentage_of_a_share_set_in_python_is_no_warning(tmp_path: Path) -> None:
    """The loader refuses a share as a base; a script giving the rules such a brief gets no unit from it either."""
    def base_as_share(brief: Brief) -> Brief:
        decided, *others = brief.statistics
        return brief.replace(statistics=[decided.replace(unit="percent"), *others])

    assert check(tmp_path, DECIDED + recognised("{en: recognised refugees}"), edit=base_as_share).of(RULE) == []


def test_a_percentage_of_a_number_written_as_its_base_is_no_warning(tmp_path: Path) -> None:
    body = "statistics:\n" + recognised("{en: recognised refugees}", extra="    base: 57000\n    count: 1544\n")
    assert check(tmp_path, body).of(RULE) == []


@pytest.mark.parametrize("label", ["{en: refugee applications}", "{ko: 난민 신청}"])
def test_a_label_counting_two_units_is_no_guess_and_no_warning(tmp_path: Path, label: str) -> None:
    """'refugee applications' counts persons and cases: the rule does not guess which the count is."""
    assert check(tmp_path, DECIDED + recognised(label)).of(RULE) == []


@pytest.mark.parametrize(("languages", "label", "warned"), [
    (("en",), "recognised refugees", True),
    (("ko",), "난민 인정자", True),
    (("ko", "en"), "recognised refugees", True),  # English words, read in the brief's English
    (("ko",), "recognised refugees", False),  # no language of the brief reads English words
])
def test_a_label_written_once_for_every_language_is_read_in_each_language_of_the_brief(
        tmp_path: Path, languages: tuple[str, ...], label: str, warned: bool) -> None:
    result = check(tmp_path, DECIDED + recognised(label), languages=languages)
    assert found(result) == ([
        ((f"statistic 'recognised': its label ('{label}') counts persons, but its count prints as cases (the unit "
          "of its base 'decided'); add 'count_unit: persons'"), result.line("unit: percent"))] if warned else [])
