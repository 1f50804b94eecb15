"""French for the UN packs: Babel formats, UN French names and titles from the sourced catalog."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from testdata import EXAMPLE, MINIMAL_BRIEF, require_tool

from briefbuilder import brief_from_dict
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
    upr = french["un-upr"].replace("\u00a0", " ")  # no-break spaces: tested below
    assert "20 novembre 2024" in upr and "(31 octobre 2024)" in upr
    assert "État examiné : République populaire démocratique de Corée" in upr
    assert "Pacte international relatif aux droits civils et politiques" in upr
    assert "Convention relative au statut des réfugiés (28 juillet 1951), Nations Unies, *Recueil des Traités*, vol. 189" in upr
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


# What French typography never separates at a line end (locale.yaml keep_together): the space before ; : ! ? »
# and after «, a day and its month, a number and the word it counts.
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"


def _prose(markdown: str) -> str:
    """The text without link destinations and web addresses, whose characters are not French typography."""
    return re.sub(r"\]\(<[^>]*>\)|https?://\S+", "", markdown)


@pytest.mark.parametrize("pack", UN_PACKS)
def test_french_punctuation_takes_a_no_break_space_before_it(french: dict[str, str], pack: str) -> None:
    """"(54,9 %) ; les autres", "État examiné : …": the brief's own French is typed with ordinary spaces; the
    printed text has a no-break space before ; : ! ? » and after «, and a space before every semicolon."""
    text = _prose(french[pack])
    assert re.findall(r".{0,15} [;:!?»]|« .{0,15}", text) == []
    assert re.findall(r".{0,15}\S;.{0,15}", text) == []  # the annex joins its sources as the notes do: " ; "


@pytest.mark.parametrize("pack", UN_PACKS)
def test_french_dates_and_counts_keep_together(french: dict[str, str], pack: str) -> None:
    text = _prose(french[pack])
    assert re.findall(rf"\d{{1,2}} (?:{MONTHS})", text) == []  # "2 février", never split
    assert re.findall(r"\d [a-zàâçéèêëîïôûùüÿœæ]\w*", text) == []  # "62 personnes", "60 jours"


@pytest.fixture(scope="module")
def french_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each French UN document as LibreOffice lays it out: its pages, each a list of printed lines."""
    require_tool("soffice")
    out = tmp_path_factory.mktemp("french-pdf")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "fr", "--audience", ",".join(UN_PACKS),
                                       "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = {}
    for pack in UN_PACKS:
        text = subprocess.run([require_tool("pdftotext"), str(out / f"enforced-disappearances.{pack}.fr.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        pages[pack] = [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]
    return pages


def test_the_french_wgeid_case_fits_on_one_page(french_pdfs: dict[str, list[list[str]]]) -> None:
    assert len(french_pdfs["un-wgeid"]) == 1


@pytest.mark.parametrize("pack", UN_PACKS)
def test_no_french_line_breaks_where_a_reviewer_would_mend_it(french_pdfs: dict[str, list[list[str]]],
                                                             pack: str) -> None:
    """No line starts with ; : ! ? or », none ends with «, a day number or a count whose word is on the next line."""
    broken = []
    for lines in french_pdfs[pack]:
        for line, following in zip(lines, [*lines[1:], ""]):
            if (line[:1] in ";:!?»" or line.endswith("«")
                    or (re.search(r"\S\s+\d{1,3}$", line) and re.match(rf"(?:{MONTHS}|[a-zàâçéèêëîïôûùüÿœæ])", following))):
                broken.append((line, following))
    assert broken == []


@pytest.mark.parametrize("pack", UN_PACKS)
def test_no_french_page_is_left_nearly_empty(french_pdfs: dict[str, list[list[str]]], pack: str) -> None:
    """A page holding one stray paragraph before the annex (the treaty-body report's last recommendation
    alone on page 3) is a page a reviewer takes back: every page but the last carries a full page's text."""
    pages = french_pdfs[pack]
    assert [len(lines) for lines in pages[:-1] if len(lines) < 15] == []


def test_french_notes_word_every_address_alike_and_keep_an_english_titles_own_marks(french: dict[str, str]) -> None:
    """"disponible à l’adresse suivante :" in every note (the Treaty Collection's and a web page's alike); an
    English title keeps its own quotation marks, never French guillemets glued to an English colon ("»:")."""
    for pack, markdown in french.items():
        notes = "\n".join(line for line in markdown.splitlines() if line.startswith("[^"))
        assert re.findall(r"(?i)disponible à l’adresse(?! suivante\u00a0:)", notes) == [], pack
        assert "»:" not in notes and "Existing \u201cNowhere\u201d: Looking" in notes, pack


def test_a_preposition_the_author_writes_before_a_state_is_joined_with_the_article_the_name_prints() -> None:
    """"de [[state:JP]]" prints "du Japon", never "de le Japon"; "À [[state:US]]" prints "Aux États-Unis…";
    a name with "la" or no article, and English, are left as written."""
    data = yaml.safe_load(MINIMAL_BRIEF)
    data["brief"]["languages"] = ["en", "fr"]
    data["brief"]["title"]["fr"] = "Disparitions"
    data["sources"][0]["title"]["fr"] = "Le rapport"
    for statistic in data["statistics"]:
        statistic["label"]["fr"] = statistic["id"]
    data["sections"][0]["heading"]["fr"] = "Constatations"
    data["sections"][0]["text"] = {
        "en": "The police of [[state:JP]] and of [[state:US]] replied.",
        "fr": "La police de [[state:JP]] a répondu à\n[[state:US]] et à [[state:CN]]. De [[state:US]], rien."}
    markdown = render_brief(brief_from_dict(data), "fr", audience="un-upr").markdown
    assert "1. La police du Japon a répondu aux\n   États-Unis d’Amérique et à la Chine. Des États-Unis d’Amérique, " \
        "rien." in markdown
    english = render_brief(brief_from_dict(data), "en", audience="un-upr").markdown
    assert "The police of Japan and of the United States of America replied." in english
