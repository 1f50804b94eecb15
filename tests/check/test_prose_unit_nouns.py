"""prose.unit-noun: which references print a unit noun, so that a noun written after them is one too many.

A reference prints a noun as the renderer prints it: the amount of a count
("122,095 cases"), plain or ``|attributed``; ``|count`` of a share, its count
in the count's own unit ("92 people (81.4%)", "3,297 people (2.7%)" of a base
of cases), or the amount when it has no exact count. A percentage, ``|share``,
``|value`` and a qualified share's ``|count`` ("about 80%") print none, nor
does a citation. A following word is a word of the label when it is one
(English) or starts with one of two letters or more (Korean).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rulecheck import check

FIGURES = """\
sources:
  - {id: unhcr, kind: government-data, title: Global Trends, publisher: UNHCR, date: 2024-06-13}
  - {id: returned, kind: news, title: Returned, publisher: UCA News, date: 2024-05-02}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [unhcr], status: verified, label: victims}
  - {id: applications, value: 122095, unit: cases, sources: [unhcr], status: verified, label: {en: asylum applications, ko: 난민 신청}}
  - {id: mss-jurisdiction, value: 81.4, count: 92, unit: percent, base: victims, sources: [unhcr], status: verified, label: victims held by the Ministry}
  - {id: about-80, value: 80, qualifier: about, unit: percent, base: victims, sources: [unhcr], status: verified, label: victims never heard of again}
  - {id: returned, value: 500, qualifier: more-than, unit: persons, sources: [returned], status: verified, label: {en: North Koreans returned from China, ko: 송환된 북한 주민}}
  - {id: claims-ko, value: 3500, unit: cases, sources: [unhcr], status: verified, label: {ko: 난민 신청 총 건수}}
  - {id: recognised, value: 2.7, count: 3297, count_unit: persons, unit: percent, base: applications, sources: [unhcr], status: verified, label: applicants recognised}
"""


def warnings(tmp_path: Path, sentence: str) -> list[str]:
    return [finding.message for finding in check(tmp_path, FIGURES + f'summary:\n  en: "{sentence}"\n').of("prose.unit-noun")]


@pytest.mark.parametrize(("sentence", "message"), [
    ("The agency counted [[stat:applications]] cases.",
     "[[stat:applications]] in summary.en prints its unit noun (case/cases) and repeats 'cases'; "
     "write [[stat:applications|value]] cases"),
    ("The agency counted [[stat:applications|attributed]] applications.",
     "[[stat:applications|attributed]] in summary.en prints its unit noun (case/cases) and is followed by "
     "'applications'; write [[stat:applications|value]] applications"),
    ("Of them, [[stat:mss-jurisdiction|count]] people were held.",
     "[[stat:mss-jurisdiction|count]] in summary.en prints its unit noun (people/person/persons) and repeats "
     "'people'; write [[stat:mss-jurisdiction|value]] people"),
    ("The report names [[stat:victims|count]] victims.",
     "[[stat:victims|count]] in summary.en prints its unit noun (people/person/persons) and is followed by "
     "'victims'; write [[stat:victims|value]] victims"),
    ("Of them, [[stat:recognised|count]] people were recognised.",
     "[[stat:recognised|count]] in summary.en prints its unit noun (people/person/persons) and repeats "
     "'people'; write [[stat:recognised|value]] people"),
])
def test_a_noun_after_a_reference_that_prints_one_is_reported(tmp_path: Path, sentence: str, message: str) -> None:
    assert warnings(tmp_path, sentence) == [message]


@pytest.mark.parametrize("sentence", [
    "Of them, [[stat:mss-jurisdiction]] victims were held by the Ministry.",
    "Of them, [[stat:mss-jurisdiction|share]] victims were held by the Ministry.",
    "Of them, [[stat:about-80|count]] victims were never heard of again.",
    "The agency counted [[stat:applications|value]] applications.",
])
def test_a_noun_after_a_reference_that_prints_none_is_the_author_s_own(tmp_path: Path, sentence: str) -> None:
    assert warnings(tmp_path, sentence) == []


@pytest.mark.parametrize("before", ["[[stat:applications|value]] files,", "[[stat:victims]]."])
def test_every_reference_is_read_after_one_that_needs_no_warning(tmp_path: Path, before: str) -> None:
    assert len(warnings(tmp_path, f"Of {before} the agency counted [[stat:applications]] cases.")) == 1


@pytest.mark.parametrize(("lang", "sentence", "warned"), [
    ("en", "Police sent [[stat:returned]] northward.", False),  # an English word is whole: 'northward' is not 'North'
    ("en", "Those sent back [[cite:returned]] people describe beatings.", False),  # a citation prints no unit
    ("en", "The agency counted [[stat:claims-ko]] cases.", True),  # a label missing the language: only unit nouns
    ("ko", "올해 [[stat:applications]] 신청, 그중 일부가 인정되었다.", True),  # a Korean word of two letters counts
    ("ko", "올해 [[stat:claims-ko]] 총계가 집계되었다.", False),  # a label word of one letter is too short to count
])
def test_how_a_following_word_is_matched_with_a_label(tmp_path: Path, lang: str, sentence: str, warned: bool) -> None:
    result = check(tmp_path, FIGURES + f'summary:\n  {lang}: "{sentence}"\n', languages=(lang,))
    assert len(result.of("prose.unit-noun")) == warned
