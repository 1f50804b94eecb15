"""What a pack that ``extends`` another ends up with, and what a user is told about a pack that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbuilder import load_inputs
from briefbuilder.cli import main
from briefbuilder.load.pack import load_pack
from testdata import MINIMAL_BRIEF, REPO

REFERENCE = REPO / "templates" / "reference.docx"
FIELD = "{type: string, description: %s}"


def _pack(root: Path, name: str, manifest: str, files: tuple[str, ...] = ()) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    for file in files:
        (folder / file).write_bytes(REFERENCE.read_bytes() if file.endswith(".docx") else b"{# a template #}\n")
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A house pack with its own Word template, terms and fields, and packs extending it or a built-in one."""
    root = tmp_path / "packs"
    _pack(root, "house", "interface: 1\ndescription: {en: House}\nreference_docx: house.docx\n"
          f"terms: {{kept: {{en: Kept}}, changed: {{en: Old}}}}\n"
          f"fields: {{desk: {FIELD % 'Desk'}, phone: {FIELD % 'Phone'}}}\n", ("house.docx",))
    _pack(root, "team", "interface: 1\nextends: house\ndescription: {en: Team}\n"
          f"terms: {{changed: {{en: New}}}}\nfields: {{phone: {FIELD % 'Mobile'}}}\n")
    _pack(root, "own-docx", "interface: 1\nextends: house\ndescription: {en: Own}\nreference_docx: own.docx\n",
          ("own.docx",))
    _pack(root, "plain", "interface: 1\nextends: general\ndescription: {en: Plain}\n")
    _pack(root, "korean", "interface: 1\nextends: general\ndescription: {en: Korean}\n"
          "templates: {ko: brief.ko.md.j2}\n", ("brief.ko.md.j2",))
    _pack(root, "borrowing", "interface: 1\nextends: general\ndescription: {en: Borrowing}\n"
          "template: un-upr/submission.md.j2\n")
    return root


def test_a_child_changes_one_term_and_one_field_and_keeps_the_parents_others(root: Path) -> None:
    team = load_pack("team", (root,))
    assert {name: text.get("en") for name, text in team.terms.items()} == {"kept": "Kept", "changed": "New"}
    assert {name: field.description for name, field in team.fields.items()} == {"desk": "Desk",
                                                                                    "phone": "Mobile"}


def test_a_child_without_a_word_template_uses_its_parents(root: Path) -> None:
    assert load_pack("team", (root,)).reference_docx_path() == (root / "house" / "house.docx").resolve()


def test_a_childs_own_word_template_wins_over_its_parents(root: Path) -> None:
    assert load_pack("own-docx", (root,)).reference_docx_path() == (root / "own-docx" / "own.docx").resolve()


def test_no_word_template_on_either_side_stays_none(root: Path) -> None:
    assert load_pack("plain", (root,)).reference_docx_path() is None


def test_a_childs_own_per_language_template_is_used_for_that_language_only(root: Path) -> None:
    korean = load_pack("korean", (root,))
    assert (korean.template_name("ko"), korean.template_name("en")) == ("korean/brief.ko.md.j2",
                                                                        "general/brief.md.j2")


def test_a_child_may_name_another_packs_template_by_its_loader_name(root: Path) -> None:
    assert load_pack("borrowing", (root,)).template_name("en") == "un-upr/submission.md.j2"


def test_a_path_given_as_an_audience_is_refused_with_how_to_use_a_pack_folder(tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text(MINIMAL_BRIEF, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(brief), "--audience", "../house"])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == (
        "error: audience: '../house' is not an audience pack name (name a pack (briefbuilder audiences lists "
        "them); for a pack in a folder of your own, pass that folder's parent with --templates and the pack's name)")


def test_a_pack_for_a_newer_interface_is_refused_at_its_interface_line(tmp_path: Path) -> None:
    root = tmp_path / "packs"
    manifest = _pack(root, "future", "# Written for a later briefbuilder.\ndescription: {en: Future}\n"
                     "interface: 9\n") / "pack.yaml"
    brief = tmp_path / "brief.yaml"
    brief.write_text(MINIMAL_BRIEF, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(brief), "--audience", "future", "--templates", str(root)])
    assert result.exit_code == 2, result.output
    assert f"{manifest}:3: error: interface: the pack 'future' was written for template interface 9; this " \
           "briefbuilder knows interfaces up to 1 (upgrade briefbuilder (pip install --upgrade briefbuilder; " \
           "CHANGELOG.md says which release brought which interface))" in result.output


def test_a_missing_translation_is_sent_to_a_users_pack_po_never_to_a_built_in_packs(tmp_path: Path,
                                                                                      root: Path) -> None:
    """A built-in pack's files are not the user's to edit; a user's pack translates its strings in its pack.po."""
    brief = tmp_path / "brief.yaml"
    brief.write_text(MINIMAL_BRIEF, encoding="utf-8")
    inputs = load_inputs(brief, audiences=["general", "plain"], template_dirs=[root])
    assert inputs.locale("general", "ko").pack_messages_file is None
    assert inputs.locale("plain", "ko").pack_messages_file == root / "plain" / "locales" / "ko" / "LC_MESSAGES" / "pack.po"
