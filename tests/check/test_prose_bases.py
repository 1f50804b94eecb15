"""prose.wrong-base: which groups frame a share by its own base, and what the finding says.

The group may name the base by a reference, by its number or by a word of its
label; a base given as a bare number (``base: 62``) is named by a statistic of
that value. The finding quotes the group as written (a reference whole) and
names the base by its label in the text's language, or in the language it is
written in when it has no translation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rulecheck import check

FIGURES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing Nowhere, publisher: Transitional Justice Working Group, date: 2024-10-31}
statistics:
  - {id: interviewees, value: 62, unit: persons, sources: [tjwg-2024], status: verified, label: {en: escapees interviewed, ko: 면담자, fr: personnes interrogées}}
  - {id: victims, value: 113, unit: persons, sources: [tjwg-2024], status: verified, label: VICTIMS}
  - {id: women, value: 41.6, unit: percent, base: victims, sources: [tjwg-2024], status: verified, label: {en: victims who were women, ko: 여성 피해자, fr: victimes de sexe féminin}}
  - {id: mss-jurisdiction, value: 81.4, count: 92, unit: percent, base: victims, sources: [tjwg-2024], status: verified, label: {en: victims who disappeared under the Ministry, ko: 실종된 피해자, fr: victimes disparues}}
  - {id: witnessed-arrest, value: 40.3, unit: percent, base: 62, sources: [tjwg-2024], status: verified, label: {en: interviewees who saw an arrest, ko: 체포를 목격한 면담자, fr: témoins d'une arrestation}}
  - {id: relative-held, value: 12.4, unit: percent, base: 250, sources: [tjwg-2024], status: verified, label: {en: people surveyed with a relative held, ko: 가족이 구금된 응답자, fr: sondés dont un proche est détenu}}
"""
VICTIMS = {"en": "victims", "ko": "피해자", "fr": "victimes"}
SENTENCES = {
    "en": "Of the [[stat:women]], [[stat:mss-jurisdiction|share]] disappeared.",
    "fr": "Parmi les [[stat:women]], [[stat:mss-jurisdiction|share]] ont disparu.",
    "ko": "[[stat:women]] 중 [[stat:mss-jurisdiction|share]]이 실종되었습니다.",
}


def brief(lang: str, sentence: str, victims_label: dict[str, str] = VICTIMS) -> str:
    label = "{" + ", ".join(f"{code}: {text}" for code, text in victims_label.items()) + "}"
    return FIGURES.replace("label: VICTIMS", f"label: {label}") + f'summary:\n  {lang}: "{sentence}"\n'


@pytest.mark.parametrize("lang", ["en", "fr", "ko"])
def test_the_finding_quotes_the_group_reference_whole_and_names_the_base_in_the_language(tmp_path: Path,
                                                                                          lang: str) -> None:
    (finding,) = check(tmp_path, brief(lang, SENTENCES[lang]), languages=(lang,)).of("prose.wrong-base")
    assert finding.message == (
        f"'[[stat:mss-jurisdiction|share]]' in summary.{lang} is framed by '[[stat:women]]', but it is a share of "
        f"'{VICTIMS[lang]}' (113); frame it by its base, or cite the statistic that is a share of this group")


def test_a_base_label_without_the_language_is_named_as_written(tmp_path: Path) -> None:
    result = check(tmp_path, brief("fr", SENTENCES["fr"], {"en": "victims"}), languages=("fr",))
    (finding,) = result.of("prose.wrong-base")
    assert "but it is a share of 'victims' (113)" in finding.message


def test_a_group_that_starts_with_the_wrong_number_is_the_wrong_base_whatever_its_words(tmp_path: Path) -> None:
    (finding,) = check(tmp_path, brief("en", "Of the 50 victims, 81.4 per cent disappeared.")).of("prose.wrong-base")
    assert "is framed by '50 victims'" in finding.message


@pytest.mark.parametrize(("group", "wrong"), [
    ("[[stat:interviewees]]", False),  # a statistic whose value is the base
    ("62 escapees", False),
    ("escapees interviewed", False),  # words are not compared with a base that is a bare number
    ("[[stat:victims]]", True),
    ("113 escapees", True),
])
def test_a_base_given_as_a_number_is_named_by_a_statistic_or_a_number_of_that_value(tmp_path: Path, group: str,
                                                                                     wrong: bool) -> None:
    result = check(tmp_path, brief("en", f"Of the {group}, 40.3 per cent saw an arrest."))
    found = result.of("prose.wrong-base")
    assert len(found) == wrong
    assert all("but it is a share of a base of 62;" in finding.message for finding in found)


@pytest.mark.parametrize(("sentence", "framed_wrong"), [
    ("Of the 113 victims, 81.4 per cent disappeared; of the 62 interviewees, 40.3 per cent saw an arrest.", []),
    ("Of the 62 interviewees, 81.4 per cent disappeared; of the 113 victims, 40.3 per cent saw an arrest.",
     ["'81.4 per cent' in summary.en is framed by '62 interviewees'", "'40.3 per cent' in summary.en is framed by "
                                                                      "'113 victims'"]),
    ("Of the 113 victims, 92 disappeared; of the 62 interviewees, 81.4 per cent were held; of the 250 people "
     "surveyed, 12.4 per cent had a relative held.", ["'81.4 per cent' in summary.en is framed by '62 interviewees'"]),
    ("Of the 62 interviewees, most had fled. 81.4 per cent of the victims disappeared.", []),
    ("[[stat:mss-jurisdiction|share]] disappeared, of the 62 interviewees, none returned.", []),
    ("Of the 113 victims, 92 disappeared; 250 people were surveyed.", []),  # a base is a whole, not a share
    ("Of the 62 interviewees, 92 disappeared.",  # the count of a share is a share
     ["'92' in summary.en is framed by '62 interviewees'"]),
])
def test_a_group_frames_the_shares_after_it_up_to_the_next_group_in_its_sentence(tmp_path: Path, sentence: str,
                                                                                  framed_wrong: list[str]) -> None:
    found = check(tmp_path, brief("en", sentence)).of("prose.wrong-base")
    assert [finding.message.split(", but")[0] for finding in found] == framed_wrong


def test_every_text_is_read_after_one_without_a_group(tmp_path: Path) -> None:
    body = brief("en", "The report documents [[stat:victims]].") + (
        "sections:\n  - {id: s, heading: Findings, text: \"Of the [[stat:women]], [[stat:mss-jurisdiction|share]] disappeared.\"}\n")
    assert len(check(tmp_path, body).of("prose.wrong-base")) == 1
