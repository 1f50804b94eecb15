"""The translators' workflow: every .po compiles cleanly, and the documented update is stable."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from testdata import REPO

LOCALES = REPO / "locales"
LANGUAGES = sorted(folder.name for folder in LOCALES.iterdir() if (folder / "locale.yaml").is_file())
UPDATE = REPO / "scripts" / "update-translations"


def _po(root: Path, code: str) -> Path:
    return root / code / "LC_MESSAGES" / "briefbuilder.po"


def test_the_shipped_languages_are_english_korean_and_french() -> None:
    assert LANGUAGES == ["en", "fr", "ko"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_pybabel_compile_passes(code: str, tmp_path: Path) -> None:
    """Placeholders a translation uses must exist in its msgid (the check pybabel compile runs)."""
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "compile", "--statistics", "-i", str(_po(LOCALES, code)),
         "-l", code, "-o", str(tmp_path / "messages.mo")], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr


@pytest.mark.parametrize("code", LANGUAGES)
def test_msgfmt_check_passes(code: str, tmp_path: Path) -> None:
    result = subprocess.run(["msgfmt", "-c", "-o", str(tmp_path / "messages.mo"), str(_po(LOCALES, code))],
                            capture_output=True, text=True)
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    assert result.returncode == 0 and not errors, result.stderr


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of locales/ after running the documented update once, and its files after a second run."""
    copy = tmp_path_factory.mktemp("locales") / "locales"
    shutil.copytree(LOCALES, copy)
    subprocess.run(["bash", str(UPDATE), str(copy)], check=True, capture_output=True)
    first = {str(path.relative_to(copy)): path.read_text(encoding="utf-8") for path in sorted(copy.rglob("*.po*"))}
    subprocess.run(["bash", str(UPDATE), str(copy)], check=True, capture_output=True)
    return copy, first


def test_updating_twice_changes_nothing(updated: tuple[Path, dict[str, str]]) -> None:
    copy, first = updated
    second = {str(path.relative_to(copy)): path.read_text(encoding="utf-8") for path in sorted(copy.rglob("*.po*"))}
    assert second == first


def test_the_template_and_french_are_current_with_the_code(updated: tuple[Path, dict[str, str]]) -> None:
    """A message added to the code without running scripts/update-translations fails here."""
    _, first = updated

    def body(text: str) -> str:
        return "\n".join(line for line in text.splitlines() if not line.startswith('"POT-Creation-Date'))

    assert body(first["briefbuilder.pot"]) == body((LOCALES / "briefbuilder.pot").read_text(encoding="utf-8"))
    assert first["fr/LC_MESSAGES/briefbuilder.po"] == _po(LOCALES, "fr").read_text(encoding="utf-8")


def test_an_update_with_no_message_changed_keeps_the_template_and_its_date(tmp_path: Path) -> None:
    """Run a minute (or a year) after the last update, the documented update leaves every file as it was."""
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy)
    template = copy / "briefbuilder.pot"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    template.write_text("".join('"POT-Creation-Date: 2000-01-01 00:00+0000\\n"\n' if line.startswith('"POT-Creation-Date')
                                else line for line in lines), encoding="utf-8")
    before = {path: path.read_bytes() for path in sorted(copy.rglob("*.po*"))}
    subprocess.run(["bash", str(UPDATE), str(copy)], check=True, capture_output=True)
    assert {path: path.read_bytes() for path in sorted(copy.rglob("*.po*"))} == before
