"""A build writes every output or none: a failure leaves no new file and earlier outputs intact."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder import BriefError, OutputError, build
from briefbuilder.write import atomic
from testdata import EXAMPLE, MINIMAL_BRIEF


def _fail_on_call(number: int, real: Callable[..., None], into: Path) -> Callable[..., None]:
    """``os.replace`` that fails on its ``number``-th call into the folder ``into`` (not its staging folder).

    Other moves (the per-user cache writes its entries the same way) are not counted.
    """
    calls = {"count": 0}

    def replace(source: str | Path, destination: str | Path) -> None:
        if Path(destination).parent == into and atomic.STAGING_PREFIX not in str(destination):
            calls["count"] += 1
            if calls["count"] == number:
                raise OSError(28, "No space left on device", str(destination))
        real(source, destination)

    return replace


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("failing_move", [1, 3])
def test_a_failed_move_puts_every_earlier_output_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       failing_move: int) -> None:
    out = tmp_path / "out"
    build(EXAMPLE, out, languages=["ko", "en"], formats=["md"])
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    # Make the old outputs differ from what a new build writes, so a half-done build would show.
    for path in out.glob("*.md"):
        path.write_bytes(b"previous build of " + path.name.encode())
    before = _snapshot(out)

    monkeypatch.setattr(atomic.os, "replace", _fail_on_call(failing_move, os.replace, out))
    with pytest.raises(OutputError):
        build(EXAMPLE, out, languages=["ko", "en"], formats=["md", "docx"])

    assert _snapshot(out) == before  # same files, same bytes: nothing new, nothing changed, no staging left


def test_a_failed_first_build_leaves_no_folder_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "new" / "out"
    monkeypatch.setattr(atomic.os, "replace", _fail_on_call(2, os.replace, out))
    with pytest.raises(OutputError):
        build(EXAMPLE, out, languages=["ko", "en"], formats=["md"])
    assert not (tmp_path / "new").exists()


def test_a_refused_overwrite_writes_nothing(tmp_path: Path) -> None:
    """The brief is named like the last output: the first outputs must not be written either."""
    original = MINIMAL_BRIEF.replace("languages: [en, ko]", "languages: [ko, en]\n  id: x")
    brief = tmp_path / "x.general.en.md"
    brief.write_text(original, encoding="utf-8")
    with pytest.raises(BriefError, match="refusing to overwrite"):
        build(brief, tmp_path, formats=["md"])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.general.en.md"]
    assert brief.read_text(encoding="utf-8") == original


def test_write_all_replaces_old_outputs(tmp_path: Path) -> None:
    old, untouched = tmp_path / "a.md", tmp_path / "b.md"
    old.write_bytes(b"old")
    untouched.write_bytes(b"keep")
    atomic.write_all([(old, b"new"), (tmp_path / "sub" / "c.md", b"c")])
    assert old.read_bytes() == b"new" and untouched.read_bytes() == b"keep"
    assert (tmp_path / "sub" / "c.md").read_bytes() == b"c"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(atomic.STAGING_PREFIX)]
