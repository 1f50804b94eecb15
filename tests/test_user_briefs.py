"""Two briefs written by new users (tests/userbriefs, issue 27) build as their authors expected.

Each is built from a copy, through the command as a user runs it, with only
the options docs/audiences.md describes: the China brief's pack is found in
templates/ beside it, the refugee brief is built for the two audiences it names.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testdata import REPO

USER_BRIEFS = REPO / "tests" / "userbriefs"


def _briefbuilder(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefbuilder", *map(str, arguments)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def users_folder(tmp_path: Path) -> Path:
    shutil.copytree(USER_BRIEFS, tmp_path / "briefs")
    return tmp_path / "briefs"


def test_china_brief_builds_with_the_pack_beside_it(users_folder: Path) -> None:
    built = _briefbuilder("build", "china-repatriation", "--format", "md,docx", "-o", "out", cwd=users_folder)
    assert built.returncode == 0, built.stderr
    assert " error: " not in built.stderr
    out = users_folder / "out"
    assert sorted(path.name for path in out.iterdir()) == [
        f"october-2023-repatriation.my-un-upr.{language}.{fmt}" for language in ("en", "ko") for fmt in ("docx", "md")]
    last = built.stderr.strip().splitlines()[-1]
    assert last == ("briefbuilder: 4 file(s) written; pack my-un-upr "
                    f"({Path('china-repatriation', 'templates', 'my-un-upr', 'pack.yaml')})")
    english = (out / "october-2023-repatriation.my-un-upr.en.md").read_text(encoding="utf-8")
    korean = (out / "october-2023-repatriation.my-un-upr.ko.md").read_text(encoding="utf-8")
    # The pack's own cover line, once; the built-in's newer line held back for a pack of interface 0, with a warning.
    assert english.count("Word limit: 2,815") == 1 and "Word count" not in english
    assert korean.count("단어 수 제한: 2,815") == 1
    assert "warning: packs.interface: the pack 'my-un-upr'" in built.stderr and "Word count" in built.stderr
    # [[state:KP]] prints its own "the": the text writes none before it.
    assert "language.doubled-article" not in built.stderr and "the the" not in english


def test_refugee_brief_builds_for_the_ministry_and_the_committee(users_folder: Path) -> None:
    built = _briefbuilder("build", "refugee-recognition", "--audience", "gov-briefing,un-treaty-body",
                          "--format", "md,docx", "-o", "out", cwd=users_folder)
    assert built.returncode == 0, built.stderr
    assert " error: " not in built.stderr and "warning: figures.count-unit" not in built.stderr
    out = users_folder / "out"
    assert len(list(out.iterdir())) == 8
    briefing = (out / "refugee-recognition.gov-briefing.ko.md").read_text(encoding="utf-8")
    report = (out / "refugee-recognition.un-treaty-body.en.md").read_text(encoding="utf-8")
    # 1,544 recognised refugees are people, though the applications they are a share of are cases.
    assert "1,544명(2.7%)" in briefing and "57,000건 중 1,544명(2.7%)" in briefing and "1,544건" not in briefing
    assert "1,544 people (2.7 per cent)" in report and "1,544 cases" not in report
    assert "packs gov-briefing (" in built.stderr.strip().splitlines()[-1]
