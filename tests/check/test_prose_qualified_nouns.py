"""prose.qualified-group: how the group noun of a narrowed label is found in the clause around its figure.

The noun is a word of its own, in any case: "Children" opening a sentence is
the noun, "mentioned" does not hold "men". A statistic with no label in the
language is skipped, and the ones after it are still read.
"""

from __future__ import annotations

from pathlib import Path

from rulecheck import check

FIGURES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing Nowhere, publisher: Transitional Justice Working Group, date: 2024-10-31}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [tjwg-2024], status: verified, label: {en: victims, ko: 피해자}}
  - {id: untranslated, value: 62, unit: persons, sources: [tjwg-2024], status: verified, label: {en: escapees aged 20 to 39}}
  - {id: children-under-10, value: 11.5, count: 13, unit: percent, base: victims, sources: [tjwg-2024], status: verified, label: {en: victims who were children aged 0 to 9, ko: 0~9세 아동 피해자}}
  - {id: young-men, value: 38.9, count: 44, unit: percent, base: victims, sources: [tjwg-2024], status: verified, label: {en: victims who were men aged 20 to 39, ko: 20~39세 남성 피해자}}
"""


def qualified(tmp_path: Path, lang: str, sentence: str) -> list[str]:
    result = check(tmp_path, FIGURES + f'summary:\n  {lang}: "{sentence}"\n', languages=(lang,))
    return [finding.message for finding in result.of("prose.qualified-group")]


def test_the_group_noun_is_found_in_any_case(tmp_path: Path) -> None:
    assert qualified(tmp_path, "en", "Children made up [[stat:children-under-10]] of the victims.") == [
        "'[[stat:children-under-10]]' in summary.en is 'victims who were children aged 0 to 9', but its clause "
        "says 'children' without a qualifier such as 'aged 0 to 9'"]


def test_the_group_noun_is_a_whole_word(tmp_path: Path) -> None:
    assert qualified(tmp_path, "en", "Of the victims, [[stat:young-men|count]] were mentioned by name.") == []
    assert len(qualified(tmp_path, "en", "Of the victims, [[stat:young-men|count]] were men.")) == 1


def test_a_statistic_without_a_label_in_the_language_does_not_stop_the_others(tmp_path: Path) -> None:
    assert len(qualified(tmp_path, "ko", "피해자 중 [[stat:children-under-10|count]]이 아동이었습니다.")) == 1
