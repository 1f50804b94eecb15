"""A language is a folder found on a search path: --locales, locales/ beside the brief, the package."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from testdata import EXAMPLE, REPO

from briefbuilder.cli import main
from briefbuilder.errors import BriefError
from briefbuilder.pipeline import ChecksFailed, build, check_brief, render_brief

PACKAGE_FR = REPO / "locales" / "fr"
DRAFT_MSGID = 'msgid "The disappeared person and the disappearance"'


def _brief_with_locale(tmp_path: Path, code: str = "fr", edit: tuple[str, str] | None = None) -> Path:
    """The worked example copied to ``tmp_path``, with the French locale copied to its locales/<code>/."""
    brief = tmp_path / "brief"
    shutil.copytree(EXAMPLE, brief)
    locale = brief / "locales" / code
    shutil.copytree(PACKAGE_FR, locale)
    if edit:
        po = locale / "LC_MESSAGES" / "briefbuilder.po"
        text = po.read_text(encoding="utf-8")
        assert edit[0] in text
        po.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    return brief


def test_a_locale_beside_the_brief_wins_over_the_package(tmp_path: Path) -> None:
    brief = _brief_with_locale(tmp_path, edit=('msgstr "La personne disparue et la disparition"',
                                               'msgstr "La personne disparue"'))
    markdown = render_brief(brief, "fr", audience="un-wgeid").markdown
    assert "## I. La personne disparue\n" in markdown


def test_a_new_language_needs_no_change_to_the_package(tmp_path: Path) -> None:
    """A language the package does not ship ('wa' here, French data under another code) builds from beside the brief."""
    brief = _brief_with_locale(tmp_path, code="wa")
    text = (brief / "brief.yaml").read_text(encoding="utf-8").replace("    fr: ", "    wa: ").replace("  fr: ", "  wa: ")
    (brief / "brief.yaml").write_text(text.replace(", fr: ", ", wa: "), encoding="utf-8")
    packs = tmp_path / "packs"
    shutil.copytree(REPO / "templates" / "un-wgeid", packs / "un-wgeid")
    manifest = packs / "un-wgeid" / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("fr:", "wa:").replace("[en, ko, fr]", "[en, ko, wa]"),
                        encoding="utf-8")
    result = build(brief, tmp_path / "out", languages=["wa"], audiences=["un-wgeid"], template_dirs=[packs])
    [written] = result.outputs
    assert written.name == "enforced-disappearances.un-wgeid.wa.md"
    assert "Cas de disparition forcée" in written.read_text(encoding="utf-8")


def test_removing_one_message_fails_the_build_naming_it(tmp_path: Path) -> None:
    brief = _brief_with_locale(tmp_path, edit=('msgid "The disappeared person and the disappearance"\n'
                                               'msgstr "La personne disparue et la disparition"',
                                               'msgid "The disappeared person and the disappearance"\nmsgstr ""'))
    with pytest.raises(ChecksFailed) as caught:
        build(brief, tmp_path / "out", languages=["fr"], audiences=["un-wgeid"])
    [finding] = [f for f in caught.value.findings if f.severity == "error"]
    assert DRAFT_MSGID in finding.message and "no 'fr' translation" in finding.message
    assert finding.location is not None and finding.location.file == str(brief / "locales/fr/LC_MESSAGES/briefbuilder.po")
    assert not (tmp_path / "out").exists()
    drafted = build(brief, tmp_path / "out", languages=["fr"], audiences=["un-wgeid"], draft=True)
    assert drafted.draft  # a marked draft may fall back to the English wording, never a silent mix
    assert "PROJET" in drafted.outputs[0].read_text(encoding="utf-8")


def test_a_message_used_by_a_template_but_not_in_the_pot_is_still_caught(tmp_path: Path) -> None:
    """Recorded while rendering: a pack's own string missing from a language fails like a core one."""
    packs = tmp_path / "packs"
    (packs / "memo").mkdir(parents=True)
    (packs / "memo" / "pack.yaml").write_text("description: Memo\nlanguages: [en, ko, fr]\ntemplate: memo.md.j2\n",
                                              encoding="utf-8")
    (packs / "memo" / "memo.md.j2").write_text('# {{ _("Board memo") }}\n', encoding="utf-8")
    with pytest.raises(BriefError, match='msgid "Board memo"'):
        render_brief(EXAMPLE, "fr", audience="memo", template_dirs=[packs])
    assert render_brief(EXAMPLE, "en", audience="memo", template_dirs=[packs]).markdown.startswith("# Board memo")


def test_locales_option_is_searched_first(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    shutil.copytree(PACKAGE_FR, folder / "fr")
    po = folder / "fr" / "LC_MESSAGES" / "briefbuilder.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Auteur de la communication"',
                                                          'msgstr "Auteur"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "fr", "--audience", "un-wgeid",
                                       "--locales", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "## IV. Auteur\n" in (tmp_path / "out" / "enforced-disappearances.un-wgeid.fr.md").read_text(encoding="utf-8")


def test_unknown_language_names_the_ones_there_and_how_to_add_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--lang", "de", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown language 'de'" in result.output and "en, fr, ko" in result.output and "--locales" in result.output


def test_a_language_the_pack_does_not_list_is_refused_at_the_packs_languages(tmp_path: Path) -> None:
    findings = check_brief(EXAMPLE, audience="gov-briefing", languages=["fr"])
    [unsupported] = [f for f in findings if f.rule == "language.unsupported"]
    assert unsupported.location is not None
    manifest = Path(unsupported.location.file)
    assert manifest.name == "pack.yaml" and re.match(r"languages:", manifest.read_text().splitlines()[unsupported.location.line - 1])


@pytest.mark.parametrize(("state", "treaty", "expected"), [
    ("중국", "「난민협약」", "중국은 「난민협약」을 비준함"),      # final consonant: 은, 을 (through the closing bracket)
    ("러시아", "「자유권규약」", "러시아는 「자유권규약」을 비준함"),
    ("북한", "ICCPR", "북한은 ICCPR을(를) 비준함"),             # no Hangul to decide by: both forms stay
])
def test_korean_particles_follow_the_word_filled_in(state: str, treaty: str, expected: str) -> None:
    from briefbuilder.load.locale import load_locale

    korean = load_locale("ko")
    assert korean.gettext("%(state)s은(는) %(treaty)s을(를) 비준함") % {"state": state, "treaty": treaty} == expected


def test_the_documented_commands_extract_and_translate_a_packs_own_strings(tmp_path: Path) -> None:
    """docs/translating.md's commands, run as written, give a pack.po the build uses."""
    docs = (REPO / "docs" / "translating.md").read_text(encoding="utf-8")
    block = docs.split("## A pack's own words", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if "update" not in line and line.strip()]
    pack = tmp_path / "packs" / "memo"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("description: Memo\nlanguages: [en, ko]\ntemplate: memo.md.j2\n", encoding="utf-8")
    (pack / "memo.md.j2").write_text('{# Translators: organisation: who writes #}\n'
                                     '# {{ _("Memo from %(organisation)s", organisation="X") }}\n', encoding="utf-8")
    script = "\n".join(["set -e", f"cd {pack.parent}", *[c.replace("cd my-pack", "cd memo") for c in commands]])
    subprocess.run(["bash", "-c", script], check=True, capture_output=True)
    po = pack / "locales" / "ko" / "LC_MESSAGES" / "pack.po"
    text = po.read_text(encoding="utf-8")
    assert "#. organisation: who writes" in text or "Translators: organisation: who writes" in text
    po.write_text(text.replace('msgid "Memo from %(organisation)s"\nmsgstr ""',
                               'msgid "Memo from %(organisation)s"\nmsgstr "%(organisation)s 메모"'), encoding="utf-8")
    markdown = render_brief(EXAMPLE, "ko", audience="memo", template_dirs=[pack.parent]).markdown
    assert markdown.startswith("# X 메모")
