"""Customising without forking: user folders, block overrides, new packs, the sandbox, `init`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder.cli import main
from briefbuilder.errors import BriefError
from briefbuilder.load import load_brief
from briefbuilder.pipeline import check_brief as check, render_brief

from packdata import EXAMPLE

OVERRIDE_COVER = """\
{% extends "builtin/un-upr/submission.md.j2" %}
{% block cover %}
# {{ text(meta.title) }}

Our own cover line.

{% endblock %}
"""


MEMO_KO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Memo"\nmsgstr "메모"\n'


def _pack(root: Path, name: str, manifest: str, templates: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    for file, text in templates.items():
        (folder / file).parent.mkdir(parents=True, exist_ok=True)
        (folder / file).write_text(text, encoding="utf-8")
    return root


def _after_cover(markdown: str) -> str:
    return markdown[markdown.index("\n## "):]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_user_template_overriding_one_block_changes_only_that_block(tmp_path: Path, language: str) -> None:
    root = _pack(tmp_path, "my-upr", "extends: un-upr\ndescription: My UPR\n", {"submission.md.j2": OVERRIDE_COVER})
    builtin = render_brief(EXAMPLE, language, audience="un-upr").markdown
    mine = render_brief(EXAMPLE, language, audience="my-upr", template_dirs=(root,)).markdown
    assert "Our own cover line." in mine and "Our own cover line." not in builtin
    assert _after_cover(mine) == _after_cover(builtin)
    assert mine.split("\n## ")[0] != builtin.split("\n## ")[0]


def test_a_template_edited_between_two_renders_in_one_process_is_read_again(tmp_path: Path) -> None:
    """A script or web app that keeps running sees the edit; an unedited template is not read again."""
    import os

    root = _pack(tmp_path, "my-upr", "extends: un-upr\ndescription: My UPR\n", {"submission.md.j2": OVERRIDE_COVER})
    template = root / "my-upr" / "submission.md.j2"
    assert "Our own cover line." in render_brief(EXAMPLE, "en", audience="my-upr", template_dirs=(root,)).markdown
    template.write_text(OVERRIDE_COVER.replace("Our own cover line.", "An edited cover line."), encoding="utf-8")
    stamp = template.stat().st_mtime_ns + 5_000_000_000
    os.utime(template, ns=(stamp, stamp))  # a later modification time, however coarse the file system's clock
    edited = render_brief(EXAMPLE, "en", audience="my-upr", template_dirs=(root,)).markdown
    assert "An edited cover line." in edited and "Our own cover line." not in edited


def test_user_folder_shadows_a_builtin_pack_of_the_same_name(tmp_path: Path) -> None:
    root = _pack(tmp_path, "un-upr", "extends: un-upr\ndescription: Shadow\nword_limit: 50\n",
                 {"submission.md.j2": OVERRIDE_COVER})
    markdown = render_brief(EXAMPLE, "en", audience="un-upr", template_dirs=(root,)).markdown
    assert "Our own cover line." in markdown
    [finding] = [f for f in check(EXAMPLE, audience="un-upr", template_dirs=(root,)) if f.rule == "constraints.word-limit"][:1]
    assert "limit for a single organisation is 50" in finding.message


def test_inherited_pack_keeps_the_parents_per_language_templates(tmp_path: Path) -> None:
    root = _pack(tmp_path, "my-briefing", "extends: gov-briefing\ndescription: Mine\n"
                 "terms: {defector: {ko: 북한이탈주민, en: escapees}}\n", {})
    korean = render_brief(EXAMPLE, "ko", audience="my-briefing", template_dirs=(root,)).markdown
    assert "> **요약**" in korean and "북한이탈주민 62명" in korean


def test_brief_settings_override_terms_and_reference_docx(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={
        "  state: KP": "  state: KP\n  settings:\n    terms: {state-KP: {en: the DPRK, ko: 북한}}\n"
                       "    pack: {reference_docx: house.docx}"})
    document = render_brief(folder, "en", audience="un-upr")
    assert "State under review: the DPRK" in document.markdown
    assert document.layout.reference_docx == (folder / "house.docx").resolve()


def test_a_pack_outside_the_package_works_end_to_end(tmp_path: Path, write_brief: Callable[..., Path]) -> None:
    manifest = ("description: {en: Board memo, ko: 이사회 메모}\ntemplate: memo.md.j2\nminimum_status: verified\n"
                "word_limit: 500\nrequired_fields: [summary]\n")
    template = ('{% extends "base/brief.md.j2" %}\n{% block cover %}\n# {{ _("Memo") }}: {{ text(meta.title) }}\n\n'
                '{% endblock %}\n{% block recommendations %}\n{% endblock %}\n')
    root = _pack(tmp_path / "packs", "memo", manifest, {"memo.md.j2": template,
                                                        "locales/ko/LC_MESSAGES/pack.po": MEMO_KO})
    brief = write_brief()
    runner = CliRunner()
    listed = runner.invoke(main, ["audiences", "--templates", str(root)])
    assert "memo: Board memo" in listed.output and "word limit: 500" in listed.output
    checked = runner.invoke(main, ["check", str(brief), "--audience", "memo", "--templates", str(root)])
    assert checked.exit_code == 0, checked.output
    built = runner.invoke(main, ["build", str(brief), "--audience", "memo", "--lang", "ko,en",
                                 "--templates", str(root), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "small.memo.en.md").read_text(encoding="utf-8").startswith("# Memo: Disappearances")
    korean = (tmp_path / "out" / "small.memo.ko.md").read_text(encoding="utf-8")
    assert korean.startswith("# 메모: 실종")
    assert "113명" in korean  # the core's Korean counts (and plural rule) still apply beside the pack's messages


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ brief.directory.read_text() }}",
    "{{ brief.__class__.__init__.__globals__ }}",
])
def test_sandbox_denies_python_internals_and_files(tmp_path: Path, attack: str) -> None:
    template = '{% extends "base/brief.md.j2" %}\n{% block cover %}\n' + attack + "\n{% endblock %}\n"
    root = _pack(tmp_path, "evil", "description: Evil\ntemplate: evil.md.j2\n", {"evil.md.j2": template})
    with pytest.raises(BriefError) as caught:
        render_brief(EXAMPLE, "en", audience="evil", template_dirs=(root,))
    message = str(caught.value)
    assert "evil.md.j2" in message and "sandbox forbids" in message and "unsafe" in message


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "/etc/passwd"])
def test_templates_cannot_include_files_outside_the_template_folders(tmp_path: Path, path: str) -> None:
    template = '{% extends "base/brief.md.j2" %}\n{% block cover %}\n{% include "' + path + '" %}\n{% endblock %}\n'
    root = _pack(tmp_path, "evil", "description: Evil\ntemplate: evil.md.j2\n", {"evil.md.j2": template})
    with pytest.raises(BriefError, match="template not found"):
        render_brief(EXAMPLE, "en", audience="evil", template_dirs=(root,))


BUILT_IN = ["general", "un-upr", "un-treaty-body", "un-wgeid", "gov-briefing"]
AUDIENCE_BLOCKS = {"un-upr": "submission", "un-treaty-body": "submission", "un-wgeid": "case",
                   "gov-briefing": "briefing"}


@pytest.mark.parametrize("audience", BUILT_IN)
def test_init_scaffolds_a_brief_that_passes_check_and_builds(tmp_path: Path, audience: str) -> None:
    target = tmp_path / "new"
    result = CliRunner().invoke(main, ["init", str(target), "--audience", audience])
    assert result.exit_code == 0, result.output
    assert [path.relative_to(target).as_posix() for path in target.rglob("*")] == ["brief.yaml"]
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 0 and "0 error(s), " in checked.output, checked.output
    built = CliRunner().invoke(main, ["build", str(target), "--format", "md,docx", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert len(list((tmp_path / "out").iterdir())) == 4
    # Only the blocks this audience reads, not even commented out: a briefing has no case.
    text = (target / "brief.yaml").read_text(encoding="utf-8")
    blocks = {block for block in ("submission", "case", "briefing") if f"{block}:" in text}
    assert blocks == ({AUDIENCE_BLOCKS[audience]} if audience in AUDIENCE_BLOCKS else set())
    again = CliRunner().invoke(main, ["init", str(target), "--audience", audience])
    assert again.exit_code == 2 and "would overwrite" in again.output


@pytest.mark.parametrize("audience", BUILT_IN)
def test_init_with_own_pack_writes_a_starter_pack_the_brief_uses(tmp_path: Path, audience: str) -> None:
    target = tmp_path / "new"
    result = CliRunner().invoke(main, ["init", str(target), "--audience", audience, "--own-pack"])
    assert result.exit_code == 0, result.output
    assert load_brief(target).brief.audience == f"my-{audience}"
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 0 and re.search(rf"0 error\(s\), \d+ warning\(s\); pack my-{audience} \(", checked.output), \
        checked.output
    built = CliRunner().invoke(main, ["build", str(target), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert f"pack my-{audience} (" in built.output and str(Path("templates", f"my-{audience}", "pack.yaml")) in built.output
    for language in ("ko", "en"):  # the starter overrides a block with {{ super() }}: same document as the built-in
        starter = render_brief(target, language).markdown
        assert starter == render_brief(target, language, audience=audience).markdown


def test_init_for_a_pack_extending_its_namesake_writes_the_block_the_built_in_reads(tmp_path: Path) -> None:
    """A user's un-upr that extends the built-in un-upr and has no scaffold.yaml of its own still gets the
    built-in's 'submission:' block: the scaffold is looked for up the whole extends line, as templates are."""
    mine = tmp_path / "templates" / "un-upr"
    mine.mkdir(parents=True)
    (mine / "pack.yaml").write_text("extends: un-upr\nword_limit: {'*': 2000}\n", encoding="utf-8")
    target = tmp_path / "new"
    result = CliRunner().invoke(main, ["init", str(target), "--audience", "un-upr",
                                       "--templates", str(tmp_path / "templates")])
    assert result.exit_code == 0, result.output
    assert "submission:" in (target / "brief.yaml").read_text(encoding="utf-8")
