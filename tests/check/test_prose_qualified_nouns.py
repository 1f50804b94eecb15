"""prose.qualified-group: how the group noun of a narrowed label is found in the clause around its figure.

The noun is a word of its own, in any case: "Children" opening a sentence is
the noun, "mentioned" does not hold "men". A statistic with no label in the
language is skipped, and the ones after it are still read; a language whose
phrases have no framing still has its groups read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.audience import Pack
from briefbuilder.check import RULES, CheckContext
from briefbuilder.load.brief import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.load.prose_figures import PROSE_FIGURES, prose_figures_for
from briefbuilder.resources import data_dir

from rulecheck import HEADER, check

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


def test_a_language_without_framing_phrases_still_has_its_groups_read(tmp_path: Path) -> None:
    english = (data_dir("locales") / "en" / PROSE_FIGURES).read_text(encoding="utf-8")
    folder = tmp_path / "locales" / "en"
    folder.mkdir(parents=True)
    (folder / PROSE_FIGURES).write_text("\n".join(line for line in english.splitlines()
                                                  if not line.startswith("framing:")), encoding="utf-8")
    path = tmp_path / "brief.yaml"
    path.write_text(HEADER + FIGURES + 'summary:\n  en: "Children made up [[stat:children-under-10]] of the victims."\n',
                    encoding="utf-8")
    brief = load_brief(path)
    prose = prose_figures_for([tmp_path / "locales"])
    assert prose["en"].framing is None
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("en",),
                           catalog=catalog_for_brief(brief.directory), prose=prose)
    assert [finding.rule for finding in RULES["prose.qualified-group"].function(context)] == ["prose.qualified-group"]


@pytest.mark.parametrize(("sentence", "reported"), [
    # The clause of a figure runs from the figure before it to the figure after it, within its sentence.
    ("Those aged 20 to 39 numbered 44, and [[stat:children-under-10|count]] were children.", True),
    ("Those aged 20 to 39 numbered 44, and children numbered [[stat:children-under-10|count]].", True),
    ("Those aged 20 to 39 numbered 44, [[stat:children-under-10|count]] were children and 113 were documented.", True),
    ("Children aged 0 to 9 are most at risk. Of the victims, [[stat:children-under-10|count]] were children.", True),
    ("Of the [[stat:victims]], [[stat:children-under-10|count]] were children.", True),
    ("Of the victims, 44 were children and [[stat:children-under-10|count]] were aged 0 to 9.", False),
])
def test_the_clause_of_a_figure_is_read_between_its_neighbours(tmp_path: Path, sentence: str, reported: bool) -> None:
    assert len(qualified(tmp_path, "en", sentence)) == reported
