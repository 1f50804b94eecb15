"""A language and its State names added from outside an installed package, which stays as it was."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from briefbuilder.errors import BriefError
from briefbuilder.load.locale import load_locale
from testdata import MINIMAL_BRIEF, REPO, without_source_tree

DPRK_IN_SPANISH = "República Popular Democrática de Corea"
SPANISH_NAMES = f"""\
states:
  KP:
    names:
      es:
        un: {{text: "{DPRK_IN_SPANISH}", article: la, confidence: unconfirmed, source: "written by this test"}}
treaties:
  iccpr:
    title:
      es: {{text: "Pacto Internacional de Derechos Civiles y Políticos", confidence: unconfirmed, source: "written by this test"}}
"""


def spanish_brief() -> str:
    """The minimal brief for the UPR in English and Spanish; the pack's languages widened in the brief."""
    return (MINIMAL_BRIEF
            .replace("languages: [en, ko]", "languages: [en, es]\n  audience: un-upr\n  state: KP\n"
                     "  keywords: {en: disappearance, es: desaparición}\n  settings: {pack: {languages: [en, es]}}")
            .replace("{en: Disappearances, ko: 실종}", "{en: Disappearances, es: Desapariciones}")
            .replace(", ko: ", ", es: ")
            .replace('      ko: "[[stat:victims]] 중 [[stat:share|share]]이 실종되었습니다."',
                     '      es: "De [[stat:victims]], [[stat:share|share]] desaparecieron."')
            .replace("contact: contact@example.org}", "contact: contact@example.org, mandate: {en: An NGO., es: Una ONG.}}")
            .replace("sections:", "summary: {en: Summary., es: Resumen.}\nsubmission: {cycle: 5}\nsections:"))


def translate_with_the_msgids(po_file: Path) -> None:
    """Stand in for a translator: every msgstr filled (with its msgid, every plural form)."""
    with po_file.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        if message.id:
            message.string = (tuple([message.id[0]] + [message.id[1]] * (catalog.num_plurals - 1))
                              if isinstance(message.id, tuple) else message.id)
    with po_file.open("wb") as stream:
        write_po(stream, catalog)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


@pytest.mark.slow
def test_spanish_and_the_dprks_spanish_name_come_from_a_folder_outside_the_installed_package(
        installed_python: Path, tmp_path: Path) -> None:
    environment = installed_python.parent.parent
    package = Path(subprocess.run([str(installed_python), "-c", "import briefbuilder; print(briefbuilder.__file__)"],
                                  capture_output=True, text=True, check=True, env=without_source_tree(),
                                  cwd=tmp_path).stdout.strip()).parent
    assert environment in package.parents
    before = tree_digest(package)
    cli = str(environment / "bin" / "briefbuilder")

    mine = tmp_path / "my-locales"
    started = subprocess.run([cli, "locale", "init", "es", "--babel", "es_ES", "--to", str(mine)],
                             capture_output=True, text=True, env=without_source_tree(), cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert (mine / "briefbuilder.pot").read_bytes() == (package / "locales" / "briefbuilder.pot").read_bytes()
    translate_with_the_msgids(mine / "es" / "LC_MESSAGES" / "briefbuilder.po")
    (mine / "es" / "catalog.yaml").write_text(SPANISH_NAMES, encoding="utf-8")
    (tmp_path / "brief").mkdir()
    (tmp_path / "brief" / "brief.yaml").write_text(spanish_brief(), encoding="utf-8")

    built = subprocess.run([cli, "build", str(tmp_path / "brief"), "--lang", "es", "--audience", "un-upr",
                            "--locales", str(mine), "-o", str(tmp_path / "out")],
                           capture_output=True, text=True, env=without_source_tree(), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "out" / "brief.un-upr.es.md").read_text(encoding="utf-8")
    assert f"State under review: {DPRK_IN_SPANISH}" in text  # the name from the user's catalog
    assert "20 de noviembre de 2024" in text and "81,4\u00a0%" in text  # CLDR's Spanish, from the skeleton's babel: es_ES
    assert tree_digest(package) == before, "adding a language must not change a file of the installed package"


def test_the_minimal_locale_yaml_of_the_docs_is_enough(tmp_path: Path) -> None:
    page = (REPO / "docs" / "translating.md").read_text(encoding="utf-8")
    minimal = page.split("The smallest `locale.yaml`", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "locale.yaml").write_text(minimal, encoding="utf-8")
    spanish = load_locale("es", [tmp_path])
    assert spanish.tag == "es-ES" and spanish.date(__import__("datetime").date(2024, 10, 31)) == "31 de octubre de 2024"
    assert spanish.note_marks.at == "word" and not spanish.note_marks.ibid and spanish.range_dash == "\u2013" and spanish.quotes is None
    assert spanish.ordinal(47) == "47"


def test_an_unknown_cldr_locale_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "locale.yaml").write_text("name: X\nbabel: xx_YY\n", encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        load_locale("xx", [tmp_path])
    problem = raised.value.problems[0]
    assert problem.field == "babel" and problem.location is not None and problem.location.line == 2


def test_locale_init_never_overwrites_a_translators_work(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefbuilder.cli import main

    first = CliRunner().invoke(main, ["locale", "init", "es", "--to", str(tmp_path)])
    assert first.exit_code == 0, first.output
    po = tmp_path / "es" / "LC_MESSAGES" / "briefbuilder.po"
    po.write_text(po.read_text(encoding="utf-8") + "\n# mine\n", encoding="utf-8")
    again = CliRunner().invoke(main, ["locale", "init", "es", "--to", str(tmp_path)])
    assert again.exit_code != 0 and "exists already" in again.stderr
    assert po.read_text(encoding="utf-8").endswith("# mine\n")


def test_locale_init_gives_the_prose_phrase_lists_as_examples_the_checks_do_not_read(tmp_path: Path) -> None:
    """A pip user has no clone to copy the phrase lists from: they come as examples, renamed once translated."""
    from briefbuilder.load.prose_figures import prose_figures_for
    from briefbuilder.load.statements import statement_words
    from briefbuilder.write.new_language import start_language

    written = start_language("es", tmp_path)
    for phrases in ("statements.yaml", "prose-figures.yaml"):
        example = tmp_path / "es" / phrases.replace(".yaml", ".example.yaml")
        assert example in written
        english = (REPO / "locales" / "en" / phrases).read_text(encoding="utf-8")
        text = example.read_text(encoding="utf-8")
        assert text.endswith(english) and f"rename this file {phrases}" in text
    assert statement_words("es", [tmp_path]) is None  # not read with English words for Spanish prose
    assert "es" not in prose_figures_for([tmp_path])
