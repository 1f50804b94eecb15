"""`briefbuilder treaties`: what the catalog knows, with confidence and source."""

from __future__ import annotations

from click.testing import CliRunner

from briefbuilder.cli import main


def test_lists_a_states_statuses_with_confidence_source_and_as_of_date() -> None:
    result = CliRunner().invoke(main, ["treaties", "KP"])
    assert result.exit_code == 0, result.output
    refugee = next(line for line in result.output.splitlines() if line.startswith("KP\tRefugee Convention\t"))
    assert "\tnone\t" in refugee and "confirmed as of 2016" in refugee and "UNTC" in refugee
    assert "catalog as of 2026-11" in result.output


def test_korean_names_and_an_unknown_state() -> None:
    korean = CliRunner().invoke(main, ["treaties", "CN", "--lang", "ko"])
    assert "CN\t난민협약\taccession\t1982-09-24" in korean.output
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
    assert "FR\tICCPR\tratification\t1980-11-04\tunconfirmed\tour notes" in extended.output
