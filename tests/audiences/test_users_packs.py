"""A user's own pack, kept beside the brief: found, named, warned about when unused, versioned, and its
errors reported in the user's files, never in the installed package (issue 27)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefbuilder.errors import BriefError
from briefbuilder.pipeline import build, check_brief
from briefbuilder.resources import data_dir

from packdata import REPO

CHINA = REPO / "tests" / "userbriefs" / "china-repatriation"
PACK = Path("templates", "my-un-upr")


@pytest.fixture
def china(tmp_path: Path) -> Path:
    """A copy of the China brief with its pack beside it (templates/my-un-upr/, written for interface 0)."""
    return Path(shutil.copytree(CHINA, tmp_path / "china"))


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_a_pack_beside_the_brief_is_found_and_named_as_the_pack_used(china: Path, tmp_path: Path) -> None:
    result = build(china, tmp_path / "out")
    assert result.packs == {"my-un-upr": china / PACK / "pack.yaml"}
    assert [path.name for path in result.outputs] == [
        "october-2023-repatriation.my-un-upr.en.md", "october-2023-repatriation.my-un-upr.ko.md"]


def test_a_pack_beside_the_brief_that_is_not_used_is_a_warning(china: Path) -> None:
    _edit(china / "brief.yaml", "audience: my-un-upr", "audience: un-upr")
    unused = [f for f in check_brief(china) if f.rule == "packs.unused-beside-brief"]
    assert [(f.severity, f.location.file, f.location.line) if f.location else None for f in unused] == [
        ("warning", str(china / PACK / "pack.yaml"), 1)]
    assert "'my-un-upr' beside the brief is not used: this build uses 'un-upr'" in unused[0].message
    assert "audience: my-un-upr" in unused[0].message


def test_a_pack_beside_the_brief_that_is_used_is_no_warning(china: Path) -> None:
    assert not [f for f in check_brief(china) if f.rule == "packs.unused-beside-brief"]


def test_a_pack_beside_the_brief_that_the_used_one_extends_is_no_warning(china: Path) -> None:
    # my-un-upr extends a second pack of the user's, beside it: both are used.
    shutil.copytree(china / PACK, china / "templates" / "our-upr")
    _edit(china / PACK / "pack.yaml", "extends: un-upr", "extends: our-upr")
    assert not [f for f in check_brief(china) if f.rule == "packs.unused-beside-brief"]


def test_a_pack_of_interface_0_keeps_its_output_and_names_the_line_held_back(china: Path) -> None:
    findings = [f for f in check_brief(china) if f.rule == "packs.interface"]
    assert len(findings) == 1 and findings[0].severity == "warning"
    assert findings[0].location is not None and findings[0].location.file == str(china / PACK / "pack.yaml")
    assert "written for template interface 0" in findings[0].message
    assert "'Word count: N (limit: M)'" in findings[0].message and "interface: 1" in findings[0].message


def test_the_interface_warning_says_what_to_do_at_the_start_of_the_manifest(china: Path) -> None:
    manifest = china / PACK / "pack.yaml"
    first = next(number for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1)
                 if line.strip() and not line.startswith("#"))  # no 'interface:' yet: where the pack's fields begin
    [finding] = [f for f in check_brief(china) if f.rule == "packs.interface"]
    assert finding.location is not None and (finding.location.file, finding.location.line) == (str(manifest), first)
    assert finding.message == (
        "the pack 'my-un-upr' was written for template interface 0 (briefbuilder 0.1); this is interface 1. "
        "Held back from its output until pack.yaml says 'interface: 1': the cover line 'Word count: N (limit: M)' "
        "(un-upr, from briefbuilder 0.2.0). "
        "Check your templates against CHANGELOG.md, then add 'interface: 1'")


def test_a_pack_of_an_older_interface_with_nothing_held_back_says_so(china: Path) -> None:
    _edit(china / PACK / "pack.yaml", "extends: un-upr", "extends: general")
    [finding] = [f for f in check_brief(china) if f.rule == "packs.interface"]
    assert "Held back from its output until pack.yaml says 'interface: 1': nothing this pack prints." in finding.message


def test_a_pack_declaring_the_current_interface_gets_the_new_line_and_no_warning(china: Path,
                                                                                   tmp_path: Path) -> None:
    _edit(china / PACK / "pack.yaml", "extends: un-upr", "extends: un-upr\ninterface: 1")
    assert not [f for f in check_brief(china) if f.rule == "packs.interface"]
    build(china, tmp_path / "out", languages="en")
    english = (tmp_path / "out" / "october-2023-repatriation.my-un-upr.en.md").read_text(encoding="utf-8")
    assert "Word count: " in english and "Word limit: 2,815" in english


def test_a_pack_for_a_newer_interface_is_refused_at_its_manifest(china: Path) -> None:
    _edit(china / PACK / "pack.yaml", "extends: un-upr", "extends: un-upr\ninterface: 2")
    with pytest.raises(BriefError) as caught:
        check_brief(china)
    problem = caught.value.problems[0]
    assert problem.location is not None and problem.location.file == str(china / PACK / "pack.yaml")
    assert "written for template interface 2" in problem.message and "upgrade briefbuilder" in problem.hint


def test_a_missing_translation_in_a_users_pack_points_at_its_pack_po(china: Path) -> None:
    shutil.rmtree(china / PACK / "locales")
    errors = [f for f in check_brief(china) if f.severity == "error"]
    assert len(errors) == 1
    pack_po = china / PACK / "locales" / "ko" / "LC_MESSAGES" / "pack.po"
    assert errors[0].location is not None and errors[0].location.file == str(pack_po)
    assert 'msgid "Word limit: %(limit)s"' in errors[0].message
    assert f"translate it in {pack_po}" in errors[0].message
    assert str(data_dir("locales")) not in errors[0].message


def test_a_template_error_in_a_built_in_block_points_at_the_users_template(china: Path) -> None:
    template = china / PACK / "submission.md.j2"
    _edit(template, "{% block cover %}", "{% set meta = none %}\n{% block cover %}")
    errors = [f for f in check_brief(china, languages="en") if f.severity == "error"]
    assert errors and errors[0].location is not None
    assert errors[0].location.file == str(template)
    assert errors[0].location.line == 4  # the line calling {{ super() }}, not the built-in template's


def test_a_pack_saying_interface_0_is_warned_at_that_line(china: Path) -> None:
    manifest = china / PACK / "pack.yaml"
    _edit(manifest, "extends: un-upr", "extends: un-upr\ninterface: 0")
    [finding] = [f for f in check_brief(china) if f.rule == "packs.interface"]
    line = manifest.read_text(encoding="utf-8").splitlines().index("interface: 0") + 1
    assert finding.location is not None and finding.location.line == line
