"""Which texts the prose rules read, and with which language's phrases.

Every recommendation (of the brief, of a briefing note, of a follow-up row)
may set a deadline; the other texts may not. A text written once for every
language is read with the phrases of the first language checked that has
them; a language without phrases is skipped and said to be unchecked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.audience import Pack
from briefbuilder.check import RULES, CheckContext
from briefbuilder.load.brief import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.load.prose_figures import prose_figures_for

from rulecheck import check

FIGURES = """\
sources:
  - {id: tjwg-2024, kind: report, title: Existing Nowhere, publisher: Transitional Justice Working Group, date: 2024-10-31}
statistics:
  - {id: witnesses, value: 1234, unit: persons, sources: [tjwg-2024], status: verified, label: {en: witnesses, fr: témoins}}
"""


def untraceable(tmp_path: Path, body: str, languages: tuple[str, ...] = ("en",)) -> list[str]:
    result = check(tmp_path, FIGURES + body, languages=languages)
    return [finding.message.split("'")[1] for finding in result.of("prose.untraceable-number")]


def test_a_deadline_is_exempt_in_every_kind_of_recommendation_only(tmp_path: Path) -> None:
    body = """\
recommendations:
  - {en: "Publish the findings within 14 days."}
briefing:
  recommendations:
    - {en: "Notify the families within 30 days."}
submission:
  follow_up:
    - recommendation: {en: "Answer the families within 60 days."}
      response: noted
      assessment: {en: "No answer came within 90 days."}
"""
    assert untraceable(tmp_path, body) == ["90"]


@pytest.mark.parametrize(("languages", "found"), [(("en", "fr"), []), (("fr", "en"), ["1,234"])])
def test_a_text_for_every_language_is_read_with_the_first_language_checked(tmp_path: Path,
                                                                          languages: tuple[str, ...],
                                                                          found: list[str]) -> None:
    # "1,234" is 1234 in English and 1.234 in French.
    assert untraceable(tmp_path, 'summary: "The report names 1,234 witnesses."\n', languages) == found


def test_a_language_without_phrases_is_skipped_and_said_to_be_unchecked(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief:\n  title: T\n  organisation: {name: Example}\n  date: 2024-11-20\n" + FIGURES
                    + 'summary:\n  en: "The report names 1,234 witnesses."\n  xx: "Il rapporto cita 4,321 testimoni."\n'
                    + 'sections:\n  - {id: s, heading: H, text: "Some 4,321 witnesses."}\n', encoding="utf-8")
    brief = load_brief(path)
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("xx", "en"),
                           catalog=catalog_for_brief(brief.directory), prose={"en": prose_figures_for()["en"]})
    assert [finding.message.split("'")[1] for finding in RULES["prose.untraceable-number"].function(context)] == [
        "4,321"]  # the section, written for every language, read in English; the 'xx' summary is not read
    (finding,) = RULES["prose.unchecked-language"].function(context)
    assert (finding.severity, finding.rule) == ("warning", "prose.unchecked-language")
    assert finding.message == ("no locales/xx/prose-figures.yaml: numbers in the 'xx' prose are not checked; "
                               "copy locales/en/prose-figures.yaml and translate its phrases")
    assert finding.location is not None and finding.location.file == str(path)


def test_a_brief_checked_only_in_languages_without_phrases_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief:\n  title: T\n  organisation: {name: Example}\n  date: 2024-11-20\n" + FIGURES
                    + 'summary: "Some 4,321 witnesses."\n', encoding="utf-8")
    brief = load_brief(path)
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("xx",),
                           catalog=catalog_for_brief(brief.directory), prose=prose_figures_for())
    assert list(RULES["prose.untraceable-number"].function(context)) == []
    assert [f.rule for f in RULES["prose.unchecked-language"].function(context)] == ["prose.unchecked-language"]
