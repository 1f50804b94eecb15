"""A count's own unit: 1,544 recognised refugees of 57,000 applications are people, not cases (issue 27)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.pipeline import check_brief, render_brief

BRIEF = """\
brief:
  title: {en: Refugees, ko: 난민, fr: Réfugiés}
  organisation: {name: Example Centre, contact: contact@example.org}
  date: 2024-06-20
  languages: [en, ko, fr]
sources:
  - {id: data, kind: other, title: Illustrative figures, publisher: Example Centre, date: 2024-06-20}
statistics:
  - {id: decided, value: 57000, unit: cases, sources: [{id: data, page: 1}], status: reported,
     label: {en: applications decided, ko: 심사 완료 건수, fr: demandes examinées}}
  - id: recognised
    value: 2.7
    unit: percent
    base: decided
    count: 1544
COUNT_UNIT
    sources: [{id: data, page: 1}]
    status: reported
    label: {en: recognised refugees, ko: 난민 인정자, fr: réfugiés reconnus}
summary:
  en: "Recognised: [[stat:recognised|count]]; of the claims decided, [[stat:recognised|share]]."
  ko: "인정: [[stat:recognised|count]]; 심사 완료 신청 [[stat:recognised|share]]."
  fr: "Reconnus : [[stat:recognised|count]] ; [[stat:recognised|share]]."
sections: []
"""


def _brief(tmp_path: Path, count_unit: str) -> Path:
    (tmp_path / "brief.yaml").write_text(BRIEF.replace("COUNT_UNIT\n", count_unit), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("language", "count", "share"), [
    ("en", "1,544 people (2.7%)", "2.7% (1,544 people of 57,000 cases)"),
    ("ko", "1,544명(2.7%)", "57,000건 중 1,544명(2.7%)"),
    ("fr", "1\u202f544\u00a0personnes (2,7\u00a0%)", "2,7\u00a0% (1\u202f544\u00a0personnes sur 57\u202f000\u00a0cas)"),
])
def test_a_count_prints_in_its_own_unit_beside_its_bases(tmp_path: Path, language: str, count: str,
                                                          share: str) -> None:
    markdown = render_brief(_brief(tmp_path, "    count_unit: persons\n"), language).markdown
    assert count in markdown and share in markdown


def test_a_label_counting_people_beside_a_count_printed_as_cases_is_warned(tmp_path: Path) -> None:
    markdown = render_brief(_brief(tmp_path, ""), "en").markdown
    assert "1,544 cases (2.7%)" in markdown  # what the brief asks for, as before: the base's unit
    found = [f for f in check_brief(tmp_path) if f.rule == "figures.count-unit"]
    assert [f.severity for f in found] == ["warning"]
    assert "counts persons, but its count prints as cases (the unit of its base 'decided')" in found[0].message
    assert "add 'count_unit: persons'" in found[0].message
    assert found[0].location is not None and found[0].location.line == 13  # its unit: percent


def test_a_count_unit_that_agrees_with_the_label_is_no_warning(tmp_path: Path) -> None:
    assert not [f for f in check_brief(_brief(tmp_path, "    count_unit: persons\n"))
                if f.rule == "figures.count-unit"]


def test_a_count_unit_on_a_figure_without_a_base_is_warned(tmp_path: Path) -> None:
    brief = _brief(tmp_path, "    count_unit: persons\n")
    text = (brief / "brief.yaml").read_text(encoding="utf-8").replace("    base: decided\n    count: 1544\n", "")
    (brief / "brief.yaml").write_text(text.replace("[[stat:recognised|count]]", "[[stat:recognised]]")
                                      .replace("[[stat:recognised|share]]", "[[stat:recognised]]"), encoding="utf-8")
    found = [f for f in check_brief(brief) if f.rule == "figures.count-unit"]
    assert len(found) == 1 and "applies only to a percentage with a base" in found[0].message


@pytest.mark.parametrize(("language", "label"), [("en", "recognised refugees"), ("ko", "난민 인정자"),
                                                 ("fr", "réfugiés reconnus")])
def test_each_language_reads_its_own_label_words(tmp_path: Path, language: str, label: str) -> None:
    """The words that say what a label counts are each language's data (locales/<code>/prose-figures.yaml)."""
    text = BRIEF.replace("COUNT_UNIT\n", "").replace(
        "label: {en: recognised refugees, ko: 난민 인정자, fr: réfugiés reconnus}", f"label: {{{language}: {label}}}")
    (tmp_path / "brief.yaml").write_text(text, encoding="utf-8")
    found = [f for f in check_brief(tmp_path) if f.rule == "figures.count-unit"]
    assert len(found) == 1 and f"its label ('{label}') counts persons" in found[0].message
