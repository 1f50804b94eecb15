"""prose.attribution: which ways of naming a figure's source the check accepts.

A body is named by its full name, by a part of it of four letters or more, or
by its initials of two letters or more; an article before the name ("the
TJWG", "l'Organisation", "l’Organisation") is not part of it, and a name that
merely starts with an article's letters ("LAW") keeps them. A subject that
names no body ("the report", "le rapport") is not judged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.audience import Pack
from briefbuilder.check import RULES, CheckContext
from briefbuilder.load.brief import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.load.prose_figures import prose_figures_for

from rulecheck import HEADER, check

FIGURES = """\
sources:
  - {id: tjwg, kind: report, title: Existing Nowhere, publisher: Transitional Justice Working Group, date: 2024-10-31}
  - {id: oim, kind: report, title: Migrations, publisher: {en: International Organization for Migration, fr: Organisation internationale pour les migrations}, date: 2024-10-31}
  - {id: law, kind: report, title: Returned, publisher: Legal Action Worldwide, date: 2024-10-31}
  - {id: asan, kind: report, title: Survey, publisher: Asan Institute for Policy Studies, date: 2024-10-31}
  - {id: xinhua, kind: news, title: Border, publisher: Xinhua, date: 2024-10-31}
  - {id: amnesty, kind: report, title: Forced back, publisher: Amnesty International, date: 2024-10-31}
statistics:
  - {id: victims, value: 113, unit: persons, sources: [tjwg], status: verified, label: victims}
  - {id: migrants, value: 5000, unit: persons, sources: [oim], status: verified, label: migrants}
  - {id: returned, value: 600, unit: persons, sources: [law], status: verified, label: people returned}
  - {id: surveyed, value: 1000, unit: persons, sources: [asan], status: verified, label: people surveyed}
  - {id: crossed, value: 700, unit: persons, sources: [xinhua], status: verified, label: people who crossed}
  - {id: forced-back, value: 800, unit: persons, sources: [amnesty], status: verified, label: people forced back}
"""


@pytest.mark.parametrize(("lang", "sentence", "accepted"), [
    ("en", "According to the TJWG, [[stat:victims]] disappeared.", True),
    ("fr", "Selon l'Organisation internationale, [[stat:migrants]] sont partis.", True),
    ("fr", "Selon l’Organisation internationale, [[stat:migrants]] sont partis.", True),
    ("fr", "Selon LAW, [[stat:returned]] ont été renvoyées.", True),
    ("fr", "Selon Amnesty, [[stat:forced-back]] ont été renvoyées.", True),  # an elided article is not cut off every name
    ("en", "According to Asan, [[stat:surveyed]] answered.", True),  # four letters: a part of the name
    ("en", "According to AI, [[stat:forced-back]] were forced back.", True),  # two initials
    ("en", "According to X, [[stat:crossed]] crossed the border.", False),  # one letter is not Xinhua's initial
])
def test_a_source_is_named_by_its_name_a_part_of_it_or_its_initials(tmp_path: Path, lang: str, sentence: str,
                                                                     accepted: bool) -> None:
    result = check(tmp_path, FIGURES + f'summary:\n  {lang}: "{sentence}"\n', languages=(lang,))
    assert (result.of("prose.attribution") == []) == accepted


def test_a_wrong_attribution_is_reported_at_the_name_with_the_sources_names(tmp_path: Path) -> None:
    body = FIGURES + "summary:\n  en: |\n    The figures are disputed. According to Human Rights\n    Watch, [[stat:forced-back]] were forced back.\n"
    result = check(tmp_path, body)
    (finding,) = result.of("prose.attribution")
    assert (finding.severity, finding.location.line) == ("error", result.line("According to Human Rights"))
    assert finding.message == ("summary.en attributes '[[stat:forced-back]]' to 'Human Rights Watch', but its "
                               "sources are by Amnesty International; name one of them")


@pytest.mark.parametrize(("lang", "subject"), [
    ("en", "According to the report"), ("en", "The government reported that"), ("en", "According to it"),
    ("fr", "Selon le rapport"), ("fr", "D'après l'enquête"),
])
def test_a_subject_that_names_no_body_is_not_judged(tmp_path: Path, lang: str, subject: str) -> None:
    # not_names lists "the report", "le rapport", "l'enquête" with their article.
    result = check(tmp_path, FIGURES + f'summary:\n  {lang}: "{subject}, [[stat:forced-back]] sont renvoyés."\n',
                   languages=(lang,))
    assert result.of("prose.attribution") == []


def test_every_attribution_of_every_text_is_read(tmp_path: Path) -> None:
    body = FIGURES + (
        'summary:\n  en: "Families are still waiting."\n'
        "sections:\n  - {id: s, heading: Findings, text: \"According to the report, families wait. According to "
        "Human Rights Watch, [[stat:forced-back]] were forced back.\"}\n")
    assert len(check(tmp_path, body).of("prose.attribution")) == 1


@pytest.mark.parametrize("figure", ["[[stat:forced-back]]", "800 people"])
def test_the_rule_run_alone_reads_the_figures_itself(tmp_path: Path, figure: str) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(HEADER + FIGURES + f'summary:\n  en: "According to Human Rights Watch, {figure} were forced back."\n',
                    encoding="utf-8")
    brief = load_brief(path)
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("en",),
                           catalog=catalog_for_brief(brief.directory), prose=prose_figures_for())
    assert [finding.rule for finding in RULES["prose.attribution"].function(context)] == ["prose.attribution"]


def test_the_finding_lists_every_name_of_the_sources_in_every_language(tmp_path: Path) -> None:
    result = check(tmp_path, FIGURES + 'summary:\n  en: "According to Human Rights Watch, [[stat:migrants]] left."\n')
    (finding,) = result.of("prose.attribution")
    assert finding.message.endswith("but its sources are by International Organization for Migration, Organisation "
                                    "internationale pour les migrations; name one of them")
