"""What an atomic write promises beyond 'all or nothing' (found by mutation testing: docs/testing.md).

A new output is readable by everyone who can read its folder, a missing folder
is made however deep, the staging folder is on the destination's own file system
(so the final rename is atomic), and a refusal says which output and how to fix it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefbuilder import BriefError, OutputError
from briefbuilder.load.confine import confined_file, is_inside
from briefbuilder.write import atomic


def test_a_new_output_is_readable_by_everyone_and_executable_by_no_one(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    atomic.write_all([(target, b"text")])
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_missing_output_folder_is_made_however_deep(tmp_path: Path) -> None:
    target = tmp_path / "out" / "2024" / "upr" / "brief.md"
    atomic.write_all([(target, b"text")])
    assert target.read_bytes() == b"text"


def test_every_file_is_staged_in_its_own_destination_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rename is atomic only within one file system: the staged file sits beside where it goes."""
    moves: list[tuple[Path, Path]] = []
    real = os.replace

    def replace(source: str | Path, destination: str | Path) -> None:
        moves.append((Path(source), Path(destination)))
        real(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    targets = [tmp_path / "a" / "one.md", tmp_path / "b" / "two.md"]
    atomic.write_all([(target, b"x") for target in targets])
    assert {destination for _, destination in moves} == set(targets)
    for source, destination in moves:
        assert source.parent.parent == destination.parent
        assert source.parent.name.startswith(atomic.STAGING_PREFIX)
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["a", "b", "one.md", "two.md"]


def test_an_output_on_an_input_is_refused_with_the_output_named_and_a_fix(tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("kept", encoding="utf-8")
    with pytest.raises(OutputError) as refused:
        atomic.write_all([(brief, b"overwritten")], inputs=[brief])
    [problem] = refused.value.problems
    assert (problem.field, problem.hint) == ("output", "choose another output folder with -o, or give the input another name")
    assert brief.read_text(encoding="utf-8") == "kept"


def test_a_file_linked_out_of_its_folder_is_refused_with_a_fix(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "link.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(BriefError) as refused:
        confined_file(tmp_path / "pack", tmp_path / "pack" / "link.txt", what="template")
    [problem] = refused.value.problems
    assert "leads outside its folder" in problem.message
    assert problem.hint == "copy the file into the folder instead of linking to it"


def test_a_missing_file_is_an_error_unless_the_caller_says_it_may_be_missing(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="cannot be read"):
        confined_file(tmp_path, tmp_path / "absent.yaml", what="manifest")
    assert confined_file(tmp_path, tmp_path / "absent.docx", what="reference .docx", must_exist=False) \
        == tmp_path.resolve() / "absent.docx"


def test_everything_is_inside_the_file_system_root() -> None:
    assert is_inside("/", "/etc/passwd")
    assert not is_inside("/etc", "/etcetera/file")


def test_two_outputs_on_one_path_are_refused_with_both_named_and_a_fix(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as refused:
        atomic.write_all([(tmp_path / "a.md", b"1"), (tmp_path / "sub" / ".." / "a.md", b"2")])
    [problem] = refused.value.problems
    assert problem.field == "output" and str(tmp_path / "sub" / ".." / "a.md") in problem.message
    assert problem.hint == "build the audiences into separate folders, or name the outputs apart"
    assert not (tmp_path / "a.md").exists()


def test_writing_one_file_over_an_input_is_refused_too(tmp_path: Path) -> None:
    """write_atomic is write_all for one file: it keeps the same promise about inputs (write_markdown relies on it)."""
    brief = tmp_path / "brief.md"
    brief.write_text("kept", encoding="utf-8")
    with pytest.raises(OutputError):
        atomic.write_atomic(brief, b"overwritten", inputs=[brief])
    assert brief.read_text(encoding="utf-8") == "kept"


def test_undoing_a_failed_write_goes_on_when_a_new_file_has_already_gone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Undoing must not stop halfway: a new output someone removed meanwhile is simply not there to remove,
    and the file it was to replace is still put back, and the write's own error is what the caller sees."""
    new, replaced = tmp_path / "new.md", tmp_path / "replaced.md"
    replaced.write_bytes(b"before")
    real = os.replace

    def replace(source: str | Path, destination: str | Path) -> None:
        if Path(destination) == replaced and Path(source).name.endswith(".new"):
            new.unlink()  # the first output, already in place, removed by someone else
            raise OSError(28, "No space left on device")
        real(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_all([(new, b"new"), (replaced, b"after")])
    assert replaced.read_bytes() == b"before"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["replaced.md"]
