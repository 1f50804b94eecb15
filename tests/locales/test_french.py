"""French for the UN packs: Babel formats, UN French names and titles from the sourced catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import EXAMPLE

from briefbuilder.cli import main
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
    assert ("Convention de 1951\u00a0: la Chine et la Fédération de Russie y ont adhéré respectivement le "
            "24 septembre 1982 et le 2 février 1993") in upr


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
