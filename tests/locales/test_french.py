"""French for the UN packs: Babel formats, UN French names and titles from the sourced catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import EXAMPLE

from briefbuilder.cli import main
from briefbuilder.load.locale import load_locale
from briefbuilder.markdown import Markdown
from briefbuilder.pipeline import render_brief

UN_PACKS = ("un-wgeid", "un-upr", "un-treaty-body")


@pytest.fixture(scope="module")
def french() -> dict[str, str]:
    return {pack: render_brief(EXAMPLE, "fr", audience=pack).markdown for pack in UN_PACKS}


def test_the_worked_example_builds_in_french_for_every_un_pack(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "fr", "--audience", "un-wgeid",
                                       "--format", "md,docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["enforced-disappearances.un-wgeid.fr.docx",
                                                          "enforced-disappearances.un-wgeid.fr.md"]


def test_french_dates_names_and_titles(french: dict[str, str]) -> None:
    upr = french["un-upr"]
    assert "20 novembre 2024" in upr and "(31 octobre 2024)" in upr
    assert "État examiné\u00a0: République populaire démocratique de Corée" in upr
    assert "Pacte international relatif aux droits civils et politiques" in upr
    assert "Convention relative au statut des réfugiés (28 juillet 1951), Nations Unies, *Recueil des Traités*, vol.\u00a0189" in upr
    # UN French names with their articles; two States, one action: one sentence
    assert ("La Chine et la Fédération de Russie ont adhéré à la Convention de 1951 le "
            "24 septembre 1982 et le 2 février 1993 respectivement") in upr


def test_no_english_template_wording_in_the_french_documents(french: dict[str, str]) -> None:
    for pack, markdown in french.items():
        for english in ("Summary", "Recommendations", "Submitted by", "Available at", "Treaty status", "per cent",
                        "adopted", "United Nations"):
            assert english not in markdown, (pack, english)


def test_percentages_keep_their_precision_in_french(french: dict[str, str]) -> None:
    assert "81,4\u00a0%" in french["un-wgeid"] or "81,4\u202f%" in french["un-wgeid"]


def test_audiences_lists_french_for_the_un_packs_only() -> None:
    lines = CliRunner().invoke(main, ["audiences"]).output.splitlines()
    for pack in (*UN_PACKS, "gov-briefing", "general"):
        languages = next(lines[i + 1] for i, line in enumerate(lines) if line.startswith(f"{pack}:"))
        assert ("fr" in languages.split(";")[0]) == (pack in UN_PACKS), (pack, languages)


def test_a_status_sentence_names_the_treaty_with_its_article_contracted_after_a_preposition(
        french: dict[str, str]) -> None:
    """"a adhéré à" + "le Pacte" is "au Pacte"; "à la Convention" stays; the short form is introduced with its article."""
    text = french["un-upr"].replace("\u00a0", " ")
    assert ("La République populaire démocratique de Corée a adhéré au Pacte international relatif aux droits civils "
            "et politiques (ci-après « le Pacte ») le 14 septembre 1981") in text
    assert ("La République populaire démocratique de Corée n’est pas partie à la Convention relative au statut des "
            "réfugiés (ci-après « la Convention de 1951 »)") in text


def test_only_a_preposition_the_translation_writes_before_a_placeholder_is_contracted() -> None:
    french = load_locale("fr")
    sentence = french.pgettext("status", "%(state)s acceded to the %(treaty)s on %(date)s.")
    assert sentence % {"state": "la Chine", "treaty": "le Pacte", "date": "1er mai"} == "la Chine a adhéré au Pacte le 1er mai."
    assert sentence % {"state": "la Chine", "treaty": "les Pactes", "date": "1er mai"} == "la Chine a adhéré aux Pactes le 1er mai."
    assert sentence % {"state": "la Chine", "treaty": "la Convention", "date": "1er mai"} == \
        "la Chine a adhéré à la Convention le 1er mai."
    # "à le" inside a filled value is the author's (a pronoun: "à le dire"), never contracted
    assert "tient à le dire" in sentence % {"state": "qui tient à le dire", "treaty": "le Pacte", "date": "1er mai"}


def test_a_treaty_name_takes_the_article_of_its_first_word() -> None:
    french = load_locale("fr")
    assert [french.name_article(name) for name in ("Pacte international", "Convention de 1951", "Protocole de 1967",
                                                   "Accord de Paris", "Déclaration universelle")] == \
        ["le", "la", "le", "l’", None]
    assert french.with_article(Markdown("Accord de Paris"), "l’") == "l’Accord de Paris"
    assert load_locale("en").name_article("Covenant") is None  # English writes "the" in the sentence itself
