"""A catalog extension names known States and treaties in more languages without redefining them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import BriefError
from briefbuilder.load.catalog import load_catalog

NAME = '{text: "República Popular Democrática de Corea", article: la, confidence: unconfirmed, source: "ours"}'


def extension(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_state_and_a_treaty_gain_a_language_and_keep_the_rest(tmp_path: Path) -> None:
    catalog = load_catalog([extension(tmp_path, f"""\
states:
  KP:
    names:
      es:
        un: {NAME}
        plain: {{text: Corea del Norte, confidence: unconfirmed, source: ours}}
treaties:
  iccpr:
    title:
      es: {{text: "Pacto Internacional de Derechos Civiles y Políticos", confidence: unconfirmed, source: ours}}
    short:
      es: {{text: Pacto, confidence: unconfirmed, source: ours}}
""")])
    north_korea = catalog.state("KP")
    assert north_korea.name_in_text("es") == "la República Popular Democrática de Corea"
    assert north_korea.name("es", "plain") == "Corea del Norte"
    assert north_korea.name("en") == "Democratic People's Republic of Korea"  # bundled, kept
    assert north_korea.name_fact("es").source == "ours"
    iccpr = catalog.treaty("iccpr")
    assert iccpr.title("es") == "Pacto Internacional de Derechos Civiles y Políticos" and iccpr.short("es") == "Pacto"
    assert iccpr.title("en") == "International Covenant on Civil and Political Rights" and iccpr.unts is not None
    assert catalog.status("KP", "iccpr") is not None  # statuses of the State still there
    assert load_catalog().state("KP").names.get("es") is None, "the bundled catalog is shared: never changed"


def test_a_language_the_catalog_has_needs_replaces(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as raised:
        load_catalog([extension(tmp_path, f"states:\n  KP:\n    names:\n      fr:\n        un: {NAME}\n")])
    problem = raised.value.problems[0]
    assert problem.field == "states.KP.names.fr" and "replaces: true" in problem.hint
    assert problem.location is not None and problem.location.file.endswith("catalog.yaml")
    corrected = load_catalog([extension(tmp_path, f"states:\n  KP:\n    replaces: true\n    names:\n      fr:\n"
                                                  f"        un: {NAME}\n")])
    assert corrected.state("KP").name("fr") == "República Popular Democrática de Corea"


def test_a_bad_name_is_reported_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as raised:
        load_catalog([extension(tmp_path, "states:\n  KP:\n    names:\n      es:\n        un: {text: X, source: ours}\n")])
    assert any(p.location is not None and p.location.line == 5 and "confidence" in p.field + p.message
               for p in raised.value.problems)


ADJECTIVE = '{text: "North Korean", confidence: unconfirmed, source: "our style guide"}'


def test_an_adjective_added_beside_the_brief_joins_the_catalog_s_aliases(tmp_path: Path) -> None:
    """Other names prose uses (an adjective) are added to a language the catalog has, with no 'replaces'."""
    catalog = load_catalog([extension(tmp_path, f"states:\n  KP:\n    aliases:\n      en: [{ADJECTIVE}]\n")])
    aliases = [alias.text for alias in catalog.state("KP").aliases["en"]]
    assert aliases == ["DPRK", "North Korean"]  # the bundled alias kept, the adjective added
    assert [alias.text for alias in load_catalog().state("KP").aliases["en"]] == ["DPRK"]


def test_the_prose_check_reads_a_statement_made_with_the_adjective(tmp_path: Path) -> None:
    from briefbuilder.check import CheckContext, run_rules
    from briefbuilder.load.inputs import load_inputs
    from testdata import MINIMAL_BRIEF

    folder = tmp_path / "brief"
    folder.mkdir()
    anchor = "vanished."
    assert anchor in MINIMAL_BRIEF
    (folder / "brief.yaml").write_text(MINIMAL_BRIEF.replace(
        anchor, anchor + " The North Korean government has ratified the Refugee Convention.", 1), encoding="utf-8")
    (folder / "catalog.yaml").write_text(f"states:\n  KP:\n    aliases:\n      en: [{ADJECTIVE}]\n", encoding="utf-8")
    inputs = load_inputs(folder / "brief.yaml")
    context = CheckContext(inputs.brief, next(iter(inputs.packs.values())), inputs.languages, inputs.catalog,
                           statements=inputs.statements)
    found = [finding for finding in run_rules(context) if finding.rule == "claims.prose-contradiction"]
    assert found and "has not ratified or acceded to the Convention relating to the Status of Refugees" in found[0].message
