"""`briefbuilder treaties`: what the catalog knows, with confidence and source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import REPO

from briefbuilder.cli import main


def test_lists_a_states_statuses_with_confidence_source_and_as_of_date() -> None:
    result = CliRunner().invoke(main, ["treaties", "KP"])
    assert result.exit_code == 0, result.output
    refugee = next(line for line in result.output.splitlines()
                   if line.startswith("KP\trefugee-convention-1951\tRefugee Convention\t"))
    assert "\tnone\t" in refugee and "confirmed as of 2016" in refugee and "UNTC" in refugee
    assert "catalog as of 2026-11" in result.output


def test_korean_names_and_an_unknown_state() -> None:
    korean = CliRunner().invoke(main, ["treaties", "CN", "--lang", "ko"])
    assert "CN\trefugee-convention-1951\t난민협약\t가입\t1982-09-24\t확인됨" in korean.output
    unknown = CliRunner().invoke(main, ["treaties", "XX"])
    assert unknown.exit_code == 2 and "XX" in unknown.output and "Traceback" not in unknown.output


def test_a_briefs_own_catalog_extension_is_listed(tmp_path) -> None:
    (tmp_path / "brief.yaml").write_text("brief: {}\n", encoding="utf-8")
    (tmp_path / "catalog.yaml").write_text(
        "states:\n  FR:\n    names: {en: {un: {text: France, confidence: unconfirmed, source: our usage}}}\n"
        "status:\n  FR:\n    iccpr: {action: ratification, date: 1980-11-04, confidence: unconfirmed, source: our notes}\n",
        encoding="utf-8")
    bundled = CliRunner().invoke(main, ["treaties", "FR"])
    assert bundled.exit_code == 2  # the bundled catalog does not know France
    extended = CliRunner().invoke(main, ["treaties", "FR", "--brief", str(tmp_path / "brief.yaml")])
    assert extended.exit_code == 0, extended.output
    assert "FR\ticcpr\tICCPR\tratification\t1980-11-04\tunconfirmed\tour notes" in extended.output


@pytest.mark.parametrize("language", ["ko", "fr"])
def test_the_listing_is_in_the_language_asked_for(language: str) -> None:
    english = CliRunner().invoke(main, ["treaties", "RU"])
    result = CliRunner().invoke(main, ["treaties", "RU", "--lang", language])
    assert result.exit_code == 0, result.output
    header, first = result.stdout.splitlines()[:2]
    assert header.count("\t") == 6 and header != english.stdout.splitlines()[0]
    assert first.split("\t")[1] == "refugee-convention-1951"  # ids, to write [[law:...]] with
    assert first.split("\t")[3] != "accession" and "catalog as of" not in result.output


def test_a_listing_with_an_untranslated_word_is_refused(tmp_path: Path) -> None:
    shutil.copytree(REPO / "locales" / "fr", tmp_path / "fr")
    po = tmp_path / "fr" / "LC_MESSAGES" / "briefbuilder.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "adhésion"', 'msgstr ""'), encoding="utf-8")
    result = CliRunner().invoke(main, ["treaties", "RU", "--lang", "fr", "--locales", str(tmp_path)])
    assert result.exit_code == 2 and 'msgctxt "treaty action" msgid "accession"' in result.output
