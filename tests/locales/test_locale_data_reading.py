"""What a translator adding a language gets from its folder: the settings of its ``locale.yaml`` as written,
an error at the line of a wrong one saying what to write, its names beside it, its plural rule.

Each test was found by mutation testing (docs/testing.md): changing the line of
briefbuilder/load/locale.py that reads it failed no test before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import MINIMAL_BRIEF

from briefbuilder import render_brief
from briefbuilder.errors import BriefError, Problem
from briefbuilder.load.locale import available_languages, compile_messages, load_locale
from briefbuilder.locale import NoteMarks
from briefbuilder.markdown import Markdown
from briefbuilder.render.notes import Citation, Footnotes
from briefbuilder.render.typography import keep_together
from briefbuilder.resources import data_dir


def language(root: Path, settings: str, code: str = "xx") -> Path:
    """A language folder ``root/code`` holding ``settings`` as its locale.yaml; the locale.yaml."""
    (root / code).mkdir(parents=True)
    written = root / code / "locale.yaml"
    written.write_text(settings, encoding="utf-8")
    return written


def refused(root: Path, settings: str) -> Problem:
    """The one problem loading a language with ``settings`` gives."""
    language(root, settings)
    with pytest.raises(BriefError) as raised:
        load_locale("xx", [root])
    [problem] = raised.value.problems
    return problem


# A wrong setting, the line it is written on, the field named and words of the message and of the fix.
WRONG = {
    "name_articles a list": ("babel: fr\nname_articles: [le, la]\n", 2, "name_articles", "must map words to words",
                             "name_articles: {Pacte: le, Convention: la}"),
    "an article left empty": ("babel: fr\nname_articles: {Pacte: \"\"}\n", 2, "name_articles", "must map words to words",
                              "name_articles: {Pacte: le, Convention: la}"),
    "an article that is a number": ("babel: fr\n\nname_articles: {Pacte: 1}\n", 3, "name_articles",
                                    "must map words to words", "name_articles: {Pacte: le, Convention: la}"),
    "a contraction written the wrong way round": ("babel: fr\ncontractions: {au: à le}\n", 2, "contractions",
                                                  "must map words to words", "contractions: {à le: au}"),
    "abbreviations one word, not a list": ("babel: fr\nabbreviations: para\n", 2, "abbreviations",
                                           "must be a list of words", "abbreviations: [p, para, ...]"),
    "an empty abbreviation": ("babel: fr\nabbreviations: [p, \"\"]\n", 2, "abbreviations",
                              "must be a list of words", "abbreviations: [p, para, ...]"),
    "keep_together one pattern, not a list": ("babel: fr\nkeep_together: '[0-9]+ %'\n", 2, "keep_together",
                                              "must be a list of patterns", "keep_together: ['pattern', ...]"),
    "a note mark placed nowhere": ("babel: fr\nnote_marks:\n  figures: mark\n  at: paragraph\n", 4, "note_marks.at",
                                   "must be one of sentence, word, block, not 'paragraph'",
                                   "note_marks: {at: sentence}"),
    "note_marks one word, not settings": ("babel: fr\nnote_marks: sentence\n", 2, "note_marks",
                                          "must be a mapping of settings", "its settings are at, punctuation, figures, ibid"),
    "a note_marks setting misspelt": ("babel: fr\nnote_marks:\n  at: sentence\n  punctuaton: before\n", 4,
                                      "note_marks.punctuaton", "is no setting",
                                      "its settings are at, punctuation, figures, ibid"),
    "a setting misspelt": ("babel: fr\nrange_dsh: '-'\n", 2, "range_dsh", "unknown field",
                           "did you mean 'range_dash'?"),
    "a typography setting misspelt": ("babel: ko\ntypography:\n  italc: false\n", 3, "typography.italc",
                                      "unknown field", "did you mean 'italic'?"),
    "an emphasis no script has": ("babel: ko\ntypography: {emphasis: underline}\n", 2, "typography.emphasis",
                                  "'underline'", "italic"),
    "quotes without their single marks": ("babel: fr\nquotes: {double: [\"«\", \"»\"]}\n", 2, "quotes.single",
                                          "is required but missing", "single:"),
    "a particle pair that is one word": ("babel: ko\nparticles: {topic: 은}\n", 2, "particles.topic",
                                         "expected a list", "list"),
    "a locale CLDR does not know": ("name: X\nbabel: xx_YY\n", 2, "babel", "'xx_YY' is not a CLDR locale (",
                                    "write a CLDR locale such as 'xx' or 'xx_XX'"),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_a_wrong_setting_is_refused_at_its_line_saying_what_to_write(case: str, tmp_path: Path) -> None:
    settings, line, field, message, fix = WRONG[case]
    problem = refused(tmp_path, settings)
    assert problem.location is not None
    assert (problem.location.file, problem.location.line) == (str(tmp_path / "xx" / "locale.yaml"), line)
    assert problem.field == field and message in problem.message and fix in problem.hint


def test_the_command_prints_a_wrong_setting_with_its_file_line_and_fix(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from testdata import EXAMPLE

    from briefbuilder.cli import EXIT_BAD_INPUT, main

    settings = language(tmp_path / "mine", "babel: fr\ncontractions: {au: à le}\n")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "xx", "--locales", str(tmp_path / "mine"),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_BAD_INPUT and "Traceback" not in result.output
    assert f"{settings}:2: error: contractions: must map words to words (write name_articles:" in result.output


def test_the_settings_written_are_the_ones_the_language_gets(tmp_path: Path) -> None:
    language(tmp_path, "babel: fr\n"
                       "quotes: {double: [\"«\u00a0\", \"\u00a0»\"], single: [\"‹\", \"›\"]}\n"
                       "typography: {italic: false, emphasis: bold}\n"
                       "range_dash: '~'\n"
                       "name_articles: {Pacte: le, Accord: \"l’\"}\n"
                       "contractions: {à le: au, de les: des}\n"
                       "note_marks: {at: block, punctuation: before, figures: mark, ibid: true}\n"
                       "keep_together: ['[0-9]+ %', '« ']\n")
    written = load_locale("xx", [tmp_path])
    assert written.name_articles == {"Pacte": "le", "Accord": "l’"}
    assert written.contractions == {"à le": "au", "de les": "des"}
    assert (written.quotes.double, written.quotes.single) == (("«\u00a0", "\u00a0»"), ("‹", "›"))  # type: ignore[union-attr]
    assert (written.typography.italic, written.typography.emphasis, written.typography.wrap_by_word) == (False, "bold", False)
    assert written.range_dash == "~"
    assert written.note_marks == NoteMarks(at="block", punctuation="before", figures="mark", ibid=True)
    # each pattern of the list keeps its own span together, not only the list's first
    assert keep_together("62 % de « oui »", written.keep_together) == "62\u00a0% de «\u00a0oui »"


def test_a_listed_abbreviation_ends_no_sentence_a_dotted_one_whole(tmp_path: Path) -> None:
    """The note of a sentence goes after its end, not after "par." or "p.ex." (which "p" begins)."""
    language(tmp_path, "babel: fr\nabbreviations: [p, p.ex, par]\nnote_marks: {at: sentence, punctuation: after}\n")
    notes = Footnotes(load_locale("xx", [tmp_path]), None)
    report = notes.cite(Citation("R", "", full=lambda: Markdown("R"), short=lambda: Markdown("R"),
                                 pinpoint=lambda: Markdown(""), link=lambda: None))
    assert (notes.place(f"Le rapport{report} cite p.ex. Le Monde et le par. 4 de celui-ci. Suite.")
            == "Le rapport cite p.ex. Le Monde et le par. 4 de celui-ci.[^1] Suite.")


SPANISH_NAME = "República Popular Democrática de Corea"


def test_a_languages_own_catalog_beside_its_locale_yaml_names_the_state(tmp_path: Path) -> None:
    """``catalog.yaml`` in the language's folder gives the State's name in that language."""
    mine = tmp_path / "mine"
    language(mine, "babel: es_ES\nsource_language: true\n", code="es")
    (mine / "es" / "catalog.yaml").write_text(
        f'states:\n  KP:\n    names:\n      es:\n        un: {{text: "{SPANISH_NAME}", article: la, '
        f'confidence: unconfirmed, source: "written by this test"}}\n', encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text(
        MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [en, es]\n  audience: un-upr\n  state: KP\n"
                              "  keywords: {en: disappearance, es: desaparición}\n"
                              "  settings: {pack: {languages: [en, es]}}")
        .replace("ko: ", "es: ")
        .replace("contact: contact@example.org}", "contact: contact@example.org, mandate: {en: An NGO., es: Una ONG.}}")
        .replace("sections:", "summary: {en: Summary., es: Resumen.}\nsubmission: {cycle: 5}\nsections:"),
        encoding="utf-8")
    markdown = render_brief(brief, "es", audience="un-upr", locale_dirs=[mine]).markdown
    assert f"State under review: {SPANISH_NAME}" in markdown


def test_the_languages_listed_are_the_packages_and_those_added(tmp_path: Path) -> None:
    assert available_languages() == ["en", "fr", "ko"]
    language(tmp_path, "babel: es\n", code="es")
    with pytest.raises(BriefError) as raised:
        load_locale("de", [tmp_path, data_dir("locales")])
    assert raised.value.problems[0].hint.startswith("use one of: en, es, fr, ko; or add a folder 'de/'")


PLURAL_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "one case"
msgid_plural "%(num)s cases"
msgstr[0] "ONE"
msgstr[1] "MANY"
"""


def test_two_languages_with_the_same_po_each_choose_plurals_by_their_own_rule(tmp_path: Path) -> None:
    """A .po without a Plural-Forms line takes its language's CLDR rule; a copy of it in another language too.

    French counts 0 as one ("0 cas" singular), English as many: compiled catalogs are
    kept between runs, and the one kept for French must never be given to English.
    """
    for code in ("fr", "en"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / code / "LC_MESSAGES" / "briefbuilder.po").write_text(PLURAL_PO, encoding="utf-8")
    french = compile_messages(tmp_path / "fr" / "LC_MESSAGES" / "briefbuilder.po", "fr")
    english = compile_messages(tmp_path / "en" / "LC_MESSAGES" / "briefbuilder.po", "en")
    assert (french.ngettext("one case", "%(num)s cases", 0), english.ngettext("one case", "%(num)s cases", 0)) \
        == ("ONE", "MANY")
